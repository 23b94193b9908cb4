/**
 * The fake's file host: the upload URL files.getUploadURLExternal hands out, and the private
 * download URLs of files. Like Slack, a download without the bot token is not an error but an
 * HTTP 200 HTML sign-in page, so apps must check the content type.
 */
import type { StoredFile } from './types.js';
import type { Workspace } from './workspace.js';

export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Slack</title></head><body><h1>Sign in to your workspace</h1></body></html>';

export interface HostFileInput {
  name: string;
  bytes: Buffer | Uint8Array | string;
  mimetype?: string;
  title?: string;
}

export interface DownloadAnswer {
  status: number;
  contentType: string;
  body: Buffer | string;
  file: StoredFile | undefined;
  authorized: boolean;
}

export function hostFile(workspace: Workspace, input: HostFileInput): StoredFile {
  const id = workspace.newFileId();
  const file: StoredFile = {
    id,
    name: input.name,
    title: input.title ?? input.name,
    mimetype: input.mimetype ?? guessMimetype(input.name),
    bytes: Buffer.from(input.bytes),
    declaredLength: undefined,
    origin: 'hosted',
    channels: [],
    initialComment: undefined,
    threadTs: undefined,
    completed: true,
    created: Math.floor(Date.now() / 1000),
  };
  workspace.files.set(id, file);
  return file;
}

/** `/files-pri/T000-F00000001/name` or `/files-pri/T000-F00000001/download/name`. */
export function parseFilePath(pathname: string): string | undefined {
  const match = /^\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)\/(?:download\/)?[^/]+$/.exec(pathname);
  return match?.[1];
}

export function answerDownload(
  workspace: Workspace,
  fileId: string | undefined,
  token: string | undefined,
): DownloadAnswer {
  const file = fileId ? workspace.files.get(fileId) : undefined;
  const authorized = token !== undefined && token === workspace.identity.botToken;
  if (!authorized)
    return { status: 200, contentType: 'text/html; charset=utf-8', body: SIGN_IN_PAGE, file, authorized };
  if (!file?.bytes)
    return { status: 404, contentType: 'text/html; charset=utf-8', body: 'file not found', file, authorized };
  return { status: 200, contentType: file.mimetype || 'application/octet-stream', body: file.bytes, file, authorized };
}

function guessMimetype(name: string): string {
  const extension = name.split('.').pop()?.toLowerCase();
  const known: Record<string, string> = {
    lic: 'application/octet-stream',
    txt: 'text/plain',
    csv: 'text/csv',
    json: 'application/json',
    pdf: 'application/pdf',
    xml: 'application/xml',
  };
  return (extension && known[extension]) || 'application/octet-stream';
}
