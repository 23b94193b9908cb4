/**
 * The whole bot against the simulator's legacy REST v2 endpoints (`VSPC_API=v2`), logged in with a
 * user name and password at `POST /token`, plus what a test needs to play the people in Slack:
 * ask a command, confirm its approval card, submit the install modal.
 */
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulator/index.js';
import { startTestBot, type TestBot } from '../../support/app.js';
import { fileInputValue, RESPONSE_URL, type RecordedCall, sendViewSubmission } from '../../support/slack/index.js';

export const V2_USERNAME = 'vac-admin';
export const V2_PASSWORD = 'vac-test-password-7f3a';
export const REQUESTER = 'U0REQUESTER';
export const APPROVER = 'U0APPROVER';
export const CHANNEL = 'C0LICENSES';

/** Simulator options that make the password login the only way in (the API key is one the bot does not have). */
export function v2Simulator(options: SimulatorOptions = {}): SimulatorOptions {
  return { username: V2_USERNAME, password: V2_PASSWORD, apiKey: 'only-a-token-works-here', ...options };
}

export async function startV2Bot(
  simulator: SimulatorOptions | RunningSimulator = {},
  env: Record<string, string> = {},
): Promise<TestBot> {
  return startTestBot({
    ...('url' in simulator ? { sim: simulator } : { simulator: v2Simulator(simulator) }),
    env: {
      VSPC_API: 'v2',
      VSPC_API_KEY: '',
      VSPC_USERNAME: V2_USERNAME,
      VSPC_PASSWORD: V2_PASSWORD,
      OPERATORS: REQUESTER,
      APPROVERS: APPROVER,
      ...env,
    },
  });
}

export interface Answer {
  text: string;
  blocks: unknown[];
  /** Fallback text and blocks as one string, for matching wording and numbers. */
  all: string;
}

function answerOf(call: RecordedCall): Answer {
  const text = String(call.params.text ?? '');
  const blocks = Array.isArray(call.params.blocks) ? (call.params.blocks as unknown[]) : [];
  return { text, blocks, all: `${text}\n${JSON.stringify(blocks)}` };
}

/** `/vspc <text>` and the answer it gets through its own response_url. */
export async function ask(t: TestBot, text: string, user = REQUESTER): Promise<Answer> {
  const sent = await t.command(text, user, CHANNEL);
  if (sent.status !== 200) throw new Error(`/vspc ${text} was answered ${sent.status}`);
  const target = decodeURIComponent(sent.responseUrl.slice(sent.responseUrl.lastIndexOf('/') + 1));
  const call = await t.fake.waitFor((c) => c.method === RESPONSE_URL && c.target === target, {
    since: sent.since,
    timeoutMs: 8000,
  });
  return answerOf(call);
}

function buttonValue(blocks: unknown, actionId: string): string | undefined {
  for (const block of Array.isArray(blocks) ? (blocks as { elements?: unknown }[]) : []) {
    for (const element of Array.isArray(block.elements) ? (block.elements as Record<string, unknown>[]) : []) {
      if (element.action_id === actionId && typeof element.value === 'string') return element.value;
    }
  }
  return undefined;
}

export interface Card {
  actionId: string;
  ts: string;
  posted: Answer;
}

/** The approval card the bot posts in the channel after `since`. */
export async function waitForCard(t: TestBot, since: number): Promise<Card> {
  const call = await t.fake
    .waitFor((c) => c.method === 'chat.postMessage' && buttonValue(c.params.blocks, 'confirm_action') !== undefined, {
      since,
      timeoutMs: 8000,
    })
    .catch((error: unknown) => {
      // Say what the bot answered instead of a card: that is the fact to debug.
      const answers = t.fake
        .calls(RESPONSE_URL)
        .filter((c) => c.seq > since)
        .map((c) => String(c.params.text));
      throw new Error(`no approval card; the bot answered ${JSON.stringify(answers)}: ${String(error)}`);
    });
  const result = call.result as { ts?: string } | undefined;
  const actionId = buttonValue(call.params.blocks, 'confirm_action');
  if (!result?.ts || !actionId) throw new Error('the approval card was not accepted by Slack');
  return { actionId, ts: result.ts, posted: answerOf(call) };
}

/** Confirm as the approver; resolves with the card as it ends (its buttons gone, an outcome shown). */
export async function confirm(t: TestBot, card: Card): Promise<Answer> {
  const since = t.fake.mark();
  const clicked = await t.click({
    actionId: 'confirm_action',
    value: card.actionId,
    messageTs: card.ts,
    user: APPROVER,
  });
  if (clicked.status !== 200) throw new Error(`the Confirm click was answered ${clicked.status}`);
  const ended = await t.fake.waitFor(
    (c) =>
      c.method === 'chat.update' &&
      c.params.ts === card.ts &&
      buttonValue(c.params.blocks, 'confirm_action') === undefined &&
      /Done|Failed|Outcome unknown/.test(JSON.stringify(c.params.blocks)),
    { since, timeoutMs: 8000 },
  );
  return answerOf(ended);
}

type HostedFile = ReturnType<TestBot['fake']['hostFile']>;

/** A signed view_submission of the install modal, as Slack sends it after the user picked a file. */
export function submitInstall(t: TestBot, input: { kind: string; uid: string; file: HostedFile; user?: string }) {
  return sendViewSubmission(t.url, t.secret, {
    callbackId: 'install_license',
    privateMetadata: JSON.stringify({ channel: CHANNEL, kind: input.kind }),
    userId: input.user ?? REQUESTER,
    values: {
      target: {
        target: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: input.uid }, value: input.uid },
        } as never,
      },
      file: { file: fileInputValue(input.file) },
    },
  });
}
