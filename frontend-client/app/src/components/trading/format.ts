// Small formatting helpers for the trading, alerts and dashboard pages.
import type { Schemas } from "@mystocks/client";

/** `"{n} 股"` with `{ n: 100 }` → `"100 股"` (the i18n has no interpolation of its own). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Money in yuan with thousands separators and fen. */
export function money(value: number | null | undefined): string {
  if (value == null) return "—";
  return value.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function price(value: number | null | undefined): string {
  return value == null ? "—" : value.toFixed(2);
}

/** `up` / `down` / "" for the A-share colour classes (styles.css, set from the prefs store). */
export function direction(value: number | null | undefined): string {
  return value == null || value === 0 ? "" : value > 0 ? "up" : "down";
}

export function time(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "—";
}

/** What an API refusal says: its `detail`, `code` and field `errors` (RFC 9457 problem+json). */
export interface Refusal {
  status: number;
  title: string;
  detail: string;
  code: string | undefined;
  errors: Schemas["FieldError"][];
}

export function refusalOf(problem: Partial<Schemas["Problem"]> | undefined, status: number): Refusal {
  return {
    status: problem?.status ?? status,
    title: problem?.title ?? `HTTP ${status}`,
    detail: problem?.detail ?? "",
    code: problem?.code,
    errors: problem?.errors ?? [],
  };
}

/** An Error carrying the refusal, for callers that only show a message. */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail || refusal.title);
    this.name = "RefusedError";
  }
}
