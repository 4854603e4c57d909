// klinecharts indicators whose values come from `GET /api/v1/market/indicators/{symbol}`: the
// chart never computes MA, BOLL, MACD, KDJ or RSI itself, so it shows exactly what the API
// serves (the terminals' formulas, `IndicatorName` in the contract). The API's values are kept
// here by key (symbol, period, indicator); an indicator's `extendData` names its key and `calc`
// only lines the values up with the bars. (klinecharts deep-clones `extendData`, which would
// empty a Map, so the values themselves stay out of it.)
import type { IndicatorName } from "@mystocks/client";
import { registerIndicator, type IndicatorFigure, type KLineData } from "klinecharts";

export type Values = Record<string, number>;
/** The API's values of one indicator, by bar timestamp (epoch ms). */
export type ValuesByTime = Map<number, Values>;
export interface ValuesKey {
  key: string;
}

const KEEP = 48; // sets of values kept (a few symbols × periods × indicators)
const loaded = new Map<string, ValuesByTime>();

export function valuesKey(symbol: string, period: string, name: string): string {
  return `${symbol}|${period}|${name}`;
}

export function storedValues(key: string): ValuesByTime | undefined {
  return loaded.get(key);
}

export function storeValues(key: string, values: ValuesByTime): void {
  loaded.delete(key);
  loaded.set(key, values);
  for (const old of loaded.keys()) {
    if (loaded.size <= KEEP) break;
    loaded.delete(old);
  }
}

export interface ApiIndicator {
  /** The klinecharts name (`API_MACD`). */
  name: string;
  api: IndicatorName;
  /** Where it is drawn: over the candles, or in the sub-chart pane. */
  place: "overlay" | "sub";
  figures: IndicatorFigure<Values>[];
}

const line = (key: string): IndicatorFigure<Values> => ({ key, title: `${key}: `, type: "line" });

export const API_INDICATORS: readonly ApiIndicator[] = [
  { name: "API_MA", api: "MA", place: "overlay", figures: ["MA5", "MA10", "MA20", "MA60"].map(line) },
  { name: "API_BOLL", api: "BOLL", place: "overlay", figures: ["UPPER", "MID", "LOWER"].map(line) },
  {
    name: "API_MACD",
    api: "MACD",
    place: "sub",
    figures: [
      line("DIF"),
      line("DEA"),
      {
        key: "MACD",
        title: "MACD: ",
        type: "bar",
        baseValue: 0,
        // Red above zero and green below, in the chart's up/down colours.
        styles: ({ data, indicator, defaultStyles }) => {
          const value = data.current?.MACD ?? 0;
          const colors = defaultStyles?.bars[0];
          const color = value >= 0 ? colors?.upColor : colors?.downColor;
          void indicator;
          return color ? { color, borderColor: color } : null;
        },
      },
    ],
  },
  { name: "API_KDJ", api: "KDJ", place: "sub", figures: ["K", "D", "J"].map(line) },
  { name: "API_RSI", api: "RSI", place: "sub", figures: ["RSI6", "RSI12", "RSI24"].map(line) },
];

export const OVERLAYS = API_INDICATORS.filter((i) => i.place === "overlay");
export const SUB_CHARTS = API_INDICATORS.filter((i) => i.place === "sub");

let registered = false;

/** Register the API-fed indicators with klinecharts (once per page). */
export function registerApiIndicators(): void {
  if (registered) return;
  registered = true;
  for (const indicator of API_INDICATORS) {
    registerIndicator<Values, number, ValuesKey>({
      name: indicator.name,
      shortName: indicator.api,
      precision: 3,
      figures: indicator.figures,
      calc: (bars: KLineData[], { extendData }) => {
        const values = extendData?.key ? loaded.get(extendData.key) : undefined;
        return bars.map((bar) => values?.get(bar.timestamp) ?? {});
      },
      // Another symbol's or period's values arrive as another key: recompute then, not only
      // when the parameters change (klinecharts' default).
      shouldUpdate: (prev, current) => {
        const calc = prev.extendData?.key !== current.extendData?.key || prev.calc !== current.calc;
        return { calc, draw: calc || prev.visible !== current.visible || prev.styles !== current.styles };
      },
    });
  }
}

/** The API's items as klinecharts wants them: by epoch ms, nulls (warm-up) left out. */
export function valuesByTime(items: { ts: string; values: Record<string, number | null> }[]): ValuesByTime {
  const map: ValuesByTime = new Map();
  for (const item of items) {
    const values: Values = {};
    for (const [key, value] of Object.entries(item.values)) if (value !== null) values[key] = value;
    map.set(Date.parse(item.ts), values);
  }
  return map;
}
