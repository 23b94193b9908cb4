/**
 * Every environment variable of the app, parsed once with zod. A missing or bad value fails at
 * start with one message that names each variable, what it is for and an example; secret values
 * are never echoed back.
 */
import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';

interface VarDoc {
  purpose: string;
  example: string;
  secret?: boolean;
}

/** The documentation of every variable: used in error messages and checked against the README in a test. */
export const ENV_DOCS = {
  PORT: { purpose: 'HTTP port for Slack requests, /healthz, /readyz and /metrics', example: '3000' },
  HOST: {
    purpose: 'address `serve` listens on (empty: every interface, as Node does by default)',
    example: '127.0.0.1',
  },
  SLACK_BOT_TOKEN: { purpose: 'the bot token of the Slack app (OAuth & Permissions)', example: 'xoxb-…', secret: true },
  SLACK_SIGNING_SECRET: {
    purpose: 'verifies that HTTP requests come from Slack (Basic Information → Signing Secret)',
    example: '8f14e45fceea167a5a36dedd4bea2543',
    secret: true,
  },
  SLACK_APP_TOKEN: {
    purpose: 'app-level token with connections:write; set it to use Socket Mode instead of HTTP',
    example: 'xapp-1-…',
    secret: true,
  },
  SLACK_API_URL: {
    purpose: 'Slack Web API base with its /api/ (GovSlack, or a local fake in tests)',
    example: 'https://slack.com/api/',
  },
  VSPC_URL: { purpose: 'VSPC server root, without /api/v3', example: 'https://vspc.example.com:1280' },
  VSPC_API: {
    purpose: 'which VSPC REST API to use: v3, or v2 for legacy VAC (then VSPC_URL is the :1281 root)',
    example: 'v3',
  },
  VSPC_API_KEY: {
    purpose: 'VSPC API key, sent as bearer token (instead of user name and password)',
    example: 'a1b2…',
    secret: true,
  },
  VSPC_USERNAME: {
    purpose: 'VSPC user for the password grant (Portal Administrator)',
    example: 'COMPANY\\licensing-bot',
  },
  VSPC_PASSWORD: { purpose: 'password of VSPC_USERNAME', example: '…', secret: true },
  VSPC_CLIENT_VERSION: { purpose: 'X-Client-Version header sent to VSPC', example: '3.6.1' },
  VSPC_CA_FILE: {
    purpose: 'PEM file of a private CA that signed the VSPC certificate',
    example: '/etc/ssl/vspc-ca.pem',
  },
  VSPC_TLS_INSECURE: {
    purpose: 'skip TLS verification of VSPC (only by explicit choice; logged loudly)',
    example: 'false',
  },
  VSPC_TIMEOUT_SECONDS: { purpose: 'timeout of one VSPC request', example: '30' },
  VSPC_PAGE_CONCURRENCY: { purpose: 'how many VSPC pages are fetched at once', example: '4' },
  DATABASE_URL: {
    purpose: 'the store: sqlite:PATH (embedded default) or postgres://… for several replicas',
    example: 'sqlite:./data/vspc-bot.sqlite',
    secret: true,
  },
  VIEWERS: {
    purpose: 'who may run read commands (Slack user ids U… and user group ids S…); empty = everyone',
    example: 'S012AB3CD,U0123ABCD',
  },
  OPERATORS: { purpose: 'who may request writes; empty = the approvers', example: 'S0OPS1234' },
  APPROVERS: {
    purpose: 'who may confirm writes and finalize reports; empty = the requester confirms',
    example: 'U0LEAD123',
  },
  REQUIRE_SECOND_PERSON: { purpose: 'forbid confirming your own request', example: 'true' },
  WRITE_CHANNELS: { purpose: 'channel ids where writes may be requested; empty = any', example: 'C0LICENSES' },
  APPROVAL_TTL_MINUTES: { purpose: 'minutes before an unconfirmed action expires', example: '15' },
  APPROVAL_NOTIFY: {
    purpose:
      "how approvers are told a card waits (and reminded at half the TTL): thread (in the card's thread), dm, off",
    example: 'thread',
  },
  DIGEST_CHANNEL: {
    purpose: 'channel id(s) for the daily digest, comma-separated; empty = no digest',
    example: 'C0LICENSES',
  },
  DIGEST_CRON: { purpose: 'when the digest runs (cron, in DIGEST_TIMEZONE)', example: '0 8 * * 1-5' },
  DIGEST_TIMEZONE: {
    purpose: 'IANA time zone of the team: day counts and the digest schedule',
    example: 'Europe/Berlin',
  },
  DIGEST_EXPIRY_DAYS: { purpose: 'horizon of "expiring soon" in the digest', example: '30' },
  DIGEST_SKIP_EMPTY: {
    purpose: 'post nothing (instead of an all-clear line) when nothing needs attention',
    example: 'false',
  },
  USAGE_ALERT_PERCENT: {
    purpose: 'usage changes: an organization at least this many percent above its last report …',
    example: '25',
  },
  USAGE_ALERT_MIN_POINTS: { purpose: '… and at least this many points more is listed', example: '50' },
  LOG_LEVEL: { purpose: 'pino log level', example: 'info' },
} satisfies Record<string, VarDoc>;

export type EnvName = keyof typeof ENV_DOCS;

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A comma-separated list of Slack ids, each checked against `pattern`. */
const slackIdList = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, message)));

const idList = slackIdList(/^[UWSG][A-Z0-9]{2,}$/, 'each entry must be a Slack user id (U…/W…) or user group id (S…)');
const channelList = slackIdList(/^[CGD][A-Z0-9]{2,}$/, 'each entry must be a Slack channel id (C…, G… or D…)');

const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.stringbool());

const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(max)));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');

const schema = z.object({
  PORT: positiveInt(3000, 65535),
  HOST: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalString
    .transform((v) => v ?? 'https://slack.com/api/')
    .pipe(httpUrl)
    .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
  VSPC_URL: optionalString.pipe(httpUrl.optional()).transform((v) => v?.replace(/\/+$/, '')),
  VSPC_API: optionalString.transform((v) => v ?? 'v3').pipe(z.enum(['v3', 'v2'])),
  VSPC_API_KEY: optionalString,
  VSPC_USERNAME: optionalString,
  VSPC_PASSWORD: optionalString,
  VSPC_CLIENT_VERSION: optionalString.transform((v) => v ?? '3.6.1').pipe(z.string().regex(/^\d+\.\d+(\.\d+)?$/)),
  VSPC_CA_FILE: optionalString.refine((p) => p === undefined || existsSync(p), 'file does not exist'),
  VSPC_TLS_INSECURE: flag(false),
  VSPC_TIMEOUT_SECONDS: positiveInt(30, 3600),
  VSPC_PAGE_CONCURRENCY: positiveInt(4, 32),
  DATABASE_URL: optionalString
    .transform((v) => v ?? 'sqlite:./data/vspc-bot.sqlite')
    .pipe(z.string().regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')),
  VIEWERS: idList,
  OPERATORS: idList,
  APPROVERS: idList,
  REQUIRE_SECOND_PERSON: flag(false),
  WRITE_CHANNELS: channelList,
  APPROVAL_TTL_MINUTES: positiveInt(15, 7 * 24 * 60),
  APPROVAL_NOTIFY: optionalString.transform((v) => (v ?? 'thread').toLowerCase()).pipe(z.enum(['thread', 'dm', 'off'])),
  DIGEST_CHANNEL: channelList,
  DIGEST_CRON: optionalString
    .transform((v) => v ?? '0 8 * * *')
    .refine((v) => cron.validate(v), 'must be a cron expression such as "0 8 * * *"'),
  DIGEST_TIMEZONE: optionalString.transform((v) => v ?? 'UTC').pipe(timeZone),
  DIGEST_EXPIRY_DAYS: positiveInt(30, 3650),
  DIGEST_SKIP_EMPTY: flag(false),
  USAGE_ALERT_PERCENT: positiveInt(25, 10_000),
  USAGE_ALERT_MIN_POINTS: positiveInt(50, 1_000_000),
  LOG_LEVEL: optionalString
    .transform((v) => v ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

type Parsed = z.infer<typeof schema>;

export type VspcAuth = { type: 'apiKey'; apiKey: string } | { type: 'password'; username: string; password: string };

export interface VspcSettings {
  url: string;
  api: 'v3' | 'v2';
  auth: VspcAuth;
  clientVersion: string;
  caFile: string | undefined;
  tlsInsecure: boolean;
  timeoutMs: number;
  pageConcurrency: number;
}

export interface SlackSettings {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string;
}

export interface RoleSettings {
  viewers: string[];
  operators: string[];
  approvers: string[];
  requireSecondPerson: boolean;
  writeChannels: string[];
}

export interface DigestSettings {
  channels: string[];
  cron: string;
  timeZone: string;
  expiryDays: number;
  skipEmpty: boolean;
}

/** The thresholds of the digest's "Usage changes" (both must be met). */
export interface UsageAlertSettings {
  percent: number;
  minPoints: number;
}

export interface AppConfig {
  port: number;
  /** HOST: the address to listen on; undefined = every interface. */
  host: string | undefined;
  slack: SlackSettings | undefined;
  vspc: VspcSettings | undefined;
  databaseUrl: string;
  roles: RoleSettings;
  approvalTtlMinutes: number;
  /** APPROVAL_NOTIFY: where approvers are told that a card waits for them. */
  approvalNotify: 'thread' | 'dm' | 'off';
  digest: DigestSettings;
  usageAlerts: UsageAlertSettings;
  logLevel: Parsed['LOG_LEVEL'];
}

/** What the caller is about to run decides which variables are required. */
export interface ConfigNeeds {
  slack?: boolean;
  vspc?: boolean;
}

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
  const v = result.data;

  if (needs.slack) {
    if (!v.SLACK_BOT_TOKEN) problems.push({ variable: 'SLACK_BOT_TOKEN', problem: 'is missing' });
    if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
      problems.push({
        variable: 'SLACK_SIGNING_SECRET',
        problem: 'is missing (needed in HTTP mode, i.e. without SLACK_APP_TOKEN)',
      });
    }
  }
  let auth: VspcAuth | undefined;
  if (v.VSPC_API_KEY) auth = { type: 'apiKey', apiKey: v.VSPC_API_KEY };
  else if (v.VSPC_USERNAME && v.VSPC_PASSWORD)
    auth = { type: 'password', username: v.VSPC_USERNAME, password: v.VSPC_PASSWORD };
  if (needs.vspc) {
    if (!v.VSPC_URL) problems.push({ variable: 'VSPC_URL', problem: 'is missing' });
    if (!auth) {
      if (v.VSPC_USERNAME && !v.VSPC_PASSWORD)
        problems.push({ variable: 'VSPC_PASSWORD', problem: 'is missing (VSPC_USERNAME is set)' });
      else if (v.VSPC_PASSWORD && !v.VSPC_USERNAME)
        problems.push({ variable: 'VSPC_USERNAME', problem: 'is missing (VSPC_PASSWORD is set)' });
      else problems.push({ variable: 'VSPC_API_KEY', problem: 'is missing (or set VSPC_USERNAME and VSPC_PASSWORD)' });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: v.PORT,
    host: v.HOST,
    slack: v.SLACK_BOT_TOKEN
      ? {
          botToken: v.SLACK_BOT_TOKEN,
          signingSecret: v.SLACK_SIGNING_SECRET,
          appToken: v.SLACK_APP_TOKEN,
          apiUrl: v.SLACK_API_URL,
        }
      : undefined,
    vspc:
      v.VSPC_URL && auth
        ? {
            url: v.VSPC_URL,
            api: v.VSPC_API,
            auth,
            clientVersion: v.VSPC_CLIENT_VERSION,
            caFile: v.VSPC_CA_FILE,
            tlsInsecure: v.VSPC_TLS_INSECURE,
            timeoutMs: v.VSPC_TIMEOUT_SECONDS * 1000,
            pageConcurrency: v.VSPC_PAGE_CONCURRENCY,
          }
        : undefined,
    databaseUrl: v.DATABASE_URL,
    roles: {
      viewers: v.VIEWERS,
      operators: v.OPERATORS,
      approvers: v.APPROVERS,
      requireSecondPerson: v.REQUIRE_SECOND_PERSON,
      writeChannels: v.WRITE_CHANNELS,
    },
    approvalTtlMinutes: v.APPROVAL_TTL_MINUTES,
    approvalNotify: v.APPROVAL_NOTIFY,
    digest: {
      channels: v.DIGEST_CHANNEL,
      cron: v.DIGEST_CRON,
      timeZone: v.DIGEST_TIMEZONE,
      expiryDays: v.DIGEST_EXPIRY_DAYS,
      skipEmpty: v.DIGEST_SKIP_EMPTY,
    },
    usageAlerts: { percent: v.USAGE_ALERT_PERCENT, minPoints: v.USAGE_ALERT_MIN_POINTS },
    logLevel: v.LOG_LEVEL,
  };
}
