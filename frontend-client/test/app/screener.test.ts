// The Screener page's logic (frontend-client/app/src/screener/ and the screens store), without a
// browser: the builder's tree edits and limits, the placing of the API's field errors, the run
// request, and the store's paging, problems and If-Match delete against a fake server.
import { createPinia, setActivePinia } from "pinia";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMyStocksClient } from "../../src/index";
import {
  changeKind,
  cloneCondition,
  countNodes,
  errorsAt,
  kindsAt,
  newCondition,
  operandLabel,
  parseParams,
  type Condition,
} from "../../app/src/screener/conditions";
import { appendPage, emptyUniverse, formatValue, runRequest, valueColumns } from "../../app/src/screener/results";

const BASE = "http://api.test";
let fetchImpl: (request: Request) => Promise<Response> = async () => new Response(null, { status: 500 });

// The store's session: a typed client over the fake server (auth.ts reads window.location).
vi.mock("../../app/src/stores/auth", () => ({
  useAuthStore: () => ({ api: () => createMyStocksClient(BASE, "token", { fetch: (r: Request) => fetchImpl(r) }) }),
}));
const { useScreensStore } = await import("../../app/src/stores/screens");

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("the condition builder's model", () => {
  it("keeps children when a group changes kind", () => {
    const leaf = newCondition("breakout");
    const all: Condition = { kind: "all", conditions: [leaf, newCondition("change")] };
    const any = changeKind(all, "any");
    expect(any).toEqual({ kind: "any", conditions: all.kind === "all" ? all.conditions : [] });
    expect(changeKind(leaf, "not")).toEqual({ kind: "not", condition: leaf });
    expect(changeKind({ kind: "not", condition: leaf }, "all")).toEqual({ kind: "all", conditions: [leaf] });
    expect(changeKind({ kind: "all", conditions: [leaf] }, "not")).toEqual({ kind: "not", condition: leaf });
    expect(changeKind(leaf, "volume_ratio")).toEqual({ kind: "volume_ratio", days: 5, op: "gte", ratio: 2 });
  });

  it("offers groups only where a child still fits in 5 levels", () => {
    expect(kindsAt(4)).toContain("all");
    expect(kindsAt(5)).not.toContain("all");
    expect(kindsAt(5)).not.toContain("not");
    expect(kindsAt(5)).toContain("compare");
  });

  it("counts nodes and copies a tree out of its proxies", () => {
    const tree: Condition = { kind: "all", conditions: [newCondition("compare"), newCondition("not")] };
    expect(countNodes(tree)).toBe(4);
    const copy = cloneCondition(tree);
    expect(copy).toEqual(tree);
    expect(copy).not.toBe(tree);
  });

  it("reads params typed by hand", () => {
    expect(parseParams("12, 26，9")).toEqual([12, 26, 9]);
    expect(parseParams("  ")).toEqual([]);
    expect(parseParams("12,x")).toBeNull();
    expect(operandLabel({ indicator: "MACD", params: [12, 26, 9], output: "DEA" })).toBe("MACD(12,26,9).DEA");
    expect(operandLabel({ field: "close" })).toBe("close");
    expect(operandLabel(80)).toBe("80");
  });

  it("puts each field error on its node", () => {
    const errors = [
      { in: "body" as const, name: "condition.conditions[1].right.params[0]", detail: "out of bounds" },
      { in: "body" as const, name: "condition.conditions", detail: "must contain at least 1 items" },
      { in: "body" as const, name: "condition.conditions[10].days", detail: "too small" },
    ];
    expect(errorsAt(errors, "condition.conditions[1]", "compare").map((e) => e.detail)).toEqual(["out of bounds"]);
    expect(errorsAt(errors, "condition", "all").map((e) => e.detail)).toEqual(["must contain at least 1 items"]);
    // conditions[1] is not conditions[10]
    expect(errorsAt(errors, "condition.conditions[1]", "change")).toHaveLength(1);
    expect(errorsAt(errors, "condition.conditions[10]", "change").map((e) => e.detail)).toEqual(["too small"]);
  });
});

describe("the run request and its results", () => {
  it("sends only the filters given", () => {
    const draft = emptyUniverse();
    expect(runRequest({ builtin: "breakout_20d" }, draft, null)).toEqual({ builtin: "breakout_20d" });
    draft.exchange = "SSE";
    draft.industry = " 银行 ";
    draft.watchlist_id = 3;
    expect(runRequest({ screen_id: 1 }, draft, "2017-07-26")).toEqual({
      screen_id: 1,
      universe: { exchange: "SSE", industry: "银行", watchlist_id: 3 },
      as_of: "2017-07-26",
    });
  });

  it("joins pages and lists the values' labels in order", () => {
    const a = { symbol: "A", name: "a", values: { close: 1, "MA(20)": 0.5 } };
    const b = { symbol: "B", name: "b", values: { close: 2, "RSI(6)": 70 } };
    const first = { as_of: "2017-07-26", screened: 5, matched: 2, items: [a], next_cursor: "x" };
    const all = appendPage(first, { ...first, items: [b], next_cursor: null });
    expect(all.items.map((i) => i.symbol)).toEqual(["A", "B"]);
    expect(all.next_cursor).toBeNull();
    expect(all.matched).toBe(2);
    expect(valueColumns(all.items)).toEqual(["close", "MA(20)", "RSI(6)"]);
    expect(formatValue(undefined, "en-US")).toBe("—");
    expect(formatValue(3235.62, "en-US")).toBe("3,235.62");
  });
});

describe("the screens store", () => {
  const calls: string[] = [];
  beforeEach(() => {
    setActivePinia(createPinia());
    calls.length = 0;
  });

  it("pages a run by next_cursor and keeps the request", async () => {
    fetchImpl = async (request) => {
      const url = new URL(request.url);
      calls.push(`${request.method} ${url.pathname}${url.search}`);
      const cursor = url.searchParams.get("cursor");
      const item = { symbol: cursor ? "600036.SH" : "000001.SH", name: "", values: { close: 1 } };
      return json({ as_of: "2017-07-26", screened: 5, matched: 2, items: [item], next_cursor: cursor ? null : "c1" });
    };
    const store = useScreensStore();
    expect(await store.run({ builtin: "bullish_ma_alignment" }, "bullish_ma_alignment")).toBe(true);
    expect(store.result?.items).toHaveLength(1);
    await store.loadMore();
    expect(store.result?.items.map((i) => i.symbol)).toEqual(["000001.SH", "600036.SH"]);
    expect(store.result?.next_cursor).toBeNull();
    await store.loadMore(); // nothing more to load
    expect(calls).toEqual(["POST /api/v1/screens/run?limit=100", "POST /api/v1/screens/run?limit=100&cursor=c1"]);
  });

  it("keeps the API's problem and its field errors", async () => {
    const problem = {
      type: "/problems/unprocessable",
      title: "Unprocessable Entity",
      status: 422,
      detail: "condition.right.params[0]: MA parameter 1 must be between 1 and 250, got 0",
      errors: [{ in: "body", name: "condition.right.params[0]", detail: "MA parameter 1 must be between 1 and 250" }],
    };
    fetchImpl = async () => json(problem, 422);
    const store = useScreensStore();
    expect(await store.run({ condition: newCondition("compare") }, "adhoc")).toBe(false);
    expect(store.problem?.status).toBe(422);
    expect(store.fieldErrors.map((e) => e.name)).toEqual(["condition.right.params[0]"]);
    expect(store.result).toBeNull();
    store.clearProblem();
    expect(store.fieldErrors).toEqual([]);
  });

  it("deletes a saved screen with its version as If-Match", async () => {
    const screen = {
      id: 7,
      owner: "admin",
      name: "金叉",
      description: "",
      condition: newCondition("cross"),
      version: 3,
      created_at: "2026-11-24T05:00:00Z",
      updated_at: "2026-11-24T05:00:00Z",
    };
    fetchImpl = async (request) => {
      const url = new URL(request.url);
      calls.push(`${request.method} ${url.pathname} ${request.headers.get("If-Match") ?? ""}`.trim());
      if (request.method === "GET") return json({ items: [screen], next_cursor: null });
      return new Response(null, { status: 204 });
    };
    const store = useScreensStore();
    await store.loadSaved();
    expect(store.saved).toHaveLength(1);
    await store.remove(store.saved[0]!);
    expect(store.saved).toEqual([]);
    expect(calls).toEqual(["GET /api/v1/screens", 'DELETE /api/v1/screens/7 "3"']);
  });
});
