/**
 * Where an approval card can be opened. A message permalink is
 * `https://<team>.slack.com/archives/<channel>/p<ts without the dot>`; building it from the team's
 * URL (auth.test, asked once per process) spares a `chat.getPermalink` call per card. Without the
 * team's URL, slack.com's archive path (which Slack sends on to the signed-in workspace) is used.
 * A card that went through a response_url has no ts and no link.
 */
import type { PendingAction } from '../../store/types.js';
import type { RenderContext } from './render-context.js';

const FALLBACK_BASE = 'https://slack.com/';

export function cardUrl(
  action: Pick<PendingAction, 'channel' | 'messageTs'>,
  ctx: Pick<RenderContext, 'workspaceUrl'>,
): string | null {
  if (!action.channel || !action.messageTs) return null;
  const base = ctx.workspaceUrl || FALLBACK_BASE;
  return `${base.endsWith('/') ? base : `${base}/`}archives/${action.channel}/p${action.messageTs.replace('.', '')}`;
}
