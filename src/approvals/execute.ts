/**
 * Runs exactly the operation a pending action stored, through the backend, with the action id as
 * request id. Never re-resolves a target; an install sends the stored bytes only after checking
 * they still hash to what the card showed. Returns the outcome text for the card; never throws.
 * A failure VSPC may still act on (see `outcomeNotKnown`) is not reported as failed: the action
 * stays `executing`, so nobody can send a second write for the target while the first may run.
 */
import { createHash } from 'node:crypto';
import { type LicensingBackend, UnsupportedOperationError, type WriteContext } from '../licenses/backend.js';
import type { License } from '../licenses/model.js';
import type { PendingAction, Store } from '../store/types.js';
import { describeVspcError, VspcError } from '../vspc/errors.js';
import type { WriteOperation } from './operation.js';
import { neverSent, outcomeNotKnown } from './outcome-known.js';

export interface ExecutionOutcome {
  /**
   * `executing`: the outcome is not known yet; the action stays open until VSPC tells (sweeper).
   * `unknown`: not known, and never will be (the v2 API keeps no record to ask); a person checks.
   */
  status: 'succeeded' | 'failed' | 'executing' | 'unknown';
  outcome: string;
  /** True when the backend was called (false: refused before any VSPC call). */
  called: boolean;
  /** The error behind a `failed` or not-known outcome, one line, for the log and the audit. */
  detail?: string;
}

/** The card's words while VSPC's answer is missing; `recovery.ts` settles the action later. */
export function notKnownYet(requestId: string): string {
  return (
    'Outcome not known yet — VSPC is still working on it (or did not answer); the bot checks VSPC and ' +
    `updates this card · request id ${requestId}`
  );
}

/** How a card starts when VSPC could not be reached at all: the write did not happen, asking again is safe. */
export const NOTHING_SENT = 'VSPC unreachable, nothing was sent';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function executeAction(
  action: PendingAction,
  backend: LicensingBackend,
  store: Store,
  options: { vspcUrl?: string | undefined } = {},
): Promise<ExecutionOutcome> {
  const ctx: WriteContext = { requestId: action.id };
  let called = false;
  try {
    const summary = await run(action.operation, backend, store, ctx, () => {
      called = true;
    });
    return { status: 'succeeded', outcome: `${summary} · request id ${action.id}`, called };
  } catch (error) {
    const detail = describeFailure(error, action.id);
    if (neverSent(error, action.id)) {
      return { status: 'failed', outcome: `${NOTHING_SENT}: ${detail}`, called, detail };
    }
    if (called && outcomeNotKnown(error)) {
      // v2 answers writes synchronously and keeps no record of them: once the call is over, waiting
      // cannot teach the bot more, so the card says at once that a person must check VSPC.
      if (backend.apiVersion === 'v2') {
        return { status: 'unknown', outcome: unknownOnV2(error, action.id, options.vspcUrl), called, detail };
      }
      return { status: 'executing', outcome: notKnownYet(action.id), called, detail };
    }
    return { status: 'failed', outcome: detail, called, detail };
  }
}

async function run(
  operation: WriteOperation,
  backend: LicensingBackend,
  store: Store,
  ctx: WriteContext,
  calling: () => void,
): Promise<string> {
  switch (operation.op) {
    case 'license.update': {
      calling();
      return resultOf(
        'VSPC installed a fresh license',
        await backend.updateLicense(operation.kind, operation.uid, ctx),
      );
    }
    case 'license.install': {
      const file = await store.getFile(operation.fileId).catch((error: unknown) => {
        throw new RefusedError(`the stored file could not be read (${messageOf(error)}); nothing was sent to VSPC`);
      });
      if (!file) throw new RefusedError(`the uploaded file ${operation.fileName} is no longer stored; upload it again`);
      const actual = sha256Hex(file.bytes);
      if (actual !== operation.sha256.toLowerCase() || file.bytes.byteLength !== operation.size) {
        throw new RefusedError(
          `the stored file does not match the card (sha256 ${actual}, ${file.bytes.byteLength} bytes; the card showed ` +
            `sha256 ${operation.sha256}, ${operation.size} bytes); nothing was sent to VSPC`,
        );
      }
      calling();
      const license = await backend.installLicense(
        operation.kind,
        operation.uid,
        { name: operation.fileName, bytes: file.bytes, sha256: actual },
        ctx,
      );
      return resultOf(`VSPC installed ${operation.fileName}`, license);
    }
    case 'license.autoupdate': {
      calling();
      const license = await backend.setAutoUpdate(operation.kind, operation.uid, operation.enabled, ctx);
      return resultOf(`Automatic license update is now ${operation.enabled ? 'on' : 'off'}`, license);
    }
    case 'license.delete': {
      calling();
      await backend.deleteLicense(operation.kind, operation.uid, operation.section, ctx);
      return operation.kind === 'vbr'
        ? `VSPC deleted the license (section ${operation.section ?? 'All'})`
        : 'VSPC deleted the license';
    }
    case 'reports.finalize': {
      calling();
      const result = await backend.finalizeReports(ctx);
      return `Finalization: ${result.status}${result.message ? ` (${oneLine(result.message)})` : ''}`;
    }
    case 'reports.autoapprove': {
      calling();
      const settings = await backend.setAutoApprove(operation.enabled, ctx);
      return `Automatic approval of usage reports is now ${settings.autoApprove ? 'on' : 'off'}`;
    }
  }
}

/** "VSPC installed a fresh license: status Valid, expires 2026-01-31"; just `done` when VSPC sent no license back. */
function resultOf(done: string, license: License | null): string {
  if (!license) return done;
  const parts = [`status ${license.status}`];
  if (license.expirationDate) parts.push(`expires ${license.expirationDate.slice(0, 10)}`);
  if (license.statusMessage) parts.push(oneLine(license.statusMessage));
  return `${done}: ${parts.join(', ')}`;
}

function unknownOnV2(error: unknown, requestId: string, vspcUrl: string | undefined): string {
  const where = vspcUrl ? ` at ${vspcUrl}` : '';
  let answer = messageOf(error);
  if (error instanceof VspcError) {
    answer = error.errors[0]?.message || error.message;
    if (error.status) answer += `, HTTP ${error.status}`;
  }
  return (
    `Outcome unknown — check VSPC${where}: VSPC did not confirm this write (${oneLine(answer)}), and its v2 API ` +
    `keeps no record the bot could ask. It was not run again · request id ${requestId}`
  );
}

class RefusedError extends Error {}

function describeFailure(error: unknown, requestId: string): string {
  if (error instanceof VspcError) {
    const text = describeVspcError(error);
    return error.requestId ? text : `${text} · request id ${requestId}`;
  }
  if (error instanceof RefusedError) return `Refused: ${error.message} · request id ${requestId}`;
  if (error instanceof UnsupportedOperationError) return `${error.message} · request id ${requestId}`;
  return `Unexpected error: ${oneLine(messageOf(error))} · request id ${requestId}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}
