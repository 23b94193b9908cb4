import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';

describe('metrics', () => {
  it('exposes the documented series in Prometheus text format', async () => {
    const metrics = createMetrics({ defaultMetrics: false, actionStates: async () => ({ pending: 2, succeeded: 5 }) });
    metrics.commands.inc({ command: 'licenses', outcome: 'ok' });
    metrics.vspcRequests.observe({ operation: 'GetBackupServersLicenses', status: '200' }, 0.12);
    metrics.digestRuns.inc({ outcome: 'posted' });
    metrics.slackApiErrors.inc({ method: 'chat.update', error: 'ratelimited' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('vspc_bot_commands_total{command="licenses",outcome="ok"} 1');
    expect(text).toContain(
      'vspc_bot_vspc_request_duration_seconds_count{operation="GetBackupServersLicenses",status="200"} 1',
    );
    expect(text).toContain('vspc_bot_pending_actions{state="pending"} 2');
    expect(text).toContain('vspc_bot_digest_runs_total{outcome="posted"} 1');
    expect(text).toContain('vspc_bot_slack_api_errors_total{method="chat.update",error="ratelimited"} 1');
  });
});
