/** The thresholds of the digest's "Usage changes": which jumps over the last report are worth a line. */
import { defineArea } from './area.js';
import { positiveInt } from './values.js';

/** The thresholds of the digest's "Usage changes" (both must be met). */
export interface UsageAlertSettings {
  percent: number;
  minPoints: number;
}

export const usageAlertsArea = defineArea({
  vars: {
    USAGE_ALERT_PERCENT: {
      purpose: 'usage changes: an organization at least this many percent above its last report …',
      example: '25',
    },
    USAGE_ALERT_MIN_POINTS: { purpose: '… and at least this many points more is listed', example: '50' },
  },
  schema: {
    USAGE_ALERT_PERCENT: positiveInt(25, 10_000),
    USAGE_ALERT_MIN_POINTS: positiveInt(50, 1_000_000),
  },
  settings(v): { usageAlerts: UsageAlertSettings } {
    return { usageAlerts: { percent: v.USAGE_ALERT_PERCENT, minPoints: v.USAGE_ALERT_MIN_POINTS } };
  },
});
