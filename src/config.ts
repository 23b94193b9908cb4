/**
 * Every environment variable of the app, parsed once with zod. A missing or bad value fails at
 * start with one message that names each variable, what it is for and an example; secret values
 * are never echoed back. Each area (`config/*.ts`) owns its variables; this file merges them.
 */
import { z } from 'zod';
import { approvalsArea } from './config/approvals.js';
import type { ConfigArea, ConfigNeeds, VarDoc } from './config/area.js';
import { digestArea } from './config/digest.js';
import { loggingArea } from './config/logging.js';
import { serverArea } from './config/server.js';
import { slackArea } from './config/slack.js';
import { storeArea } from './config/store.js';
import { usageAlertsArea } from './config/usage-alerts.js';
import { vspcArea } from './config/vspc.js';

export type { RoleSettings } from './config/approvals.js';
export type { ConfigNeeds } from './config/area.js';
export type { DigestSettings } from './config/digest.js';
export type { SlackSettings } from './config/slack.js';
export type { UsageAlertSettings } from './config/usage-alerts.js';
export type { VspcAuth, VspcSettings } from './config/vspc.js';

/** Every area, in the order the README documents them. A new area: a file in config/ and one line here. */
const AREAS = {
  serverArea,
  slackArea,
  vspcArea,
  storeArea,
  approvalsArea,
  digestArea,
  usageAlertsArea,
  loggingArea,
};

type Area = (typeof AREAS)[keyof typeof AREAS];
type AnyArea = ConfigArea<Record<string, VarDoc>, Record<string, z.ZodType>, object>;
type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void
  ? I
  : never;
type Merged<U> = { [Key in keyof UnionToIntersection<U>]: UnionToIntersection<U>[Key] };

const areas: AnyArea[] = Object.values(AREAS);

/** The documentation of every variable: used in error messages and checked against the README in a test. */
export const ENV_DOCS = Object.assign({}, ...areas.map((area) => area.vars)) as Merged<Area['vars']>;

export type EnvName = keyof typeof ENV_DOCS;

export interface AppConfig extends Merged<ReturnType<Area['settings']>> {}

const schema = z.object(Object.assign({}, ...areas.map((area) => area.schema)) as Record<string, z.ZodType>);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: { variable: EnvName; problem: string }[]) {
    super(
      [
        'Configuration is incomplete or invalid:',
        ...problems.map(({ variable, problem }) => {
          const doc: VarDoc = ENV_DOCS[variable];
          return `  - ${variable}: ${problem}. It is ${doc.purpose}. Example: ${variable}=${doc.example}`;
        }),
        'See the configuration table in README.md. To try the bot without Slack or VSPC, run: npm run demo',
      ].join('\n'),
    );
  }
}

/** Parses `env` once. Throws ConfigError naming every missing or bad variable; never echoes values. */
export function loadConfig(env: NodeJS.ProcessEnv, needs: ConfigNeeds = {}): AppConfig {
  const result = schema.safeParse(env);
  const problems: { variable: EnvName; problem: string }[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0]) as EnvName;
      // zod's own messages can quote the received value; keep only our wording for secrets.
      const secret = (ENV_DOCS[variable] as VarDoc | undefined)?.secret === true;
      problems.push({ variable, problem: secret ? 'is not valid' : issue.message });
    }
    throw new ConfigError(problems);
  }
  const report = (variable: string, problem: string) => problems.push({ variable: variable as EnvName, problem });
  const parts = areas.map((area) => area.settings(result.data, needs, report));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.assign({}, ...parts) as AppConfig;
}
