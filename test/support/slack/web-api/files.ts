/** files.getUploadURLExternal, files.completeUploadExternal, files.info (the upload URL itself is in file-host.ts). */
import type { StoredFile } from '../types.js';
import type { Workspace } from '../workspace.js';
import { type FakeLinks, fail, type MethodHandler, type MethodResult, stringParam } from './context.js';

/** A Slack file object (the `UploadedFile` shape Bolt types for file_input) for a stored file. */
export function fileObject(file: StoredFile, workspace: Workspace, links: FakeLinks): MethodResult {
  const { teamId, botUserId } = workspace.identity;
  const filetype = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype,
    pretty_type: filetype.toUpperCase(),
    user: botUserId,
    user_team: teamId,
    size: file.bytes?.length ?? file.declaredLength ?? 0,
    mode: 'hosted',
    is_external: false,
    is_public: false,
    url_private: links.privateUrl(file.id, file.name),
    url_private_download: links.downloadUrl(file.id, file.name),
    permalink: `https://fake-workspace.slack.com/files/${botUserId}/${file.id}/${encodeURIComponent(file.name)}`,
    channels: file.channels.filter((channel) => channel.startsWith('C')),
    groups: file.channels.filter((channel) => channel.startsWith('G')),
    ims: file.channels.filter((channel) => channel.startsWith('D')),
    ...(file.initialComment ? { initial_comment: { comment: file.initialComment } } : {}),
  };
}

const getUploadUrl: MethodHandler = ({ params, workspace, links }) => {
  const filename = stringParam(params, 'filename');
  const length = Number(stringParam(params, 'length'));
  if (!filename || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const id = workspace.newFileId();
  workspace.files.set(id, {
    id,
    name: filename,
    title: filename,
    mimetype: '',
    bytes: undefined,
    declaredLength: length,
    origin: 'upload',
    channels: [],
    initialComment: undefined,
    threadTs: undefined,
    completed: false,
    created: Math.floor(Date.now() / 1000),
  });
  return { ok: true, upload_url: links.uploadUrl(id), file_id: id };
};

const completeUpload: MethodHandler = ({ params, workspace, links }) => {
  const entries = Array.isArray(params.files) ? (params.files as Array<{ id?: unknown; title?: unknown }>) : [];
  if (entries.length === 0) return fail('invalid_arguments');
  const files: StoredFile[] = [];
  for (const entry of entries) {
    const file = typeof entry.id === 'string' ? workspace.files.get(entry.id) : undefined;
    if (file?.origin !== 'upload') return fail('file_not_found');
    files.push(file);
  }
  const channel = stringParam(params, 'channel_id') ?? stringParam(params, 'channels');
  for (const [index, file] of files.entries()) {
    const title = entries[index]?.title;
    if (typeof title === 'string' && title !== '') file.title = title;
    if (channel && !file.channels.includes(channel)) file.channels.push(channel);
    file.initialComment = stringParam(params, 'initial_comment');
    file.threadTs = stringParam(params, 'thread_ts');
    file.completed = true;
  }
  return { ok: true, files: files.map((file) => fileObject(file, workspace, links)) };
};

const info: MethodHandler = ({ params, workspace, links }) => {
  const id = stringParam(params, 'file');
  const file = id ? workspace.files.get(id) : undefined;
  if (!file) return fail('file_not_found');
  return { ok: true, file: fileObject(file, workspace, links) };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'files.info': info,
};
