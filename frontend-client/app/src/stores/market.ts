// Market data for the pages: quotes by symbol, bars by symbol and period (cached), indicator
// values as the API computes them, and live updates over the WebSocket channel (`quotes:`,
// `ticks:` and `bars:` channels of openapi/asyncapi.yaml), with the time of the last update.
import {
  MyStocksChannel,
  type Bar,
  type IndicatorName,
  type IndicatorPage,
  type Instrument,
  type Period,
  type Quote,
  type WsServerMessage,
} from "@mystocks/client";
import { defineStore } from "pinia";
import { ref, shallowReactive } from "vue";
import { API_BASE, useAuthStore } from "./auth";

export const PERIODS: readonly Period[] = ["1m", "5m", "15m", "30m", "60m", "1d", "1w", "1M"];
/** Periods whose completed bars the WebSocket pushes (`bars:{symbol}:{period}`). */
export const LIVE_BAR_PERIODS: ReadonlySet<Period> = new Set(["1m", "5m", "15m", "30m", "60m"]);
/** Bars a chart loads at most (the newest ones). */
export const MAX_BARS = 2000;
const PAGE = 5000; // the API's largest page

export type Tick = Extract<WsServerMessage, { type: "ticks" }>["data"]["items"][number];
export type LiveBar = Extract<WsServerMessage, { type: "bars" }>["data"]["items"][number];
type Listener<T> = (item: T) => void;

const barKey = (symbol: string, period: Period) => `${symbol}|${period}`;

export const useMarketStore = defineStore("market", () => {
  const auth = useAuthStore();
  const quotes = shallowReactive(new Map<string, Quote>());
  const bars = shallowReactive(new Map<string, Bar[]>());
  /** Why a symbol's bars of a period came back empty (the API's `note`), by bar key. */
  const notes = shallowReactive(new Map<string, string>());

  function noteFor(symbol: string, period: Period): string | undefined {
    return notes.get(barKey(symbol, period));
  }
  const lastUpdate = ref<Date | null>(null);
  const connected = ref(false);
  const tickListeners = new Set<Listener<Tick>>();
  const barListeners = new Set<Listener<LiveBar>>();
  const messageListeners = new Set<Listener<WsServerMessage>>(); // every message (orders, alerts, …)
  const subscriptions = new Map<string, number>(); // channel -> reference count
  let channel: MyStocksChannel | null = null;

  async function searchSymbols(q: string, limit = 20): Promise<Instrument[]> {
    const { data } = await auth.api().GET("/api/v1/market/symbols", { params: { query: { q, limit } } });
    return data?.items ?? [];
  }

  async function loadQuote(symbol: string): Promise<Quote | undefined> {
    const { data } = await auth.api().GET("/api/v1/market/quotes/{symbol}", { params: { path: { symbol } } });
    if (data) quotes.set(symbol, data);
    return data;
  }

  /** The newest bars (at most MAX_BARS), oldest first; cached per symbol and period. */
  async function loadBars(symbol: string, period: Period, reload = false): Promise<Bar[]> {
    const key = barKey(symbol, period);
    const cached = bars.get(key);
    if (cached && !reload) return cached;
    const items: Bar[] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await auth.api().GET("/api/v1/market/bars/{symbol}", {
        params: { path: { symbol }, query: { period, limit: PAGE, ...(cursor ? { cursor } : {}) } },
      });
      if (!data) throw new Error(error?.detail ?? error?.title ?? "bars failed");
      items.push(...data.items);
      if (data.note) notes.set(key, data.note);
      else notes.delete(key);
      cursor = data.next_cursor ?? undefined;
    } while (cursor);
    const newest = items.slice(-MAX_BARS);
    bars.set(key, newest);
    return newest;
  }

  /** An indicator's values as the API computes them (never recomputed here), by bar time. */
  async function loadIndicator(
    symbol: string,
    period: Period,
    indicator: IndicatorName,
    start?: string,
  ): Promise<IndicatorPage["items"]> {
    const items: IndicatorPage["items"] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await auth.api().GET("/api/v1/market/indicators/{symbol}", {
        params: {
          path: { symbol },
          query: { indicator, period, limit: PAGE, ...(start ? { start } : {}), ...(cursor ? { cursor } : {}) },
        },
      });
      if (!data) throw new Error(error?.detail ?? error?.title ?? "indicator failed");
      items.push(...data.items);
      cursor = data.next_cursor ?? undefined;
    } while (cursor);
    return items;
  }

  function onMessage(message: WsServerMessage): void {
    messageListeners.forEach((listen) => listen(message));
    switch (message.type) {
      case "quotes":
        for (const quote of message.data.items) quotes.set(quote.symbol, quote);
        break;
      case "ticks":
        for (const tick of message.data.items) tickListeners.forEach((listen) => listen(tick));
        break;
      case "bars":
        for (const bar of message.data.items) barListeners.forEach((listen) => listen(bar));
        break;
      default:
        return;
    }
    lastUpdate.value = new Date();
  }

  function ensureChannel(): MyStocksChannel {
    if (channel === null) {
      channel = new MyStocksChannel({
        baseUrl: API_BASE.replace(/^http/, "ws"),
        token: () => auth.accessToken(),
        onMessage: (message) => {
          if (message.type === "ack" && message.data.op === "auth") connected.value = true;
          onMessage(message);
        },
        onClose: () => {
          connected.value = false;
        },
      });
      channel.connect();
    }
    return channel;
  }

  /** Subscribe to channels (reference-counted); returns the matching unsubscribe. */
  function subscribe(...channels: string[]): () => void {
    const fresh = channels.filter((c) => {
      const count = subscriptions.get(c) ?? 0;
      subscriptions.set(c, count + 1);
      return count === 0;
    });
    if (fresh.length) ensureChannel().subscribe(...fresh);
    return () => {
      const gone = channels.filter((c) => {
        const count = (subscriptions.get(c) ?? 1) - 1;
        if (count > 0) subscriptions.set(c, count);
        else subscriptions.delete(c);
        return count <= 0;
      });
      if (gone.length) channel?.unsubscribe(...gone);
    };
  }

  function onTick(listener: Listener<Tick>): () => void {
    tickListeners.add(listener);
    return () => tickListeners.delete(listener);
  }

  function onBar(listener: Listener<LiveBar>): () => void {
    barListeners.add(listener);
    return () => barListeners.delete(listener);
  }

  /** Every message of the channel (the other stores read their own types: `order_update`, …). */
  function onServerMessage(listener: Listener<WsServerMessage>): () => void {
    messageListeners.add(listener);
    return () => messageListeners.delete(listener);
  }

  /** Close the WebSocket (on sign-out). */
  function disconnect(): void {
    channel?.close();
    channel = null;
    subscriptions.clear();
    connected.value = false;
  }

  return {
    noteFor,
    quotes,
    bars,
    lastUpdate,
    connected,
    searchSymbols,
    loadQuote,
    loadBars,
    loadIndicator,
    subscribe,
    onTick,
    onBar,
    onServerMessage,
    disconnect,
  };
});
