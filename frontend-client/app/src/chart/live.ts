// How a live tick moves the chart's forming candle. The server's bars stay authoritative: the
// `bars:{symbol}:{period}` channel's completed intraday bars replace what ticks drew, and a
// reload fetches the stored bars again. Exchange breaks (11:30-13:00) are not modelled here.
import type { Period } from "@mystocks/client";
import type { KLineData, Period as ChartPeriod } from "klinecharts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ZONE_OFFSET = 8 * 60 * MINUTE; // A-share bar times are in +08:00

export function chartPeriod(period: Period): ChartPeriod {
  switch (period) {
    case "1d":
      return { type: "day", span: 1 };
    case "1w":
      return { type: "week", span: 1 };
    case "1M":
      return { type: "month", span: 1 };
    default:
      return { type: "minute", span: Number.parseInt(period, 10) };
  }
}

/** Local (+08:00) midnight of a time, as epoch ms: the `ts` of a daily bar. */
function localDay(ts: number): number {
  return Math.floor((ts + ZONE_OFFSET) / DAY) * DAY - ZONE_OFFSET;
}

function sameBucket(period: Period, last: number, day: number): boolean {
  const a = new Date(last + ZONE_OFFSET);
  const b = new Date(day + ZONE_OFFSET);
  if (period === "1M") return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  // 1w: the same Monday-started week.
  const monday = (d: Date) => Math.floor((d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY) / DAY);
  return monday(a) === monday(b);
}

/** The candle after a trade at `price` (`volume` shares) at `ts`, or null if it is older. */
export function applyTick(
  period: Period,
  last: KLineData | undefined,
  ts: number,
  price: number,
  volume: number,
): KLineData | null {
  const fresh = (at: number): KLineData => ({ timestamp: at, open: price, high: price, low: price, close: price, volume });
  const grow = (bar: KLineData, at = bar.timestamp): KLineData => ({
    ...bar,
    timestamp: at,
    high: Math.max(bar.high, price),
    low: Math.min(bar.low, price),
    close: price,
    volume: (bar.volume ?? 0) + volume,
  });
  if (period === "1d" || period === "1w" || period === "1M") {
    const day = localDay(ts);
    if (!last) return fresh(day);
    if (day < last.timestamp) return null;
    if (day === last.timestamp) return grow(last);
    // 1w and 1M bars carry the time of their last trading day: a later day of the same bucket
    // moves it; a new bucket (or a new day of a daily chart) starts a candle.
    return period !== "1d" && sameBucket(period, last.timestamp, day) ? grow(last, day) : fresh(day);
  }
  const span = Number.parseInt(period, 10) * MINUTE;
  if (!last) return fresh(Math.ceil(ts / span) * span);
  if (ts <= last.timestamp - span) return null;
  if (ts <= last.timestamp) return grow(last);
  return fresh(last.timestamp + Math.ceil((ts - last.timestamp) / span) * span);
}
