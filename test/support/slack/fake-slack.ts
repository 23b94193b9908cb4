/**
 * A loopback fake of Slack for offline tests of the real Bolt app: the Web API at `apiUrl`
 * (give it to the app as SLACK_API_URL), response_url receivers, a private file host and a
 * Socket Mode WebSocket. It records every request and answers like Slack, including its quirks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UploadedFile } from '@slack/bolt';
import { CallLog, type CallMatcher, type WaitOptions } from './call-log.js';
import { FaultQueue } from './faults.js';
import { type HostFileInput, hostFile } from './file-host.js';
import { type ResponseUrlOptions, ResponseUrls } from './response-urls.js';
import { answerText, type FakeState, route } from './routes.js';
import { type Envelope, FakeSocketMode, type SocketAck } from './socket-mode.js';
import type {
  FakeSlackOptions,
  FakeUser,
  Fault,
  RecordedCall,
  RecordedDownload,
  RecordedResponse,
  StoredFile,
  StoredMessage,
  StoredView,
} from './types.js';
import { type FakeLinks, fileObject, type MethodHandler, type MethodResult } from './web-api/index.js';
import { type Identity, Workspace } from './workspace.js';

/** A file the app uploaded, as the fake stored it. */
export interface UploadRecord extends StoredFile {
  /** The first channel it was shared to (files.completeUploadExternal `channel_id`). */
  channel: string | undefined;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(options);
  await fake.listen();
  return fake;
}

export class FakeSlack {
  readonly #state: FakeState;
  readonly #workspace: Workspace;
  readonly #log = new CallLog();
  readonly #overrides = new Map<string, MethodHandler>();
  readonly #faults = new FaultQueue();
  readonly #responses: ResponseUrls;
  readonly #downloads: RecordedDownload[] = [];
  readonly #server: Server;
  readonly socket: FakeSocketMode;
  #baseUrl = '';
  #ticket = 0;

  constructor(options: FakeSlackOptions = {}) {
    this.#workspace = new Workspace(options);
    this.#responses = new ResponseUrls(options.responseUrlMaxUses ?? 5);
    this.socket = new FakeSocketMode(this.#workspace.identity.appId);
    this.#state = {
      workspace: this.#workspace,
      log: this.#log,
      faults: this.#faults,
      overrides: this.#overrides,
      responses: this.#responses,
      downloads: this.#downloads,
      links: this.#links(),
    };
    this.#server = createServer((req, res) => {
      route(this.#state, req, res, this.#baseUrl).catch((error: unknown) =>
        answerText(res, 500, `fake Slack failed: ${String(error)}`),
      );
    });
    this.#server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').startsWith('/link')) this.socket.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.#server.address() as AddressInfo;
    this.#baseUrl = `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- identity and wiring ----

  /** `http://127.0.0.1:PORT` */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** `http://127.0.0.1:PORT/api/`: Bolt's `clientOptions.slackApiUrl`, the app's SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.#baseUrl}/api/`;
  }

  get identity(): Identity {
    return { ...this.#workspace.identity };
  }

  /** Environment for the app under test. */
  env(): { SLACK_API_URL: string; SLACK_BOT_TOKEN: string; SLACK_APP_TOKEN: string } {
    const { botToken, appToken } = this.#workspace.identity;
    return { SLACK_API_URL: this.apiUrl, SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken };
  }

  // ---- recorded traffic ----

  /** Every request in arrival order, or those of one method (also RESPONSE_URL, FILE_UPLOAD, FILE_DOWNLOAD). */
  calls(method?: string): RecordedCall[] {
    return this.#log.list(method);
  }

  /** The seq of the latest call; pass as `waitFor(…, { since })` to wait for something newer. */
  mark(): number {
    return this.#log.mark();
  }

  /** Resolves with the first (or `count`-th) matching call, already recorded or still to come. */
  waitFor(matcher: CallMatcher, options?: WaitOptions): Promise<RecordedCall> {
    return this.#log.waitFor(matcher, options);
  }

  // ---- behaviour ----

  /** Makes the next call(s) of `method` fail: `failNext('chat.update', { error: 'ratelimited', retryAfter: 1 })`. */
  failNext(method: string, fault: Fault): void {
    this.#faults.add(method, fault);
  }

  /** Replaces the fake's answer for a method (also for methods it does not know); returns the undo. */
  override(method: string, handler: MethodHandler | MethodResult): () => void {
    const installed: MethodHandler = typeof handler === 'function' ? handler : () => handler;
    this.#overrides.set(method, installed);
    return () => {
      if (this.#overrides.get(method) === installed) this.#overrides.delete(method);
    };
  }

  /** views.open / views.push with this trigger_id answer `expired_trigger_id`. */
  expireTrigger(triggerId: string): void {
    this.#workspace.expiredTriggers.add(triggerId);
  }

  addUser(user: FakeUser): void {
    this.#workspace.users.set(user.id, user);
  }

  setUserGroup(groupId: string, members: string[]): void {
    this.#workspace.userGroups.set(groupId, [...members]);
  }

  // ---- workspace state ----

  /** Messages as they stand now (after chat.update / replace_original), oldest first. */
  messages(channel?: string): StoredMessage[] {
    return [...this.#workspace.messages.values()]
      .filter((message) => channel === undefined || message.channel === channel)
      .map((message) => ({ ...message }));
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    const message = this.#workspace.message(channel, ts);
    return message ? { ...message } : undefined;
  }

  /** Seeds a message the app did not post (e.g. the card a button under test lives on). */
  addMessage(input: { channel: string; text?: string; blocks?: unknown[]; ephemeral?: boolean }): StoredMessage {
    const message: StoredMessage = {
      channel: input.channel,
      ts: this.#workspace.clock.next(),
      text: input.text,
      blocks: input.blocks,
      threadTs: undefined,
      ephemeral: input.ephemeral ?? false,
      visibleTo: undefined,
      updates: 0,
      deleted: false,
    };
    this.#workspace.addMessage(message);
    return { ...message };
  }

  /** The App Home view last published for a user (views.publish), if any. */
  homeView(userId: string): StoredView | undefined {
    const home = this.#workspace.homes.get(userId);
    return home ? { ...home } : undefined;
  }

  views(): StoredView[] {
    return [...this.#workspace.views.values()].map((view) => ({ ...view }));
  }

  /** Files the app uploaded with files.uploadV2 (bytes as received). */
  uploads(): UploadRecord[] {
    return [...this.#workspace.files.values()]
      .filter((file) => file.origin === 'upload')
      .map((file) => ({ ...file, channel: file.channels[0] }));
  }

  /** Hosts a file for a file_input test; returns the Slack file object to put in `state.values`. */
  hostFile(input: HostFileInput): UploadedFile {
    const file = hostFile(this.#workspace, input);
    return fileObject(file, this.#workspace, this.#state.links) as unknown as UploadedFile;
  }

  downloads(): RecordedDownload[] {
    return [...this.#downloads];
  }

  // ---- response_url ----

  /** A response_url on the fake: `responseUrl()`, `responseUrl('r-approve')`, or bound to a message. */
  responseUrl(idOrOptions?: string | ResponseUrlOptions): string {
    const options = typeof idOrOptions === 'string' ? { id: idOrOptions } : (idOrOptions ?? {});
    const id = this.#responses.create(options);
    return `${this.#baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** From now on the URL answers 404 `expired_url`, as Slack does after 30 minutes. */
  expireResponseUrl(idOrUrl: string): void {
    this.#responses.expire(responseIdOf(idOrUrl));
  }

  responses(idOrUrl?: string): RecordedResponse[] {
    return this.#responses.posts(idOrUrl === undefined ? undefined : responseIdOf(idOrUrl));
  }

  /** URLs back to the fake; read the base lazily, since the port is known only after listen(). */
  #links(): FakeLinks {
    const { teamId, appId } = this.#workspace.identity;
    return {
      uploadUrl: (fileId) => `${this.#baseUrl}/upload/${fileId}`,
      privateUrl: (fileId, name) => `${this.#baseUrl}/files-pri/${teamId}-${fileId}/${encodeURIComponent(name)}`,
      downloadUrl: (fileId, name) =>
        `${this.#baseUrl}/files-pri/${teamId}-${fileId}/download/${encodeURIComponent(name)}`,
      socketUrl: () => {
        this.#ticket += 1;
        return `${this.#baseUrl.replace(/^http/, 'ws')}/link/?ticket=fake-ticket-${this.#ticket}&app_id=${appId}`;
      },
    };
  }

  // ---- Socket Mode ----

  /** Shorthand for `socket.sendEnvelope`. */
  sendEnvelope(envelope: Envelope, options?: { timeoutMs?: number }): Promise<SocketAck> {
    return this.socket.sendEnvelope(envelope, options);
  }
}

/** Accepts `r1` or a whole response URL. */
function responseIdOf(idOrUrl: string): string {
  const match = /\/response\/([^/?#]+)/.exec(idOrUrl);
  return match?.[1] ? decodeURIComponent(match[1]) : idOrUrl;
}
