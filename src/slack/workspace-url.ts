/**
 * The team's URL (`https://<team>.slack.com/`, auth.test's `url`, no scope needed), asked once per
 * process and only when a reply links to a card. A failed call is not remembered, so the next reply
 * asks again; meanwhile links point at slack.com.
 */
import type { WebClient } from '@slack/web-api';

export interface WorkspaceUrl {
  of(client: Pick<WebClient, 'auth'>): Promise<string | undefined>;
}

export function createWorkspaceUrl(): WorkspaceUrl {
  let known: Promise<string | undefined> | undefined;
  return {
    of(client) {
      known ??= client.auth.test().then(
        (answer) => (typeof answer.url === 'string' && answer.url.startsWith('https://') ? answer.url : undefined),
        () => undefined,
      );
      const current = known;
      void current.then((url) => {
        if (url === undefined && known === current) known = undefined;
      });
      return current;
    },
  };
}
