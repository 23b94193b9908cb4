/**
 * The App Home (DESIGN §1, issue 13): `app_home_opened` (HTTP and Socket Mode alike: Bolt routes both
 * to `app.event`) publishes the person's view; a change of an action refreshes the Home of everyone
 * involved who has one here — the requester, who confirmed, and who may decide. Clicks on its
 * Confirm/Cancel buttons are the cards' own listeners (`confirm_action`/`cancel_action`).
 */
import type { App } from '@slack/bolt';
import type { Deciders } from '../../approvals/deciders.js';
import type { ActionEvents } from '../../approvals/events.js';
import type { CommandContext } from '../../commands/context.js';
import type { Logger } from '../../log.js';
import type { WorkspaceUrl } from '../workspace-url.js';
import { loadHomeData } from './home-data.js';
import { createHomePublisher, type HomePublisher } from './publisher.js';
import { renderHome } from './render-home.js';
import type { TeamFactsSource } from './team-facts.js';

export interface HomeDeps {
  teamFacts: TeamFactsSource;
  deciders: Deciders;
  events: ActionEvents;
  /** Least time between two publishes of one person's Home (default 2 s). */
  minGapMs?: number;
}

export interface HomeWiring {
  app: App;
  logger: Logger;
  commandContextFor(userId: string, channelId: string | null): CommandContext;
  workspaceUrl: WorkspaceUrl;
  track?: <T>(work: Promise<T>) => Promise<T>;
}

export function registerHome(deps: HomeDeps, wiring: HomeWiring): HomePublisher {
  const { app, logger } = wiring;
  const publisher = createHomePublisher({
    logger,
    ...(deps.minGapMs !== undefined ? { minGapMs: deps.minGapMs } : {}),
    async build(userId, notice) {
      const ctx = wiring.commandContextFor(userId, null);
      const [data, workspaceUrl] = await Promise.all([
        loadHomeData(ctx, deps.teamFacts, notice),
        wiring.workspaceUrl.of(app.client),
      ]);
      return renderHome(data, { userTimeZone: ctx.timeZone, teamTimeZone: ctx.timeZone, now: data.now, workspaceUrl });
    },
    async publish(userId, view) {
      await app.client.views.publish({ user_id: userId, view });
    },
  });
  const track = <T>(work: Promise<T>) => (wiring.track ? wiring.track(work) : work);

  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    void track(publisher.refresh(event.user));
  });

  deps.events.subscribe(async ({ stage, action }) => {
    if (stage === 'card') return;
    if (action.status === 'succeeded') deps.teamFacts.invalidate();
    const involved = new Set([action.requestedBy, ...(await deps.deciders.of(action))]);
    if (action.confirmedBy) involved.add(action.confirmedBy);
    for (const userId of involved) {
      if (publisher.knows(userId)) void track(publisher.refresh(userId));
    }
  });
  return publisher;
}
