/**
 * A loopback fake of Slack for offline tests of the real Bolt app: the Web API at `apiUrl`
 * (give it to the app as SLACK_API_URL), response_url receivers, a private file host and a
 * Socket Mode WebSocket. It records every request and answers like Slack, including its quirks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UploadedFile } from '@slack/bolt';
import { CallLog, type CallMatcher, type WaitOptions } from './call-log.js';
import { FaultQueue, faultAnswer, sleep } from './faults.js';
import { answerDownload, type HostFileInput, hostFile, parseFilePath } from './file-host.js';
import { bearerToken, parseParams, readRawBody, uploadedBytes } from './read-body.js';
import { type ResponseUrlOptions, ResponseUrls } from './response-urls.js';
import { type Envelope, FakeSocketMode, type SocketAck } from './socket-mode.js';
import {
  type FakeSlackOptions,
  type FakeUser,
  type Fault,
  FILE_DOWNLOAD,
  FILE_UPLOAD,
  type Params,
  RESPONSE_URL,
  type RecordedCall,
  type RecordedDownload,
  type RecordedResponse,
  type StoredFile,
  type StoredMessage,
  type StoredView,
} from './types.js';
import { stringParam } from './web-api/context.js';
import {
  defaultMethods,
  type FakeLinks,
  fileObject,
  type MethodHandler,
  type MethodResult,
  tokenError,
} from './web-api/index.js';
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
  readonly #workspace: Workspace;
  readonly #log = new CallLog();
  readonly #faults = new FaultQueue();
  readonly #overrides = new Map<string, MethodHandler>();
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
    this.#server = createServer((req, res) => {
      this.#route(req, res).catch((error: unknown) => answerText(res, 500, `fake Slack failed: ${String(error)}`));
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
    return fileObject(file, this.#workspace, this.#links()) as unknown as UploadedFile;
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

  // ---- Socket Mode ----

  /** Shorthand for `socket.sendEnvelope`. */
  sendEnvelope(envelope: Envelope, options?: { timeoutMs?: number }): Promise<SocketAck> {
    return this.socket.sendEnvelope(envelope, options);
  }

  // ---- HTTP ----

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.#baseUrl);
    const path = url.pathname;
    if (path.startsWith('/api/') && (req.method === 'POST' || req.method === 'GET')) {
      return this.#webApi(req, res, decodeURIComponent(path.slice('/api/'.length)), url.searchParams);
    }
    if (path.startsWith('/response/') && req.method === 'POST') {
      return this.#responseUrl(req, res, decodeURIComponent(path.slice('/response/'.length)));
    }
    if (path.startsWith('/upload/') && req.method === 'POST') {
      return this.#upload(req, res, decodeURIComponent(path.slice('/upload/'.length)));
    }
    if (path.startsWith('/files-pri/') && req.method === 'GET') return this.#download(req, res, path);
    await readRawBody(req);
    answerText(res, 404, 'not found');
  }

  async #webApi(req: IncomingMessage, res: ServerResponse, method: string, query: URLSearchParams): Promise<void> {
    const raw = await readRawBody(req);
    const params: Params = { ...Object.fromEntries(query), ...parseParams(raw, req.headers['content-type']) };
    const token = bearerToken(req.headers.authorization) ?? stringParam(params, 'token');
    delete params.token;
    const seq = this.#log.nextSeq();
    const fault = await this.#takeFault(method);
    let status = 200;
    let headers: Record<string, string> = {};
    let result: MethodResult;
    if (fault) {
      ({ status, headers } = fault);
      result = fault.body;
    } else {
      result = this.#answerMethod(method, params, token);
    }
    this.#log.add({ seq, method, params, token, at: Date.now(), status, result });
    answerJson(res, status, result, headers);
  }

  #answerMethod(method: string, params: Params, token: string | undefined): MethodResult {
    const handler = this.#overrides.get(method) ?? defaultMethods[method];
    if (!handler) return { ok: false, error: 'unknown_method' };
    const refused = tokenError(method, token, this.#workspace.identity);
    if (refused) return { ok: false, error: refused };
    return handler({ params, workspace: this.#workspace, links: this.#links() });
  }

  async #responseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readRawBody(req);
    const seq = this.#log.nextSeq();
    const fault = await this.#takeFault(RESPONSE_URL);
    if (fault) {
      this.#log.add({
        seq,
        method: RESPONSE_URL,
        params: parseParams(raw, 'application/json'),
        token: undefined,
        at: Date.now(),
        target: id,
        status: fault.status,
      });
      return answerText(res, fault.status, fault.body.error, fault.headers);
    }
    const answer = this.#responses.receive(id, raw, this.#workspace);
    this.#log.add({
      seq,
      method: RESPONSE_URL,
      params: answer.body,
      token: undefined,
      at: Date.now(),
      target: id,
      status: answer.status,
    });
    answerText(res, answer.status, answer.text);
  }

  async #upload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const raw = await readRawBody(req);
    const token = bearerToken(req.headers.authorization);
    const seq = this.#log.nextSeq();
    const file = this.#workspace.files.get(fileId);
    const fault = await this.#takeFault(FILE_UPLOAD);
    const record = (status: number, size: number): void =>
      this.#log.add({ seq, method: FILE_UPLOAD, params: { size }, token, at: Date.now(), target: fileId, status });
    if (fault) {
      record(fault.status, raw.length);
      return answerText(res, fault.status, fault.body.error, fault.headers);
    }
    if (file?.origin !== 'upload') {
      record(404, raw.length);
      return answerText(res, 404, 'file not found');
    }
    file.bytes = await uploadedBytes(raw, req.headers['content-type']);
    record(200, file.bytes.length);
    answerText(res, 200, `OK - ${file.bytes.length}`);
  }

  async #download(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    await readRawBody(req);
    const token = bearerToken(req.headers.authorization);
    const fileId = parseFilePath(path);
    const answer = answerDownload(this.#workspace, fileId, token);
    const at = Date.now();
    this.#downloads.push({
      fileId: fileId ?? '',
      name: answer.file?.name ?? '',
      token,
      authorized: answer.authorized,
      at,
    });
    this.#log.add({
      seq: this.#log.nextSeq(),
      method: FILE_DOWNLOAD,
      params: { authorized: answer.authorized },
      token,
      at,
      target: fileId ?? path,
      status: answer.status,
    });
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  }

  /** Takes the queued fault, waits its delay, and returns its answer (undefined: answer normally). */
  async #takeFault(method: string): Promise<ReturnType<typeof faultAnswer>> {
    const fault = this.#faults.take(method);
    if (!fault) return undefined;
    if (fault.delayMs) await sleep(fault.delayMs);
    return faultAnswer(fault);
  }

  #links(): FakeLinks {
    const base = this.#baseUrl;
    const { teamId, appId } = this.#workspace.identity;
    return {
      uploadUrl: (fileId) => `${base}/upload/${fileId}`,
      privateUrl: (fileId, name) => `${base}/files-pri/${teamId}-${fileId}/${encodeURIComponent(name)}`,
      downloadUrl: (fileId, name) => `${base}/files-pri/${teamId}-${fileId}/download/${encodeURIComponent(name)}`,
      socketUrl: () => {
        this.#ticket += 1;
        return `${base.replace(/^http/, 'ws')}/link/?ticket=fake-ticket-${this.#ticket}&app_id=${appId}`;
      },
    };
  }
}

/** Accepts `r1` or a whole response URL. */
function responseIdOf(idOrUrl: string): string {
  const match = /\/response\/([^/?#]+)/.exec(idOrUrl);
  return match?.[1] ? decodeURIComponent(match[1]) : idOrUrl;
}

function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function answerText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}
