// The A-share rules an order ticket explains before it is sent (the server checks them again and
// has the last word: src/mystocks/trading/checks.py). Pure functions of the instrument,
// its quote (the day's limit band as the API serves it) and the holding, so they are unit-tested.
import type { Schemas } from "@mystocks/client";

type Instrument = Schemas["Instrument"];
type Quote = Schemas["Quote"];
type Position = Schemas["Position"];

export interface TicketInput {
  side: Schemas["OrderSide"];
  type: Schemas["OrderType"];
  quantity: number | null;
  limitPrice: number | null;
}

/** One rule's state for the ticket: `ok`, `fail`, or `info` when it does not apply yet. */
export interface RuleCheck {
  code: "board_lot" | "price_tick" | "price_limit" | "t_plus_one";
  state: "ok" | "fail" | "info";
  params: Record<string, string | number>;
}

const cents = (price: number) => Math.round(price * 100);

export function boardLot(input: TicketInput, lot: number, holding: number): RuleCheck {
  const qty = input.quantity;
  const params = { lot, holding };
  if (!qty) return { code: "board_lot", state: "info", params };
  const whole = qty % lot === 0;
  const ok = whole || (input.side === "sell" && qty === holding);
  return { code: "board_lot", state: ok ? "ok" : "fail", params };
}

export function priceTick(input: TicketInput, tick: number): RuleCheck {
  const params = { tick };
  if (input.type === "market" || input.limitPrice == null) return { code: "price_tick", state: "info", params };
  const onTick = Math.abs(input.limitPrice * 100 - cents(input.limitPrice)) < 1e-6;
  return { code: "price_tick", state: onTick ? "ok" : "fail", params };
}

/** The day's band from the quote (`limit_down`..`limit_up`, the exchange's rounding, as served). */
export function priceLimit(input: TicketInput, instrument: Instrument, quote: Quote | undefined): RuleCheck {
  const pct = instrument.price_limit_pct == null ? "—" : `${Math.round(instrument.price_limit_pct * 100)}`;
  const down = quote?.limit_down;
  const up = quote?.limit_up;
  const params = {
    pct,
    prevClose: quote?.prev_close?.toFixed(2) ?? "—",
    down: down?.toFixed(2) ?? "—",
    up: up?.toFixed(2) ?? "—",
  };
  if (input.type === "market" || input.limitPrice == null || down == null || up == null) {
    return { code: "price_limit", state: "info", params };
  }
  const price = cents(input.limitPrice);
  const inside = price >= cents(down) && price <= cents(up);
  return { code: "price_limit", state: inside ? "ok" : "fail", params };
}

/** T+1: a sell may use only the shares available today (`Position.available`, from the API). */
export function tPlusOne(input: TicketInput, position: Position | undefined): RuleCheck {
  const available = position?.available ?? 0;
  const held = position?.quantity ?? 0;
  const params = { available, held };
  if (input.side === "buy" || !input.quantity) return { code: "t_plus_one", state: "info", params };
  return { code: "t_plus_one", state: input.quantity <= available ? "ok" : "fail", params };
}

export function ticketChecks(
  input: TicketInput,
  instrument: Instrument,
  quote: Quote | undefined,
  position: Position | undefined,
): RuleCheck[] {
  return [
    boardLot(input, instrument.lot_size, position?.quantity ?? 0),
    priceTick(input, instrument.tick_size),
    priceLimit(input, instrument, quote),
    tPlusOne(input, position),
  ];
}
