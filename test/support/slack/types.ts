/** Shapes shared by the pieces of the fake Slack: what it records and how it is configured. */

export type Params = Record<string, unknown>;

/**
 * Names under which the fake records traffic that is not a Web API method call. They have no dot, so
 * they can never collide with a real method name (`chat.postMessage`).
 */
export const RESPONSE_URL = 'response_url';
export const FILE_UPLOAD = 'file_upload';
export const FILE_DOWNLOAD = 'file_download';

/** One request that reached the fake, in arrival order. */
export interface RecordedCall {
  /** 1, 2, 3… in arrival order; pass to `waitFor({ since })` to ignore what came before. */
  seq: number;
  /** The Web API method (`chat.update`), or RESPONSE_URL / FILE_UPLOAD / FILE_DOWNLOAD. */
  method: string;
  /** Form or JSON fields, without `token`; JSON-valued fields (`blocks`, `view`, `files`…) are decoded. */
  params: Params;
  /** Bearer token from the Authorization header, else the `token` field. */
  token: string | undefined;
  /** Date.now() at arrival. */
  at: number;
  /** The response_url id or file id a pseudo call was about. */
  target?: string;
  /** HTTP status the fake answered. */
  status: number;
  /** The JSON the fake answered (Web API calls), so a test can see which error an app got. */
  result?: unknown;
}

/** Makes the next call(s) of a method fail or answer late. */
export interface Fault {
  /** Slack error code in `{ ok: false, error }`. Default `ratelimited` for 429, else `internal_error`. */
  error?: string;
  /** HTTP status. Default 200 (Slack answers errors with 200), 429 if `retryAfter` is set. */
  status?: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Answer after this delay; with no error/status the normal answer is sent late. */
  delayMs?: number;
  /**
   * Called when the call arrives; the answer waits until the promise it returns settles (the test
   * decides when). With no error/status the normal answer is sent then.
   */
  until?: () => Promise<unknown>;
  /** How many consecutive calls the fault applies to (default 1). */
  times?: number;
}

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  /** IANA zone; defaults to the fake's `defaultTimeZone`. */
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackOptions {
  /** The only bot token the fake accepts (default `xoxb-fake-bot`). */
  botToken?: string;
  /** The only app-level token the fake accepts, for `apps.connections.open` (default `xapp-fake-app`). */
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** Time zone of users not given one (default `Europe/Berlin`). */
  defaultTimeZone?: string;
  users?: FakeUser[];
  /** true: `users.info` answers `user_not_found` for ids not in `users`; false (default): synthesises them. */
  strictUsers?: boolean;
  /** Usergroup id (`S…`) → member user ids. */
  userGroups?: Record<string, string[]>;
  /** How often one response_url may be used (Slack: 5 times within 30 minutes). */
  responseUrlMaxUses?: number;
}

/** A message as it stands now in the fake workspace, after any chat.update or replace_original. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: string | undefined;
  blocks: unknown[] | undefined;
  threadTs: string | undefined;
  /** Posted with chat.postEphemeral (then `visibleTo` is the user). */
  ephemeral: boolean;
  visibleTo: string | undefined;
  /** How many times chat.update or replace_original changed it. */
  updates: number;
  deleted: boolean;
}

/** A view opened, pushed or updated through the fake. */
export interface StoredView {
  id: string;
  externalId: string | undefined;
  callbackId: string | undefined;
  privateMetadata: string;
  hash: string;
  /** The view object as last sent by the app. */
  view: Record<string, unknown>;
  /** The trigger_id it was opened or pushed with. */
  triggerId: string | undefined;
  updates: number;
}

/** A file known to the fake: uploaded by the app (files.uploadV2) or hosted by a test (file_input). */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  bytes: Buffer | undefined;
  /** Declared by files.getUploadURLExternal (uploads only). */
  declaredLength: number | undefined;
  origin: 'upload' | 'hosted';
  channels: string[];
  initialComment: string | undefined;
  threadTs: string | undefined;
  completed: boolean;
  created: number;
}

/** A post to a response_url. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

/** Who downloaded a file from the fake's file host, and whether the token was accepted. */
export interface RecordedDownload {
  fileId: string;
  name: string;
  token: string | undefined;
  authorized: boolean;
  at: number;
}
