// Number formats of the backtest views (display only: every value comes from the API).
import type { JobStatus } from "../../stores/strategy-logic";

export const pct = (v: number | null | undefined, digits = 2): string =>
  v == null ? "—" : `${(v * 100).toFixed(digits)}%`;
export const num = (v: number | null | undefined, digits = 2): string => (v == null ? "—" : v.toFixed(digits));
export const money = (v: number | null | undefined): string =>
  v == null ? "—" : v.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** The up/down colour class of a signed value (A-share red up by default, per the prefs). */
export const direction = (v: number | null | undefined): string => (v == null || v === 0 ? "" : v > 0 ? "up" : "down");
export const params = (p: Record<string, number> | null | undefined): string =>
  p ? Object.entries(p).map(([k, v]) => `${k}=${v}`).join(" ") : "—";

/** What the job lists show of a backtest or a parameter search. */
export interface JobRow {
  id: number;
  status: JobStatus;
  progress: number;
  start: string;
  end: string;
}
