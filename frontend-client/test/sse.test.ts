import { describe, expect, it } from "vitest";
import { EventStreamParser, readEvents, StreamRefused, type RawEvent } from "../src/index";

function parse(chunks: string[]): { events: RawEvent[]; comments: string[]; parser: EventStreamParser } {
  const events: RawEvent[] = [];
  const comments: string[] = [];
  const parser = new EventStreamParser((e) => events.push(e), (c) => comments.push(c));
  chunks.forEach((c) => parser.feed(c));
  return { events, comments, parser };
}

const update = (id: number, progress: number) =>
  JSON.stringify({
    id: String(id),
    type: "backtest_update",
    occurred_at: "2026-11-24T05:00:01Z",
    data: { backtest_id: 7, status: "running", progress },
  });

describe("EventStreamParser", () => {
  it("parses id, event, multi-line data and comments, in chunks of any size", () => {
    const text = `: heartbeat\nid: 1\nevent: backtest_update\ndata: {"a":\ndata: 1}\n\ndata:plain\r\n\r\n`;
    for (const size of [1, 3, text.length]) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      const { events, comments, parser } = parse(chunks);
      expect(comments).toEqual(["heartbeat"]);
      expect(events).toEqual([
        { id: "1", event: "backtest_update", data: '{"a":\n1}' },
        { id: undefined, event: "message", data: "plain" },
      ]);
      expect(parser.lastEventId).toBe("1");
    }
  });

  it("keeps retry: and ignores events without data and unknown fields", () => {
    const { events, parser } = parse(["retry: 250\nfoo: bar\nevent: x\n\nretry: soon\n\n"]);
    expect(events).toEqual([]);
    expect(parser.retry).toBe(250);
  });
});

/** A stream body that sends `text` and then ends (a drop) or stays open until aborted. */
function body(text: string, signal: AbortSignal | null, stayOpen = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      if (!stayOpen) controller.close();
      else signal?.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
    },
  });
}

describe("readEvents", () => {
  it("sends the bearer token, types the events and resumes with Last-Event-ID after a drop", async () => {
    const requests: Request[] = [];
    const abort = new AbortController();
    const fetch = async (request: Request): Promise<Response> => {
      requests.push(request);
      const text =
        requests.length === 1
          ? `retry: 5\nid: 41\nevent: backtest_update\ndata: ${update(41, 0.2)}\n\n`
          : `id: 42\nevent: backtest_update\ndata: ${update(42, 1)}\n\n`;
      return new Response(body(text, request.signal, requests.length > 1), {
        headers: { "Content-Type": "text/event-stream" },
      });
    };
    const progress: number[] = [];
    const done = readEvents({
      baseUrl: "http://api.test",
      path: "/api/v1/sse/backtest",
      query: { job_id: 7 },
      token: () => "t0k",
      fetch,
      signal: abort.signal,
      onEvent: (event) => {
        progress.push(event.data.progress); // typed: BacktestUpdateEvent
        if (event.data.progress === 1) abort.abort();
      },
    });
    await expect(done).resolves.toBe("42");
    expect(progress).toEqual([0.2, 1]);
    expect(requests.map((r) => r.url)).toEqual([
      "http://api.test/api/v1/sse/backtest?job_id=7",
      "http://api.test/api/v1/sse/backtest?job_id=7",
    ]);
    expect(requests[0]?.headers.get("Authorization")).toBe("Bearer t0k");
    expect(requests[0]?.headers.get("Last-Event-ID")).toBeNull();
    expect(requests[1]?.headers.get("Last-Event-ID")).toBe("41");
  });

  it("reconnects after a network error and stops on a final refusal", async () => {
    let calls = 0;
    const fetch = async (): Promise<Response> => {
      calls += 1;
      if (calls === 1) throw new TypeError("network down");
      return new Response(JSON.stringify({ title: "Forbidden" }), { status: 403 });
    };
    const errors: [string, boolean][] = [];
    const done = readEvents({
      baseUrl: "http://api.test",
      path: "/api/v1/sse/alerts",
      token: () => "t",
      fetch,
      retryMs: 1,
      onEvent: () => undefined,
      onError: (error, retry) => errors.push([String(error), retry]),
    });
    await expect(done).rejects.toBeInstanceOf(StreamRefused);
    expect(calls).toBe(2);
    expect(errors.map(([, retry]) => retry)).toEqual([true, false]);
  });
});
