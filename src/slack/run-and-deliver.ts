/**
 * The path every command takes after the ack, typed or clicked: build the caller's context, run
 * the command (and look up the caller's time zone meanwhile), deliver the reply. A failure at any
 * step still gets the user an answer.
 */
import type { ReplyEnvelope } from '../commands/reply.js';
import { deliverReply } from './deliver/deliver-reply.js';
import { openLoadingModal, wantsInstallModal } from './deliver/install-modal-early.js';
import { sendMessage } from './deliver/send-message.js';
import type { Delivery, DeliveryServices, Surface } from './deliver/surface.js';
import type { RunCommand, SlackAppDeps } from './deps.js';
import { renderError } from './render/simple.js';
import { createTurns } from './turns.js';
import type { UserTimeZones } from './user-time-zones.js';
import type { WorkspaceUrl } from './workspace-url.js';

export interface CommandServices extends DeliveryServices {
  runCommand: RunCommand;
  commandContextFor: SlackAppDeps['commandContextFor'];
  timeZones: UserTimeZones;
  /** Registers the work after an ack, so that graceful shutdown waits for the answer to go out. */
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** The team's URL for links to approval cards; asked only by replies that carry such links. */
  workspaceUrl?: WorkspaceUrl;
}

/** One queue for the process: it is the event loop that the turns share. */
const takeTurn = createTurns();

export const UNEXPECTED_FAILURE =
  'Something went wrong on our side while answering; it has been logged. Please try again.';

export function runAndDeliver(
  text: string,
  initialSurface: Surface,
  services: CommandServices,
  /** Lets a click turn a stale button's usage error into "this button is no longer valid". */
  adjust: (envelope: ReplyEnvelope) => ReplyEnvelope = (envelope) => envelope,
): Promise<void> {
  const work = answer(text, initialSurface, services, adjust);
  return services.track ? services.track(work) : work;
}

async function answer(
  text: string,
  initialSurface: Surface,
  services: CommandServices,
  adjust: (envelope: ReplyEnvelope) => ReplyEnvelope,
): Promise<void> {
  // Called right after an ack: let the event loop answer other waiting requests (their acks) first.
  await takeTurn();
  let surface = initialSurface;
  const ctx = services.commandContextFor(surface.userId, surface.channelId);
  if (surface.triggerId && wantsInstallModal(text)) {
    surface = { ...surface, loadingViewId: await openLoadingModal(surface) };
  }
  const log = services.logger.child({ user: surface.userId, channel: surface.channelId });
  let delivery: Delivery = {
    surface,
    services,
    render: { userTimeZone: ctx.timeZone, now: ctx.clock(), teamTimeZone: ctx.timeZone },
  };
  try {
    const [envelope, userTimeZone] = await Promise.all([
      runSafely(services.runCommand, text, ctx, log),
      services.timeZones.of(surface.client, surface.userId, ctx.timeZone),
    ]);
    const workspaceUrl = linksToCards(envelope) ? await services.workspaceUrl?.of(surface.client) : undefined;
    delivery = { ...delivery, render: { userTimeZone, now: ctx.clock(), teamTimeZone: ctx.timeZone, workspaceUrl } };
    // Commands waiting on the same inventory load all resume at once; rendering each in its own
    // turn keeps acks of new requests from queueing behind every one of those renders.
    await takeTurn();
    await deliverReply(delivery, adjust(envelope));
  } catch (error) {
    log.error({ err: describe(error) }, 'delivering a reply failed');
    await sendMessage(delivery, renderError({ type: 'error', message: UNEXPECTED_FAILURE }), {
      newMessage: true,
    }).catch((second: unknown) => log.error({ err: describe(second) }, 'could not tell the user either'));
  }
}

/** `pending` and the pointer to an already open card link to cards. */
function linksToCards({ reply }: ReplyEnvelope): boolean {
  return reply.type === 'pending' || (reply.type === 'actionCard' && !reply.created);
}

/** `runCommand` promises never to throw; if it does anyway, that is an error reply, not silence. */
async function runSafely(
  runCommand: RunCommand,
  text: string,
  ctx: Parameters<RunCommand>[1],
  log: DeliveryServices['logger'],
): Promise<ReplyEnvelope> {
  try {
    return await runCommand(text, ctx);
  } catch (error) {
    log.error({ err: describe(error) }, 'runCommand threw');
    return { reply: { type: 'error', message: UNEXPECTED_FAILURE }, share: false };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
