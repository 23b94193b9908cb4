/**
 * Settings that parse but contradict each other: each one is logged as a warning when `serve` starts,
 * saying what the bot will do instead and how to fix it. None stops the bot (they were accepted before).
 */
import type { AppConfig } from './config.js';

/** A user id (not a user group, which may hold several people). */
const isSingleUser = (id: string) => /^[UW]/.test(id);

export function configWarnings(config: AppConfig, env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const { vspc, roles } = config;

  if (vspc?.api === 'v2' && vspc.auth.type === 'apiKey') {
    warnings.push(
      'VSPC_API=v2 with VSPC_API_KEY: the v2 API (VAC, port 1281) knows no API keys; set VSPC_USERNAME and VSPC_PASSWORD instead.',
    );
  }
  if (set('VSPC_API_KEY') && (set('VSPC_USERNAME') || set('VSPC_PASSWORD'))) {
    warnings.push(
      'VSPC_API_KEY and VSPC_USERNAME/VSPC_PASSWORD are both set: the API key is used, the user name and password are not.',
    );
  }
  const plainHttp = vspc?.url.startsWith('http://') === true;
  if (plainHttp && vspc?.tlsInsecure) {
    warnings.push(
      'VSPC_TLS_INSECURE=true with an http:// VSPC_URL: there is no TLS to verify; the setting does nothing.',
    );
  }
  if (plainHttp && vspc?.caFile) {
    warnings.push('VSPC_CA_FILE with an http:// VSPC_URL: there is no TLS, so the CA file is not used.');
  }
  if (vspc?.tlsInsecure && vspc.caFile) {
    warnings.push(
      'VSPC_TLS_INSECURE=true and VSPC_CA_FILE: with verification off the CA file is not used; drop VSPC_TLS_INSECURE.',
    );
  }

  const writesOn = roles.operators.length > 0 || roles.approvers.length > 0;
  if (roles.requireSecondPerson) {
    if (roles.approvers.length === 0 && roles.operators.length === 1 && roles.operators.every(isSingleUser)) {
      warnings.push(
        'REQUIRE_SECOND_PERSON=true with APPROVERS empty and one person in OPERATORS: nobody else may confirm, so no write can ever run. Add APPROVERS or a second operator.',
      );
    } else if (roles.approvers.length === 1 && roles.approvers.every(isSingleUser)) {
      warnings.push(
        'REQUIRE_SECOND_PERSON=true with one person in APPROVERS: their own requests can never be confirmed. Add a second approver (or a user group).',
      );
    }
  }
  if (!writesOn && roles.writeChannels.length > 0) {
    warnings.push('WRITE_CHANNELS is set but writes are off (APPROVERS and OPERATORS are empty): it has no effect.');
  }
  if (!writesOn && roles.requireSecondPerson) {
    warnings.push(
      'REQUIRE_SECOND_PERSON=true but writes are off (APPROVERS and OPERATORS are empty): it has no effect.',
    );
  }
  if (config.slack?.appToken && set('SLACK_SIGNING_SECRET')) {
    warnings.push(
      'SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are both set: Socket Mode is used and the signing secret is not.',
    );
  }
  if (config.digest.channels.length === 0 && set('DIGEST_CRON')) {
    warnings.push('DIGEST_CRON is set but DIGEST_CHANNEL is empty: no digest is posted.');
  }
  return warnings;
}
