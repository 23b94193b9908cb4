/**
 * The install modal's submission (`install_license`). Checks what can be checked at once and
 * answers problems in the modal (`response_action: errors`); then closes it and, off the 3-second
 * path, downloads the file from Slack, checks it looks like a Veeam license, stores it with its
 * sha256, creates the pending `license.install` action and posts the confirmation card in the
 * channel the command came from. Later problems reach the uploader as an ephemeral message.
 */
import type { App, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import {
  checkLicenseContent,
  checkLicenseFileName,
  MAX_LICENSE_FILE_BYTES,
  toStoredFile,
} from '../../../approvals/license-file.js';
import type { Access, ApprovalService } from '../../../approvals/types.js';
import { type Clock, systemClock } from '../../../licenses/expiry.js';
import { LICENSE_KINDS, type LicenseKind } from '../../../licenses/model.js';
import type { Logger } from '../../../log.js';
import { escapeMrkdwn } from '../../../mrkdwn.js';
import type { Store } from '../../../store/types.js';
import { downloadSlackFile } from '../../files/download.js';
import { refuseFileUrl } from '../../files/slack-hosts.js';
import { renderActionCard, renderActionCardReply } from '../../render/action-card.js';
import type { KnownBlock } from '../../render/block-kit.js';
import { FILE_BLOCK_ID, INSTALL_CALLBACK_ID, TARGET_BLOCK_ID } from '../../render/install-modal.js';
import { truncate } from '../../render/limits.js';

export interface InstallListenerDeps {
  approvals: Pick<ApprovalService, 'request' | 'attachCard'>;
  access: Pick<Access, 'refuseRequest'>;
  store: Pick<Store, 'putFile'>;
  botToken: string;
  /** SLACK_API_URL: its host may serve files too (tests). */
  apiUrl: string;
  teamTimeZone: string;
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Default 1 MB. */
  maxBytes?: number;
  /** Registers the work after the ack, so that graceful shutdown waits for the card before closing the store. */
  track?: <T>(work: Promise<T>) => Promise<T>;
}

/** The part of Slack's WebClient this listener uses. */
export interface InstallClient {
  chat: {
    postMessage(args: { channel: string; text: string; blocks?: KnownBlock[] }): Promise<{ ts?: string }>;
    postEphemeral(args: { channel: string; user: string; text: string; blocks?: KnownBlock[] }): Promise<unknown>;
  };
}

export interface InstallSubmission {
  userId: string;
  channel: string | null;
  kind: LicenseKind;
  uid: string;
  targetLabel: string;
  file: { name: string; size: number | null; url: string };
}

export type ReadResult = { ok: true; submission: InstallSubmission } | { ok: false; errors: Record<string, string> };

export type InstallOutcome = { ok: true; actionId: string; created: boolean } | { ok: false; reason: string };

const metadataSchema = z.object({ channel: z.string().nullable().optional(), kind: z.enum(LICENSE_KINDS) });

/** Reads and checks the form: every problem is keyed by the block that shows it. */
export function readInstallSubmission(view: ViewOutput, userId: string, apiUrl: string): ReadResult {
  let metadata: z.infer<typeof metadataSchema>;
  try {
    metadata = metadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
  } catch {
    return { ok: false, errors: { [FILE_BLOCK_ID]: 'This form is out of date: run the install command again.' } };
  }
  const selected = view.state.values[TARGET_BLOCK_ID]?.[TARGET_BLOCK_ID]?.selected_option;
  if (!selected?.value)
    return { ok: false, errors: { [TARGET_BLOCK_ID]: 'Choose the server to install the license on.' } };
  const files = view.state.values[FILE_BLOCK_ID]?.[FILE_BLOCK_ID]?.files ?? [];
  const [file] = files;
  if (!file) return { ok: false, errors: { [FILE_BLOCK_ID]: 'Attach the license file (.lic) Veeam sent.' } };
  if (files.length > 1) return { ok: false, errors: { [FILE_BLOCK_ID]: 'Attach one license file only.' } };
  const problem =
    checkLicenseFileName(file.name) ??
    (typeof file.size === 'number' && file.size > MAX_LICENSE_FILE_BYTES
      ? 'The file is larger than 1 MB; a Veeam license file is a few KB.'
      : null) ??
    (file.url_private_download
      ? refuseFileUrl(file.url_private_download, apiUrl)
      : 'Slack sent no download link for the file.');
  if (problem) return { ok: false, errors: { [FILE_BLOCK_ID]: problem } };
  return {
    ok: true,
    submission: {
      userId,
      channel: metadata.channel ?? null,
      kind: metadata.kind,
      uid: selected.value,
      targetLabel: selected.text?.text ?? selected.value,
      file: { name: file.name, size: typeof file.size === 'number' ? file.size : null, url: file.url_private_download },
    },
  };
}

export function register(app: App, deps: InstallListenerDeps): void {
  app.view<ViewSubmitAction>(INSTALL_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const read = readInstallSubmission(view, body.user.id, deps.apiUrl);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    const refusal = await deps.access.refuseRequest(
      read.submission.userId,
      read.submission.channel,
      provisional(read.submission),
    );
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [FILE_BLOCK_ID]: truncate(refusal, 300) } });
      return;
    }
    await ack();
    const work = processInstall(read.submission, client, deps);
    await (deps.track ? deps.track(work) : work);
  });
}

/** After the modal closed: download, check, store, request, post the card. Never throws. */
export async function processInstall(
  submission: InstallSubmission,
  client: InstallClient,
  deps: InstallListenerDeps,
): Promise<InstallOutcome> {
  const fail = async (reason: string): Promise<InstallOutcome> => {
    await tellUploader(client, submission, escapeMrkdwn(`The license file was not accepted: ${reason}`), deps.logger);
    return { ok: false, reason };
  };
  try {
    const download = await downloadSlackFile(submission.file.url, {
      botToken: deps.botToken,
      apiUrl: deps.apiUrl,
      maxBytes: deps.maxBytes ?? MAX_LICENSE_FILE_BYTES,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    if (!download.ok) return fail(download.reason);
    const contentProblem = checkLicenseContent(download.bytes);
    if (contentProblem) return fail(contentProblem);

    const clock = deps.clock ?? systemClock;
    const file = toStoredFile(download.bytes, submission.file.name, submission.userId, clock());
    await deps.store.putFile(file);
    const result = await deps.approvals.request({
      operation: {
        op: 'license.install',
        kind: submission.kind,
        uid: submission.uid,
        fileId: file.id,
        fileName: file.name,
        size: file.size,
        sha256: file.sha256,
      },
      targetLabel: submission.targetLabel,
      requestedBy: submission.userId,
      channel: submission.channel,
    });
    if (result.status === 'refused') return fail(result.reason);
    const ctx = { userTimeZone: deps.teamTimeZone, teamTimeZone: deps.teamTimeZone, now: clock() };
    if (result.status === 'existing') {
      const pointer = renderActionCardReply({ type: 'actionCard', action: result.action, created: false }, ctx);
      await tellUploader(client, submission, pointer.text, deps.logger, pointer.blocks);
      return { ok: true, actionId: result.action.id, created: false };
    }
    await postCard(client, submission, result.action, renderActionCard(result.action, ctx), deps);
    return { ok: true, actionId: result.action.id, created: true };
  } catch (error) {
    deps.logger.error({ err: error }, 'license upload failed');
    return fail('something went wrong while handling it; the error was logged.');
  }
}

/** In the channel for the approvers to see; where the bot may not post, privately to the uploader. */
async function postCard(
  client: InstallClient,
  submission: InstallSubmission,
  action: { id: string },
  card: { text: string; blocks: KnownBlock[] },
  deps: InstallListenerDeps,
): Promise<void> {
  if (submission.channel) {
    try {
      const posted = await client.chat.postMessage({ channel: submission.channel, ...card });
      await deps.approvals.attachCard(action.id, submission.channel, posted.ts ?? null, null);
      return;
    } catch (error) {
      deps.logger.warn({ err: error, actionId: action.id }, 'could not post the install card in the channel');
    }
  }
  // An ephemeral card cannot be edited with chat.update; a click on it replaces it through its response_url.
  await tellUploader(client, submission, card.text, deps.logger, card.blocks);
  await deps.approvals.attachCard(action.id, submission.channel, null, null);
}

async function tellUploader(
  client: InstallClient,
  submission: InstallSubmission,
  text: string,
  logger: Logger,
  blocks?: KnownBlock[],
): Promise<void> {
  const message = { text, ...(blocks ? { blocks } : {}) };
  if (submission.channel) {
    try {
      await client.chat.postEphemeral({ channel: submission.channel, user: submission.userId, ...message });
      return;
    } catch (error) {
      logger.warn({ err: error }, 'could not answer the uploader in the channel; trying a direct message');
    }
  }
  try {
    await client.chat.postMessage({ channel: submission.userId, ...message });
  } catch (error) {
    logger.warn({ err: error }, 'could not answer the uploader');
  }
}

/** Enough of the operation for the role check, before the file is known. */
function provisional(submission: InstallSubmission) {
  return {
    op: 'license.install',
    kind: submission.kind,
    uid: submission.uid,
    fileId: '',
    fileName: submission.file.name,
    size: submission.file.size ?? 0,
    sha256: '',
  } as const;
}
