/**
 * The Socket Mode side of the fake: a `ws` server behind the URL that apps.connections.open returns.
 * It greets each client with `hello`, pushes envelopes and resolves with the client's ack frame.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  type: EnvelopeType;
  payload: unknown;
  /** Defaults to `env-1`, `env-2`… */
  envelopeId?: string;
  /** Slack sets this on redeliveries. */
  retryAttempt?: number;
  retryReason?: string;
  /** Slack sets true for commands and interactivity, so the ack may carry a response. */
  acceptsResponsePayload?: boolean;
}

/** A connection that ended: its close code (1000 when the app closed it normally, 1006 when cut). */
export interface SocketClose {
  code: number;
  /** Envelopes this connection carried that the app never acknowledged. */
  unacked: string[];
}

/** What the app sent back on the socket for one envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 3000;

export class FakeSocketMode {
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #clients: WebSocket[] = [];
  readonly #pending = new Map<string, (ack: SocketAck) => void>();
  readonly #acks: SocketAck[] = [];
  readonly #closes: SocketClose[] = [];
  readonly #sentOn = new Map<string, WebSocket>();
  readonly #connectWaiters = new Set<() => void>();
  readonly #appId: string;
  #envelopeCount = 0;
  #connections = 0;

  constructor(appId: string) {
    this.#appId = appId;
  }

  /** Number of connections accepted so far (reconnects count again). */
  get connections(): number {
    return this.#connections;
  }

  /** Connections open right now (a closing one no longer counts). */
  get open(): number {
    return this.#openClients().length;
  }

  acks(): SocketAck[] {
    return [...this.#acks];
  }

  /** Connections that ended, in the order they ended. */
  closes(): SocketClose[] {
    return this.#closes.map((close) => ({ ...close, unacked: [...close.unacked] }));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (client) => this.#accept(client));
  }

  /** Resolves once at least `count` connections were greeted (default 1). */
  waitForConnection(options: { count?: number; timeoutMs?: number } = {}): Promise<void> {
    const { count = 1, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    if (this.#connections >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.#connections < count) return;
        clearTimeout(timer);
        this.#connectWaiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#connectWaiters.delete(check);
        reject(new Error(`fake Slack: no Socket Mode connection within ${timeoutMs} ms (have ${this.#connections})`));
      }, timeoutMs);
      this.#connectWaiters.add(check);
    });
  }

  /** Sends an envelope to the newest open connection and resolves with the app's ack frame. */
  sendEnvelope(envelope: Envelope, options: { timeoutMs?: number } = {}): Promise<SocketAck> {
    const client = this.#openClients().at(-1);
    if (!client) return Promise.reject(new Error('fake Slack: no open Socket Mode connection to send an envelope to'));
    this.#envelopeCount += 1;
    const id = envelope.envelopeId ?? `env-${this.#envelopeCount}`;
    const frame = {
      envelope_id: id,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: envelope.acceptsResponsePayload ?? envelope.type !== 'events_api',
      ...(envelope.retryAttempt !== undefined ? { retry_attempt: envelope.retryAttempt } : {}),
      ...(envelope.retryReason !== undefined ? { retry_reason: envelope.retryReason } : {}),
    };
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`fake Slack: envelope ${id} (${envelope.type}) was not acknowledged within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      this.#sentOn.set(id, client);
      client.send(JSON.stringify(frame));
    });
  }

  /** Asks every client to reconnect, as Slack does when it recycles a connection. */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const client of this.#openClients()) client.send(JSON.stringify({ type: 'disconnect', reason }));
  }

  close(): Promise<void> {
    for (const client of this.#clients) client.terminate();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #openClients(): WebSocket[] {
    return this.#clients.filter((client) => client.readyState === client.OPEN);
  }

  #accept(client: WebSocket): void {
    this.#clients.push(client);
    client.on('message', (data) => this.#onFrame(String(data)));
    client.on('close', (code) => {
      const unacked = [...this.#sentOn].filter(([, on]) => on === client).map(([id]) => id);
      this.#closes.push({ code, unacked });
    });
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#openClients().length,
        debug_info: { host: 'fake-slack', approximate_connection_time: 18060 },
        connection_info: { app_id: this.#appId },
      }),
    );
    this.#connections += 1;
    for (const waiter of [...this.#connectWaiters]) waiter();
  }

  #onFrame(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null || typeof (frame as SocketAck).envelope_id !== 'string') return;
    const ack = frame as SocketAck;
    this.#acks.push(ack);
    this.#sentOn.delete(ack.envelope_id);
    const resolve = this.#pending.get(ack.envelope_id);
    this.#pending.delete(ack.envelope_id);
    resolve?.(ack);
  }
}
