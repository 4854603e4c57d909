// The app's trading and alerts logic (pure functions the stores and the order ticket use).
import { describe, expect, it } from "vitest";
import type { Schemas } from "../src";
import { fill, refusalOf } from "../app/src/components/trading/format";
import { isOpen, upsertOrder, upsertTrade } from "../app/src/components/trading/orderBook";
import { ticketChecks, type TicketInput } from "../app/src/components/trading/ticketRules";

const instrument = {
  symbol: "600036.SH", code: "600036", name: "招商银行", exchange: "SSE", market: "CN", type: "stock",
  currency: "CNY", timezone: "Asia/Shanghai", board: "main", lot_size: 100, tick_size: 0.01, price_limit_pct: 0.1,
} as Schemas["Instrument"];
const quote = { symbol: "600036.SH", last: 25.5, prev_close: 25.56, limit_up: 28.12, limit_down: 23.0 } as Schemas["Quote"];
const position = { symbol: "600036.SH", quantity: 350, available: 250 } as Schemas["Position"];
const input = (over: Partial<TicketInput>): TicketInput => ({ side: "buy", type: "limit", quantity: 100, limitPrice: 25.5, ...over });
const stateOf = (checks: ReturnType<typeof ticketChecks>, code: string) => checks.find((c) => c.code === code)?.state;

describe("ticketChecks", () => {
  it("wants whole lots for buys", () => {
    expect(stateOf(ticketChecks(input({ quantity: 200 }), instrument, quote, undefined), "board_lot")).toBe("ok");
    expect(stateOf(ticketChecks(input({ quantity: 150 }), instrument, quote, undefined), "board_lot")).toBe("fail");
  });

  it("lets an odd lot sell only the whole holding", () => {
    expect(stateOf(ticketChecks(input({ side: "sell", quantity: 350 }), instrument, quote, position), "board_lot")).toBe("ok");
    expect(stateOf(ticketChecks(input({ side: "sell", quantity: 250 }), instrument, quote, position), "board_lot")).toBe("fail");
  });

  it("checks the limit price against the day's band from the quote, inclusive", () => {
    const at = (limitPrice: number) => stateOf(ticketChecks(input({ limitPrice }), instrument, quote, undefined), "price_limit");
    expect(at(28.12)).toBe("ok");
    expect(at(23.0)).toBe("ok");
    expect(at(28.13)).toBe("fail");
    expect(at(22.99)).toBe("fail");
    const band = ticketChecks(input({}), instrument, quote, undefined).find((c) => c.code === "price_limit");
    expect(band?.params).toMatchObject({ pct: "10", prevClose: "25.56", down: "23.00", up: "28.12" });
  });

  it("checks the 0.01 tick, and neither price rule applies to a market order", () => {
    expect(stateOf(ticketChecks(input({ limitPrice: 25.555 }), instrument, quote, undefined), "price_tick")).toBe("fail");
    expect(stateOf(ticketChecks(input({ limitPrice: 25.55 }), instrument, quote, undefined), "price_tick")).toBe("ok");
    const market = ticketChecks(input({ type: "market", limitPrice: 999 }), instrument, quote, undefined);
    expect(stateOf(market, "price_tick")).toBe("info");
    expect(stateOf(market, "price_limit")).toBe("info");
  });

  it("applies T+1 to sells through the position's available shares", () => {
    expect(stateOf(ticketChecks(input({ side: "sell", quantity: 200 }), instrument, quote, position), "t_plus_one")).toBe("ok");
    expect(stateOf(ticketChecks(input({ side: "sell", quantity: 300 }), instrument, quote, position), "t_plus_one")).toBe("fail");
    expect(stateOf(ticketChecks(input({ side: "buy", quantity: 300 }), instrument, quote, position), "t_plus_one")).toBe("info");
  });
});

const order = (id: number, status: Schemas["OrderStatus"], updated: string, history = 1) =>
  ({ id, status, updated_at: updated, history: Array(history).fill({}) }) as Schemas["Order"];

describe("upsertOrder", () => {
  it("adds orders newest first and replaces an order with a newer copy", () => {
    let list = upsertOrder([], order(1, "new", "2026-11-24T01:00:00Z"));
    list = upsertOrder(list, order(2, "new", "2026-11-24T01:00:01Z"));
    expect(list.map((o) => o.id)).toEqual([2, 1]);
    list = upsertOrder(list, order(1, "filled", "2026-11-24T01:00:02Z", 2));
    expect(list.map((o) => [o.id, o.status])).toEqual([[2, "new"], [1, "filled"]]);
  });

  it("keeps the newer copy when an older one arrives late", () => {
    const filled = [order(1, "filled", "2026-11-24T01:00:02Z", 2)];
    expect(upsertOrder(filled, order(1, "new", "2026-11-24T01:00:00Z"))).toBe(filled);
  });

  it("tells open orders from ended ones", () => {
    expect(isOpen(order(1, "partially_filled", ""))).toBe(true);
    expect(isOpen(order(1, "cancelled", ""))).toBe(false);
  });
});

describe("upsertTrade and the helpers", () => {
  it("drops a trade seen twice", () => {
    const list = upsertTrade(upsertTrade([], { id: 1 }), { id: 2 });
    expect(upsertTrade(list, { id: 1 }).map((t) => t.id)).toEqual([2, 1]);
  });

  it("fills message templates and reads problem+json", () => {
    expect(fill("{n} 股，{missing}", { n: 100 })).toBe("100 股，{missing}");
    const refusal = refusalOf({ status: 422, title: "Unprocessable Entity", detail: "lots", code: "board_lot" }, 422);
    expect(refusal).toMatchObject({ code: "board_lot", detail: "lots", errors: [] });
    expect(refusalOf(undefined, 503).title).toBe("HTTP 503");
  });
});
