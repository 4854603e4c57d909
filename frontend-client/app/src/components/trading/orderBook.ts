// Merging order updates (REST pages and WebSocket `order_update` events) into one list, newest
// order first. An event may overtake the page it belongs after, so the later `updated_at` wins.
import type { Schemas } from "@mystocks/client";

type Order = Schemas["Order"];

export const OPEN_STATUSES: ReadonlySet<Schemas["OrderStatus"]> = new Set(["new", "partially_filled"]);

export function isOpen(order: Order): boolean {
  return OPEN_STATUSES.has(order.status);
}

function newer(a: Order, b: Order): boolean {
  const ta = Date.parse(a.updated_at);
  const tb = Date.parse(b.updated_at);
  return ta > tb || (ta === tb && a.history.length >= b.history.length);
}

/** The list with `order` added or, if it is newer than the copy held, replacing it. */
export function upsertOrder(orders: readonly Order[], order: Order, limit = 200): Order[] {
  const held = orders.find((o) => o.id === order.id);
  if (held && !newer(order, held)) return orders as Order[];
  const rest = orders.filter((o) => o.id !== order.id);
  return [order, ...rest].sort((a, b) => b.id - a.id).slice(0, limit);
}

/** Trades newest first, without duplicates (an event and a reload may both bring one). */
export function upsertTrade<T extends { id: number }>(trades: readonly T[], trade: T, limit = 200): T[] {
  if (trades.some((t) => t.id === trade.id)) return trades as T[];
  return [trade, ...trades].sort((a, b) => b.id - a.id).slice(0, limit);
}
