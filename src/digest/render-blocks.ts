/**
 * The digest as Slack messages: a main message (header, summary, the most urgent entries of every
 * section) and thread replies with the rest, each within Block Kit's limits. The main message says
 * how many entries of each section went to the thread; entries beyond `maxThreadReplies` replies are
 * counted and pointed to the command that lists them, never dropped silently.
 */
import type { HeaderBlock, KnownBlock } from '@slack/types';
import { BLOCK_LIMITS } from './block-limits.js';
import type { EntryFormat } from './describe-entry.js';
import { truncate } from './describe-entry.js';
import {
  contextLine,
  entryBlocks,
  escapeMrkdwn,
  escapeValue,
  mrkdwnSection,
  remainderNote,
  sectionTitle,
} from './entry-blocks.js';
import { formatDay } from './format-day.js';
import { MessageBudget, type Room, roomOf } from './message-budget.js';
import type { Digest } from './model.js';
import { autoApproveLine, type DigestEntry, type DigestSection, digestSections, usageLine } from './sections.js';

export interface RenderedMessage {
  /** Notification fallback (mobile notifications read only this). */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderedDigest {
  main: RenderedMessage;
  threadReplies: RenderedMessage[];
}

export interface DigestRenderContext {
  /** Zone of the fallback dates; Slack shows each reader their own zone through date tokens. */
  userTimeZone?: string;
  /**
   * Bounds the thread (chat.postMessage allows about one message per second per channel). Default 25;
   * 0 renders the main message alone (an ephemeral preview has no thread), its notes then name the
   * commands that list the rest.
   */
  maxThreadReplies?: number;
}

/** Entries each section shows in the main message before any section gets more. */
const FAIR_SHARE = 3;
const DEFAULT_MAX_THREAD_REPLIES = 25;
const LARGE = 99_999;

function slackFormat(timeZone: string): EntryFormat {
  return {
    date: (instant) => {
      const ms = Date.parse(instant);
      const fallback = formatDay(instant, timeZone);
      // A date VSPC sent that does not parse is shown as the text it is, escaped.
      return Number.isNaN(ms) ? escapeValue(fallback) : `<!date^${Math.floor(ms / 1000)}^{date_short}|${fallback}>`;
    },
    escape: escapeValue,
  };
}

function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, BLOCK_LIMITS.headerText) } };
}

/** Room for the largest remainder note a section can get. */
function noteRoom(section: DigestSection): Room {
  const variants = [LARGE, LARGE - 1, 0].map((inThread) => roomOf([remainderNote(section, LARGE, inThread)]));
  return variants.reduce((a, b) => (b.chars > a.chars ? b : a));
}

function partLine(day: string, part: number, parts: number): KnownBlock {
  return contextLine(`VSPC license digest ${day} · part ${part} of ${parts}`);
}

function droppedLine(sections: DigestSection[], dropped: number[]): KnownBlock {
  const parts = sections
    .map((section, s) => ({ section, count: dropped[s] ?? 0 }))
    .filter(({ count }) => count > 0)
    .map(({ section, count }) => `${count} ${section.title.toLowerCase()} (\`${section.fullListCommand}\`)`);
  const total = dropped.reduce((sum, count) => sum + count, 0);
  return contextLine(`${total} more not shown in Slack: ${parts.join('; ')}`);
}

export function renderDigestBlocks(digest: Digest, ctx: DigestRenderContext = {}): RenderedDigest {
  const format = slackFormat(ctx.userTimeZone ?? digest.timeZone);
  const maxReplies = Math.max(0, ctx.maxThreadReplies ?? DEFAULT_MAX_THREAD_REPLIES);
  const sections = digestSections(digest);
  // Entries are rendered only when placed: a digest of 12,000 expired licenses must not format them all.
  const cache = sections.map(() => new Map<number, KnownBlock[]>());
  const entry = (s: number, i: number): KnownBlock[] => {
    const map = cache[s] as Map<number, KnownBlock[]>;
    let blocks = map.get(i);
    if (!blocks) {
      blocks = entryBlocks((sections[s] as DigestSection).entries[i] as DigestEntry, format);
      map.set(i, blocks);
    }
    return blocks;
  };

  const usage = usageLine(digest);
  const head: KnownBlock[] = [
    header(`VSPC license digest · ${digest.day}`),
    mrkdwnSection(digest.empty ? `:white_check_mark: ${digest.summary}` : `*${digest.summary}*`),
    contextLine(`${autoApproveLine(digest.autoApprove)} · day counts in ${digest.timeZone}`),
  ];
  if (usage !== null) {
    const failed = digest.usage?.status === 'failed';
    head.push(contextLine(`${failed ? ':warning: ' : ''}${escapeMrkdwn(usage)}`));
  }
  const titles = sections.map((section) => sectionTitle(section, false));

  // Main message: every section's title and a note, then a fair share each, then in urgency order.
  const main = new MessageBudget();
  main.claim(roomOf(head));
  sections.forEach((section, s) => {
    main.claim(roomOf([titles[s] as KnownBlock]));
    main.claim(noteRoom(section));
  });
  const mainEntries: KnownBlock[][][] = sections.map(() => []);
  const inMain = sections.map(() => 0);
  const tryMain = (s: number): boolean => {
    const blocks = entry(s, inMain[s] ?? 0);
    if (!main.fits(blocks)) return false;
    main.claim(roomOf(blocks));
    mainEntries[s]?.push(blocks);
    inMain[s] = (inMain[s] ?? 0) + 1;
    return true;
  };
  for (let round = 0; round < FAIR_SHARE; round++) {
    sections.forEach((section, s) => {
      if ((inMain[s] ?? 0) === round && round < section.entries.length) tryMain(s);
    });
  }
  sections.forEach((section, s) => {
    let placed = true;
    while (placed && (inMain[s] ?? 0) < section.entries.length) placed = tryMain(s);
  });

  // Thread: the rest, in order, a continued title wherever a section starts or resumes in a reply.
  const perReply: Room = {
    blocks: 2,
    chars:
      roomOf([partLine(digest.day, 999, 999)]).chars +
      roomOf([
        droppedLine(
          sections,
          sections.map(() => LARGE),
        ),
      ]).chars,
  };
  const replies: MessageBudget[] = [];
  const inThread = sections.map(() => 0);
  let current: MessageBudget | null = null;
  let full = false;
  for (let s = 0; s < sections.length && !full; s++) {
    const section = sections[s] as DigestSection;
    let titled = false;
    for (let i = inMain[s] ?? 0; i < section.entries.length; i++) {
      const blocks = entry(s, i);
      const title = sectionTitle(section, true);
      const needed = titled && current ? blocks : [title, ...blocks];
      if (!current?.fits(needed)) {
        if (replies.length >= maxReplies) {
          full = true;
          break;
        }
        current = new MessageBudget(perReply);
        replies.push(current);
        titled = false;
      }
      if (!titled) {
        current.add([title]);
        titled = true;
      }
      current.add(blocks);
      inThread[s] = (inThread[s] ?? 0) + 1;
    }
    // Drop the per-entry cache as we go: large digests would otherwise keep every block twice.
    cache[s]?.clear();
  }

  const mainBlocks: KnownBlock[] = [...head];
  sections.forEach((section, s) => {
    mainBlocks.push(titles[s] as KnownBlock);
    for (const blocks of mainEntries[s] ?? []) mainBlocks.push(...blocks);
    const remaining = section.entries.length - (inMain[s] ?? 0);
    if (remaining > 0) mainBlocks.push(remainderNote(section, remaining, inThread[s] ?? 0));
  });

  const dropped = sections.map((section, s) => section.entries.length - (inMain[s] ?? 0) - (inThread[s] ?? 0));
  const threadReplies = replies.map((reply, index) => {
    const blocks = [partLine(digest.day, index + 2, replies.length + 1), ...reply.blocks];
    if (index === replies.length - 1 && dropped.some((count) => count > 0)) blocks.push(droppedLine(sections, dropped));
    return { text: `VSPC license digest ${digest.day}, part ${index + 2} of ${replies.length + 1}`, blocks };
  });

  return {
    main: {
      text: truncate(escapeMrkdwn(`VSPC license digest ${digest.day}: ${digest.summary}`), 3000),
      blocks: mainBlocks,
    },
    threadReplies,
  };
}
