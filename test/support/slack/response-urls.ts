/**
 * The response_url receiver. Each URL may be bound to the message a button was on; then
 * `replace_original` / `delete_original` act on that stored message, as Slack does for interactions.
 * Unbound URLs (slash commands) only record: Slack cannot replace a slash command's message.
 */
import type { RecordedResponse } from './types.js';
import type { Workspace } from './workspace.js';

export interface ResponseUrlOptions {
  /** Defaults to `r1`, `r2`… */
  id?: string;
  /** Bind to a stored message so replace_original / delete_original change it. */
  channel?: string;
  messageTs?: string;
  /** Answer 404 `expired_url` from the start. */
  expired?: boolean;
  /** Override the fake's `responseUrlMaxUses` (Slack: 5). */
  maxUses?: number;
}

interface Target {
  channel: string | undefined;
  messageTs: string | undefined;
  expired: boolean;
  uses: number;
  maxUses: number;
}

export interface ResponseAnswer {
  status: number;
  text: string;
}

export class ResponseUrls {
  readonly #targets = new Map<string, Target>();
  readonly #posts: RecordedResponse[] = [];
  readonly #defaultMaxUses: number;
  #count = 0;

  constructor(defaultMaxUses: number) {
    this.#defaultMaxUses = defaultMaxUses;
  }

  create(options: ResponseUrlOptions): string {
    this.#count += 1;
    const id = options.id ?? `r${this.#count}`;
    this.#targets.set(id, {
      channel: options.channel,
      messageTs: options.messageTs,
      expired: options.expired ?? false,
      uses: 0,
      maxUses: options.maxUses ?? this.#defaultMaxUses,
    });
    return id;
  }

  expire(id: string): void {
    this.#target(id).expired = true;
  }

  posts(id?: string): RecordedResponse[] {
    return id === undefined ? [...this.#posts] : this.#posts.filter((post) => post.id === id);
  }

  /** Applies one POST; URLs the test never created are accepted as unbound. */
  receive(id: string, raw: Buffer, workspace: Workspace): ResponseAnswer & { body: Record<string, unknown> } {
    const target = this.#target(id);
    const body = parseJsonObject(raw);
    const answer = this.#answer(target, body, workspace);
    this.#posts.push({ id, body: body ?? {}, status: answer.status, at: Date.now() });
    return { ...answer, body: body ?? {} };
  }

  #answer(target: Target, body: Record<string, unknown> | undefined, workspace: Workspace): ResponseAnswer {
    if (target.expired) return { status: 404, text: 'expired_url' };
    if (target.uses >= target.maxUses) return { status: 404, text: 'used_url' };
    if (!body) return { status: 400, text: 'invalid_payload' };
    target.uses += 1;
    const deleting = isTrue(body.delete_original);
    if (!deleting && body.text === undefined && body.blocks === undefined) return { status: 400, text: 'no_text' };
    const message =
      target.channel && target.messageTs ? workspace.message(target.channel, target.messageTs) : undefined;
    if (message && deleting) message.deleted = true;
    if (message && !deleting && isTrue(body.replace_original)) {
      message.text = typeof body.text === 'string' ? body.text : message.text;
      message.blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
      message.updates += 1;
    }
    return { status: 200, text: 'ok' };
  }

  #target(id: string): Target {
    let target = this.#targets.get(id);
    if (!target) {
      target = { channel: undefined, messageTs: undefined, expired: false, uses: 0, maxUses: this.#defaultMaxUses };
      this.#targets.set(id, target);
    }
    return target;
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
