// What a run asks and what it answers: the request of a builder's condition, universe and day;
// the pages of matches put together (`next_cursor`); the columns of the API's `values`.
import type { Schemas } from "@mystocks/client";
import type { Condition } from "./conditions";

export type RunRequest = Schemas["ScreenRunRequest"];
export type Universe = Schemas["ScreenUniverse"];
export type ScreenResult = Schemas["ScreenResult"];
export type ScreenMatch = Schemas["ScreenMatch"];

/** What a builder holds for the universe: empty strings and nulls mean "no filter". */
export interface UniverseDraft {
  exchange: Universe["exchange"] | "";
  type: Universe["type"] | "";
  industry: string;
  watchlist_id: number | null;
}

export const emptyUniverse = (): UniverseDraft => ({ exchange: "", type: "", industry: "", watchlist_id: null });

/** The universe as the API takes it: only the filters given (none: every instrument). */
export function universeOf(draft: UniverseDraft): Universe | undefined {
  const u: Universe = {};
  if (draft.exchange) u.exchange = draft.exchange;
  if (draft.type) u.type = draft.type;
  const industry = draft.industry.trim();
  if (industry) u.industry = industry;
  if (draft.watchlist_id !== null) u.watchlist_id = draft.watchlist_id;
  return Object.keys(u).length ? u : undefined;
}

/** What to screen: exactly one of a condition, a saved screen or a built-in one. */
export type Target = { condition: Condition } | { screen_id: number } | { builtin: string };

export function runRequest(target: Target, draft: UniverseDraft, asOf: string | null): RunRequest {
  const universe = universeOf(draft);
  return { ...target, ...(universe ? { universe } : {}), ...(asOf ? { as_of: asOf } : {}) };
}

/** A run's pages so far: the first page's counts, every page's matches in order. */
export function appendPage(previous: ScreenResult | null, page: ScreenResult): ScreenResult {
  if (previous === null) return page;
  return { ...page, items: [...previous.items, ...page.items] };
}

/**
 * The labels of the API's `values` over the matches, in the order they first appear (`close`,
 * `MA(20)`…); a match lacks a label when its value is not defined for it.
 */
export function valueColumns(items: readonly ScreenMatch[]): string[] {
  const seen = new Set<string>();
  for (const item of items) for (const key of Object.keys(item.values)) seen.add(key);
  return [...seen];
}

/** A value as the API gave it, with thousands separators and at most 4 decimals. */
export function formatValue(value: number | undefined, locale: string): string {
  if (value === undefined) return "—";
  return value.toLocaleString(locale, { maximumFractionDigits: 4 });
}
