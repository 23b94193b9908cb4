import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('sqlite:./data/vspc-bot.sqlite');
    expect(config.digest).toMatchObject({ cron: '0 8 * * *', timeZone: 'UTC', expiryDays: 30, skipEmpty: false });
    expect(config.approvalTtlMinutes).toBe(15);
    expect(config.usageAlerts).toEqual({ percent: 25, minPoints: 50 });
    expect(config.slack).toBeUndefined();
  });

  it('reads the usage-change thresholds and refuses what is not a positive whole number', () => {
    expect(loadConfig({ USAGE_ALERT_PERCENT: '40', USAGE_ALERT_MIN_POINTS: '200' }).usageAlerts).toEqual({
      percent: 40,
      minPoints: 200,
    });
    expect(() => loadConfig({ USAGE_ALERT_PERCENT: '12.5' })).toThrow(/USAGE_ALERT_PERCENT/);
    expect(() => loadConfig({ USAGE_ALERT_MIN_POINTS: '0' })).toThrow(/USAGE_ALERT_MIN_POINTS/);
  });

  it('names every missing variable for serve, with purpose and example', () => {
    let error: unknown;
    try {
      loadConfig({}, { slack: true, vspc: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'VSPC_URL', 'VSPC_API_KEY']) {
      expect(message).toContain(name);
    }
    expect(message).toContain('Example:');
    expect(message).toContain('npm run demo');
  });

  it('rejects bad values without echoing secrets', () => {
    expect(() =>
      loadConfig({ VSPC_TLS_INSECURE: 'maybe', DIGEST_CRON: 'every day', DIGEST_TIMEZONE: 'Mars/Base', PORT: 'x' }),
    ).toThrow(/VSPC_TLS_INSECURE[\s\S]*PORT|PORT[\s\S]*VSPC_TLS_INSECURE/);
    try {
      loadConfig({ SLACK_APP_TOKEN: 'xoxb-super-secret-value' });
    } catch (e) {
      expect((e as Error).message).toContain('SLACK_APP_TOKEN');
      expect((e as Error).message).not.toContain('super-secret');
    }
  });

  it('parses flags, id lists and the password grant', () => {
    const config = loadConfig(
      {
        VSPC_URL: 'https://vspc.example.com:1280/',
        VSPC_USERNAME: 'bot',
        VSPC_PASSWORD: 'pw',
        APPROVERS: 'U0LEAD123, S0GROUP12',
        REQUIRE_SECOND_PERSON: 'yes',
        DIGEST_CHANNEL: 'C01,C02',
      },
      { vspc: true },
    );
    expect(config.vspc?.url).toBe('https://vspc.example.com:1280');
    expect(config.vspc?.auth).toEqual({ type: 'password', username: 'bot', password: 'pw' });
    expect(config.roles.approvers).toEqual(['U0LEAD123', 'S0GROUP12']);
    expect(config.roles.requireSecondPerson).toBe(true);
    expect(config.digest.channels).toEqual(['C01', 'C02']);
  });
});
