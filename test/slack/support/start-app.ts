/**
 * Starts the real Slack app on 127.0.0.1:0 against the loopback fake of Slack, over a real
 * in-memory store, the real access rules and approval service, and a given licensing backend.
 */

import { createAccess } from '../../../src/approvals/roles.js';
import { createApprovalService } from '../../../src/approvals/service.js';
import type { ApprovalService } from '../../../src/approvals/types.js';
import type { CommandContext } from '../../../src/commands/context.js';
import { createInsightService, DEFAULT_USAGE_THRESHOLDS } from '../../../src/insight/create-service.js';
import type { LicensingBackend } from '../../../src/licenses/backend.js';
import { createInventory } from '../../../src/licenses/inventory.js';
import { silentLogger } from '../../../src/log.js';
import { createSlackApp, type SlackApp } from '../../../src/slack/app.js';
import type { SlackAppDeps } from '../../../src/slack/deps.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/types.js';
import type { FakeSlack } from '../../support/slack/index.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM_TIME_ZONE = 'Europe/Berlin';
export const OPERATOR = 'U0OPS';
export const APPROVER = 'U0LEAD';

export interface TestApp {
  url: string;
  port: number;
  slack: SlackApp;
  store: Store;
  approvals: ApprovalService;
  cardsPosted: { actionId: string; channel: string | null; ts: string | null; responseUrl: string | null }[];
  readiness: { ready: boolean };
  close(): Promise<void>;
}

export interface TestAppOptions {
  backend: LicensingBackend;
  fake: FakeSlack;
  socketMode?: boolean;
  clock?: () => Date;
  /** Default: ids known, so no auth.test. */
  skipIds?: boolean;
  overrides?: Partial<SlackAppDeps>;
}

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const clock = options.clock ?? (() => new Date());
  const store = await createStore('sqlite::memory:');
  await store.migrate();
  const access = createAccess(
    { viewers: [], operators: [OPERATOR], approvers: [APPROVER], requireSecondPerson: false, writeChannels: [] },
    { groupMembers: async () => [], clock },
  );
  const inventory = createInventory(options.backend, { ttlMs: 30_000, clock });
  const approvals = createApprovalService({
    store,
    backend: options.backend,
    access,
    clock,
    ttlMinutes: 15,
    logger: silentLogger,
    inventory,
  });
  const readiness = { ready: false };
  const cardsPosted: TestApp['cardsPosted'] = [];
  const identity = options.fake.identity;
  const commandContextFor = (userId: string, channelId: string | null): CommandContext => ({
    userId,
    channelId,
    backend: options.backend,
    inventory,
    access,
    approvals,
    store,
    digest: null,
    insight: createInsightService({
      backend: options.backend,
      kept: null,
      clock,
      timeZone: TEAM_TIME_ZONE,
      thresholds: DEFAULT_USAGE_THRESHOLDS,
      concurrency: 4,
    }),
    clock,
    timeZone: TEAM_TIME_ZONE,
    logger: silentLogger,
  });
  const slack = createSlackApp({
    botToken: identity.botToken,
    signingSecret: SIGNING_SECRET,
    appToken: options.socketMode ? identity.appToken : undefined,
    apiUrl: options.fake.apiUrl,
    ...(options.skipIds ? {} : { botId: identity.botId, botUserId: identity.botUserId }),
    retryConfig: { retries: 0 },
    logger: silentLogger,
    commandContextFor,
    ready: async () => readiness.ready,
    clock,
    async onCardPosted(actionId, channel, ts, responseUrl) {
      cardsPosted.push({ actionId, channel, ts, responseUrl });
      await approvals.attachCard(actionId, channel, ts, responseUrl);
    },
    approvalListeners: { approvals, logger: silentLogger, teamTimeZone: TEAM_TIME_ZONE, clock },
    ...options.overrides,
  });
  const { port } = await slack.start(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    slack,
    store,
    approvals,
    cardsPosted,
    readiness,
    async close() {
      await slack.stop();
      await store.close();
    },
  };
}
