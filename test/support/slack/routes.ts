/** The fake's HTTP endpoints: /api/<method>, /response/<id>, /upload/<file>, /files-pri/…; all record what they get. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './call-log.js';
import { type FaultQueue, faultAnswer, sleep } from './faults.js';
import { answerDownload, parseFilePath } from './file-host.js';
import { bearerToken, parseParams, readRawBody, uploadedBytes } from './read-body.js';
import type { ResponseUrls } from './response-urls.js';
import { FILE_DOWNLOAD, FILE_UPLOAD, type Params, RESPONSE_URL, type RecordedDownload } from './types.js';
import { stringParam } from './web-api/context.js';
import { defaultMethods, type FakeLinks, type MethodHandler, type MethodResult, tokenError } from './web-api/index.js';
import type { Workspace } from './workspace.js';

/** Everything the routes read and write; owned by FakeSlack. */
export interface FakeState {
  workspace: Workspace;
  log: CallLog;
  faults: FaultQueue;
  overrides: Map<string, MethodHandler>;
  responses: ResponseUrls;
  downloads: RecordedDownload[];
  links: FakeLinks;
}

export async function route(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
  baseUrl: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', baseUrl);
  const path = url.pathname;
  if (path.startsWith('/api/') && (req.method === 'POST' || req.method === 'GET')) {
    return webApi(state, req, res, decodeURIComponent(path.slice('/api/'.length)), url.searchParams);
  }
  if (path.startsWith('/response/') && req.method === 'POST') {
    return responseUrl(state, req, res, decodeURIComponent(path.slice('/response/'.length)));
  }
  if (path.startsWith('/upload/') && req.method === 'POST') {
    return upload(state, req, res, decodeURIComponent(path.slice('/upload/'.length)));
  }
  if (path.startsWith('/files-pri/') && req.method === 'GET') return download(state, req, res, path);
  await readRawBody(req);
  answerText(res, 404, 'not found');
}

async function webApi(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  query: URLSearchParams,
): Promise<void> {
  const raw = await readRawBody(req);
  const params: Params = { ...Object.fromEntries(query), ...parseParams(raw, req.headers['content-type']) };
  const token = bearerToken(req.headers.authorization) ?? stringParam(params, 'token');
  delete params.token;
  const seq = state.log.nextSeq();
  const fault = await takeFault(state.faults, method);
  const status = fault?.status ?? 200;
  const result = fault ? fault.body : answerMethod(state, method, params, token);
  state.log.add({ seq, method, params, token, at: Date.now(), status, result });
  answerJson(res, status, result, fault?.headers);
}

function answerMethod(state: FakeState, method: string, params: Params, token: string | undefined): MethodResult {
  const handler = state.overrides.get(method) ?? defaultMethods[method];
  if (!handler) return { ok: false, error: 'unknown_method' };
  const refused = tokenError(method, token, state.workspace.identity);
  if (refused) return { ok: false, error: refused };
  return handler({ params, workspace: state.workspace, links: state.links });
}

async function responseUrl(state: FakeState, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const raw = await readRawBody(req);
  const seq = state.log.nextSeq();
  const fault = await takeFault(state.faults, RESPONSE_URL);
  if (fault) {
    const params = parseParams(raw, 'application/json');
    state.log.add({
      seq,
      method: RESPONSE_URL,
      params,
      token: undefined,
      at: Date.now(),
      target: id,
      status: fault.status,
    });
    return answerText(res, fault.status, fault.body.error, fault.headers);
  }
  const answer = state.responses.receive(id, raw, state.workspace);
  const { body: params, status } = answer;
  state.log.add({ seq, method: RESPONSE_URL, params, token: undefined, at: Date.now(), target: id, status });
  answerText(res, answer.status, answer.text);
}

async function upload(state: FakeState, req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
  const raw = await readRawBody(req);
  const token = bearerToken(req.headers.authorization);
  const seq = state.log.nextSeq();
  const file = state.workspace.files.get(fileId);
  const fault = await takeFault(state.faults, FILE_UPLOAD);
  const record = (status: number, size: number): void =>
    state.log.add({ seq, method: FILE_UPLOAD, params: { size }, token, at: Date.now(), target: fileId, status });
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

async function download(state: FakeState, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  await readRawBody(req);
  const token = bearerToken(req.headers.authorization);
  const fileId = parseFilePath(path);
  const fault = await takeFault(state.faults, FILE_DOWNLOAD);
  if (fault) {
    const seq = state.log.nextSeq();
    const at = Date.now();
    state.log.add({ seq, method: FILE_DOWNLOAD, params: {}, token, at, target: fileId ?? path, status: fault.status });
    return answerText(res, fault.status, fault.body.error, fault.headers);
  }
  const answer = answerDownload(state.workspace, fileId, token);
  const at = Date.now();
  const { authorized } = answer;
  state.downloads.push({ fileId: fileId ?? '', name: answer.file?.name ?? '', token, authorized, at });
  const seq = state.log.nextSeq();
  state.log.add({
    seq,
    method: FILE_DOWNLOAD,
    params: { authorized },
    token,
    at,
    target: fileId ?? path,
    status: answer.status,
  });
  res.writeHead(answer.status, { 'content-type': answer.contentType });
  res.end(answer.body);
}

/** Takes the queued fault, waits its delay, and returns its answer (undefined: answer normally). */
async function takeFault(faults: FaultQueue, method: string): Promise<ReturnType<typeof faultAnswer>> {
  const fault = faults.take(method);
  if (!fault) return undefined;
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.until) await fault.until();
  return faultAnswer(fault);
}

function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function answerText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}
