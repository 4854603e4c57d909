// A typed reader of the server's `text/event-stream` endpoints over fetch. A browser's
// EventSource cannot send an Authorization header, so this one does what EventSource does
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation)
// with the bearer token: it parses `id:`, `event:`, `data:`, `retry:` and comments, remembers the
// last id and, after a drop, reconnects with `Last-Event-ID` so nothing is missed.
import type { components } from "./schema";

type S = components["schemas"];
export type BacktestUpdateEvent = S["BacktestUpdateEvent"];
export type TrainingUpdateEvent = S["TrainingUpdateEvent"];
export type DashboardUpdateEvent = S["DashboardUpdateEvent"];
export type RiskAlertEvent = S["RiskAlertEvent"];

/** Each stream's path and the type of its events' `data`. */
export interface SseStreams {
  "/api/v1/sse/backtest": BacktestUpdateEvent;
  "/api/v1/sse/training": TrainingUpdateEvent;
  "/api/v1/sse/dashboard": DashboardUpdateEvent;
  "/api/v1/sse/alerts": RiskAlertEvent;
}
export type SsePath = keyof SseStreams;

/** One dispatched event, as the stream framed it. */
export interface RawEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Incremental event-stream parser: feed it decoded text as it arrives, in chunks of any size.
 * `lastEventId` follows the `id:` fields; `retry` the last valid `retry:` field.
 */
export class EventStreamParser {
  lastEventId: string | undefined;
  retry: number | undefined;
  private buffer = "";
  private data: string[] = [];
  private event = "";
  private sawId = false;

  constructor(
    private readonly onEvent: (event: RawEvent) => void,
    private readonly onComment?: (text: string) => void,
  ) {}

  feed(chunk: string): void {
    this.buffer += chunk;
    // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
    const lines = this.buffer.split(/\r\n|\r(?!$)|\n/);
    this.buffer = lines.pop() ?? "";
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return this.onComment?.(line.slice(1).trimStart());
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.data.push(value);
        break;
      case "event":
        this.event = value;
        break;
      case "id":
        if (!value.includes("\0")) {
          this.lastEventId = value;
          this.sawId = true;
        }
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default: // unknown fields are ignored, as the standard says
    }
  }

  private dispatch(): void {
    if (this.data.length) {
      this.onEvent({
        id: this.sawId ? this.lastEventId : undefined,
        event: this.event || "message",
        data: this.data.join("\n"),
      });
    }
    this.data = [];
    this.event = "";
    this.sawId = false;
  }
}

export interface StreamOptions<P extends SsePath> {
  /** `http://host:port` (or "" for the page's origin). */
  baseUrl: string;
  path: P;
  query?: Record<string, string | number | undefined>;
  /** The current access token; asked again on every (re)connection, so it may refresh. */
  token: () => string | Promise<string>;
  onEvent: (data: SseStreams[P], raw: RawEvent) => void;
  onComment?: (text: string) => void;
  /** Called on every (re)connection that the server accepted. */
  onOpen?: () => void;
  /** Called on every drop; the reader reconnects unless the error is final. */
  onError?: (error: unknown, willRetry: boolean) => void;
  /** Stops the reader (the returned promise then resolves). */
  signal?: AbortSignal;
  /** Resume after this event id (default: from now). */
  lastEventId?: string;
  /** Wait before reconnecting until the server sends `retry:` (default 1000 ms). */
  retryMs?: number;
  /** Injectable for tests and non-browser runtimes. */
  fetch?: (input: Request) => Promise<Response>;
}

/** The server refused the stream in a way reconnecting cannot fix (a 4xx other than 429). */
export class StreamRefused extends Error {
  constructor(readonly status: number) {
    super(`event stream refused: HTTP ${status}`);
    this.name = "StreamRefused";
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Read a stream until `signal` aborts or the server refuses it for good (the promise then
 * rejects with `StreamRefused`); drops and clean ends reconnect with `Last-Event-ID`.
 * Resolves to the last event id seen.
 */
export async function readEvents<P extends SsePath>(options: StreamOptions<P>): Promise<string | undefined> {
  const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const { signal } = options;
  const parser = new EventStreamParser(
    (raw) => options.onEvent(JSON.parse(raw.data) as SseStreams[P], raw),
    options.onComment,
  );
  parser.lastEventId = options.lastEventId;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) query.set(key, String(value));
  }
  const url = `${options.baseUrl}${options.path}${query.size ? `?${query}` : ""}`;
  let unauthorized = 0; // a second 401 in a row is not a token that just expired
  while (!signal?.aborted) {
    try {
      const headers: Record<string, string> = {
        Accept: "text/event-stream",
        Authorization: `Bearer ${await options.token()}`,
      };
      if (parser.lastEventId !== undefined) headers["Last-Event-ID"] = parser.lastEventId;
      const response = await fetchImpl(new Request(url, { headers, signal: signal ?? null }));
      if (response.status === 204) return parser.lastEventId; // "stop reconnecting"
      if (!response.ok || response.body === null) {
        const final = response.status >= 400 && response.status < 500 && response.status !== 429;
        // A 401 may be a token that expired just now: `token()` refreshes on the next try.
        unauthorized = response.status === 401 ? unauthorized + 1 : 0;
        if (final && (response.status !== 401 || unauthorized > 1)) {
          throw new StreamRefused(response.status);
        }
        throw new Error(`event stream answered HTTP ${response.status}`);
      }
      unauthorized = 0;
      options.onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      options.onError?.(new Error("event stream ended"), !signal?.aborted);
    } catch (error) {
      if (signal?.aborted) break;
      if (error instanceof StreamRefused) {
        options.onError?.(error, false);
        throw error;
      }
      options.onError?.(error, true);
    }
    await sleep(parser.retry ?? options.retryMs ?? 1000, signal);
  }
  return parser.lastEventId;
}
