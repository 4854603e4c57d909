// A small typed client of the WebSocket channel `/api/v1/ws` (openapi/asyncapi.yaml): it
// connects, signs in with the first message (browsers cannot set headers on a WebSocket, and a
// token in the URL ends up in logs), subscribes, pings, and reconnects with its subscriptions
// after a drop. Message types come from the contract (./schema), so they cannot drift.
import type { components } from "./schema";

type S = components["schemas"];
export type WsClientMessage = S["WsClientMessage"];
export type WsServerMessage = S["WsServerMessage"];
export type WsCloseCode = S["WsCloseCode"];
export type WsMessageOf<T extends WsServerMessage["type"]> = Extract<WsServerMessage, { type: T }>;

export interface ChannelOptions {
  /** `ws://host:port` or `wss://…`; the path is added. */
  baseUrl: string;
  /** The current access token; called again on every (re)connect, so it may refresh. */
  token: () => string | Promise<string>;
  onMessage: (message: WsServerMessage) => void;
  /** Called when the server closes for good (4401: sign in again) or on every drop. */
  onClose?: (code: number, reason: string, willReconnect: boolean) => void;
  pingSeconds?: number;
  /** Longest wait between reconnection attempts (they back off from 0.5 s). */
  maxBackoffSeconds?: number;
  /** Injectable for tests and non-browser runtimes. */
  WebSocketImpl?: typeof WebSocket;
}

// Close codes after which reconnecting cannot help without the user (WsCloseCode).
const FINAL: ReadonlySet<number> = new Set([4401]);

export class MyStocksChannel {
  private socket: WebSocket | null = null;
  private readonly channels = new Set<string>();
  private pinger: ReturnType<typeof setInterval> | undefined;
  private attempts = 0;
  private stopped = false;
  private signedIn = false; // nothing but `auth` may be sent before the server's auth ack

  constructor(private readonly options: ChannelOptions) {}

  /** Open the connection (and reopen it after drops until `close()`). */
  connect(): void {
    this.stopped = false;
    const Impl = this.options.WebSocketImpl ?? WebSocket;
    const socket = new Impl(`${this.options.baseUrl.replace(/\/$/, "")}/api/v1/ws`);
    this.socket = socket;
    socket.onopen = async () => {
      this.send({ type: "auth", token: await this.options.token() });
    };
    socket.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as WsServerMessage;
      if (message.type === "ack" && message.data.op === "auth") {
        this.attempts = 0;
        this.signedIn = true;
        if (this.channels.size) this.send({ type: "subscribe", channels: [...this.channels] });
        this.startPings();
      }
      this.options.onMessage(message);
    };
    socket.onclose = (event: CloseEvent) => {
      clearInterval(this.pinger);
      this.signedIn = false;
      const again = !this.stopped && !FINAL.has(event.code);
      this.options.onClose?.(event.code, event.reason, again);
      if (again) {
        const cap = this.options.maxBackoffSeconds ?? 30;
        const delay = Math.min(cap, 0.5 * 2 ** this.attempts++) * 1000;
        setTimeout(() => this.connect(), delay);
      }
    };
  }

  subscribe(...channels: string[]): void {
    channels.forEach((c) => this.channels.add(c));
    if (this.isOpen()) this.send({ type: "subscribe", channels });
  }

  unsubscribe(...channels: string[]): void {
    channels.forEach((c) => this.channels.delete(c));
    if (this.isOpen()) this.send({ type: "unsubscribe", channels });
  }

  /** Sign in again on the open connection (a refreshed token of the same user). */
  reauthenticate(token: string): void {
    if (this.isOpen()) this.send({ type: "auth", token });
  }

  close(): void {
    this.stopped = true;
    clearInterval(this.pinger);
    this.socket?.close(1000);
  }

  private isOpen(): boolean {
    return this.signedIn && this.socket?.readyState === 1; // WebSocket.OPEN
  }

  private startPings(): void {
    clearInterval(this.pinger);
    const every = (this.options.pingSeconds ?? 25) * 1000;
    this.pinger = setInterval(() => this.send({ type: "ping" }), every);
  }

  private send(message: WsClientMessage): void {
    this.socket?.send(JSON.stringify(message));
  }
}
