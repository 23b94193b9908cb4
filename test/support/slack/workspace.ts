/** The state of the fake workspace: messages, views, files, users and user groups. */
import type { FakeSlackOptions, FakeUser, StoredFile, StoredMessage, StoredView } from './types.js';

export interface Identity {
  botToken: string;
  appToken: string;
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
  defaultTimeZone: string;
}

export function identityFrom(options: FakeSlackOptions): Identity {
  return {
    botToken: options.botToken ?? 'xoxb-fake-bot',
    appToken: options.appToken ?? 'xapp-fake-app',
    teamId: options.teamId ?? 'T000',
    botUserId: options.botUserId ?? 'U0BOT',
    botId: options.botId ?? 'B0BOT',
    appId: options.appId ?? 'A0APP',
    defaultTimeZone: options.defaultTimeZone ?? 'Europe/Berlin',
  };
}

/** Message ts values like Slack's: `1700000000.000100`, `1700000000.000200`… strictly increasing. */
export class TsClock {
  #next = 1_700_000_000_000_100n;

  next(): string {
    const value = this.#next;
    this.#next += 100n;
    const micros = value % 1_000_000n;
    return `${value / 1_000_000n}.${micros.toString().padStart(6, '0')}`;
  }
}

export class Workspace {
  readonly identity: Identity;
  readonly clock = new TsClock();
  readonly messages = new Map<string, StoredMessage>();
  readonly views = new Map<string, StoredView>();
  /** The App Home view published for each user (views.publish), by user id. */
  readonly homes = new Map<string, StoredView>();
  readonly files = new Map<string, StoredFile>();
  readonly users = new Map<string, FakeUser>();
  readonly userGroups = new Map<string, string[]>();
  readonly expiredTriggers = new Set<string>();
  readonly strictUsers: boolean;
  #viewCount = 0;
  #fileCount = 0;
  #hashCount = 0;

  constructor(options: FakeSlackOptions) {
    this.identity = identityFrom(options);
    this.strictUsers = options.strictUsers ?? false;
    for (const user of options.users ?? []) this.users.set(user.id, user);
    for (const [id, members] of Object.entries(options.userGroups ?? {})) this.userGroups.set(id, [...members]);
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(messageKey(channel, ts));
  }

  addMessage(message: StoredMessage): void {
    this.messages.set(messageKey(message.channel, message.ts), message);
  }

  newViewId(): string {
    this.#viewCount += 1;
    return `V${String(this.#viewCount).padStart(8, '0')}`;
  }

  newViewHash(): string {
    this.#hashCount += 1;
    return `1700000000.${String(this.#hashCount).padStart(8, '0')}`;
  }

  newFileId(): string {
    this.#fileCount += 1;
    return `F${String(this.#fileCount).padStart(8, '0')}`;
  }

  /** The DM channel id the fake uses for a user: `U123` → `D123`, stable so tests can predict it. */
  dmChannelFor(userId: string): string {
    return `D${userId.replace(/^[UW]/, '')}`;
  }
}

function messageKey(channel: string, ts: string): string {
  return `${channel}\u0000${ts}`;
}
