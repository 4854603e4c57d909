// Paper trading (README "Paper trading"): the user's accounts (one opened on first use), the
// current account with its positions, orders and trades, placing and cancelling orders, and live
// updates over the WebSocket `orders` channel (`order_update` and `trade` messages). Cash, equity
// and P&L are always the server's: after a trade, or when a held symbol's quote moves, the
// account and its positions are read again (at most once a second), never recomputed here.
import type { Schemas, WsServerMessage } from "@mystocks/client";
import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { upsertOrder, upsertTrade } from "../components/trading/orderBook";
import { RefusedError, refusalOf } from "../components/trading/format";
import { useAuthStore } from "./auth";
import { useMarketStore } from "./market";

type Account = Schemas["Account"];
type Order = Schemas["Order"];
type PaperTrade = Schemas["PaperTrade"];
type Position = Schemas["Position"];
export type OrderInput = Schemas["OrderInput"];

export const DEFAULT_ACCOUNT = { name: "模拟账户", initial_cash: 1_000_000 } as const;
const REFRESH_MS = 1000;

export const useTradingStore = defineStore("trading", () => {
  const auth = useAuthStore();
  const market = useMarketStore();
  const accounts = ref<Account[]>([]);
  const currentId = ref<number | null>(null);
  const account = computed(() => accounts.value.find((a) => a.id === currentId.value) ?? null);
  const positions = ref<Position[]>([]);
  const orders = ref<Order[]>([]);
  const trades = ref<PaperTrade[]>([]);
  const lastUpdate = ref<Date | null>(null);
  let stopLive: (() => void)[] = [];
  let quoteSubscription: { symbols: string; stop: () => void } | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  /** The user's accounts, newest first (without opening one). */
  async function fetchAccounts(): Promise<Account[]> {
    const { data, error, response } = await auth.api().GET("/api/v1/accounts", { params: { query: { limit: 200 } } });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    accounts.value = data.items;
    return data.items;
  }

  /** The accounts, opening a first one if there is none, and the current one's books. */
  async function loadAccounts(): Promise<void> {
    await fetchAccounts();
    if (accounts.value.length === 0) await createAccount(DEFAULT_ACCOUNT.name, DEFAULT_ACCOUNT.initial_cash);
    else await select(accounts.value.some((a) => a.id === currentId.value) ? currentId.value : accounts.value[0]!.id);
  }

  async function createAccount(name: string, initialCash: number): Promise<Account> {
    const { data, error, response } = await auth.api().POST("/api/v1/accounts", {
      body: { name, initial_cash: initialCash },
    });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    accounts.value = [data, ...accounts.value];
    await select(data.id);
    return data;
  }

  async function select(id: number | null): Promise<void> {
    currentId.value = id;
    positions.value = [];
    orders.value = [];
    trades.value = [];
    if (id === null) return;
    await Promise.all([refreshAccount(), loadOrders(), loadTrades()]);
  }

  function replaceAccount(updated: Account): void {
    accounts.value = accounts.value.map((a) => (a.id === updated.id ? updated : a));
  }

  /** The account and its positions as the server values them now. */
  async function refreshAccount(): Promise<void> {
    const id = currentId.value;
    if (id === null) return;
    const path = { account_id: id };
    const [acc, pos] = await Promise.all([
      auth.api().GET("/api/v1/accounts/{account_id}", { params: { path } }),
      auth.api().GET("/api/v1/accounts/{account_id}/positions", { params: { path } }),
    ]);
    if (id !== currentId.value) return; // another account was chosen meanwhile
    if (acc.data) replaceAccount(acc.data);
    if (pos.data) positions.value = pos.data.items;
    lastUpdate.value = new Date();
    followHeldQuotes();
  }

  /** Read the account again soon (coalescing bursts of trades and quotes). */
  function refreshSoon(): void {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void refreshAccount();
    }, REFRESH_MS);
  }

  async function loadOrders(): Promise<void> {
    const id = currentId.value;
    if (id === null) return;
    const { data } = await auth.api().GET("/api/v1/orders", { params: { query: { account_id: id, limit: 100 } } });
    if (data && id === currentId.value) orders.value = data.items.reduce(upsertOrder, orders.value);
  }

  async function loadTrades(): Promise<void> {
    const id = currentId.value;
    if (id === null) return;
    const { data } = await auth.api().GET("/api/v1/accounts/{account_id}/trades", {
      params: { path: { account_id: id }, query: { limit: 100 } },
    });
    if (data && id === currentId.value) trades.value = data.items.reduce((list, t) => upsertTrade(list, t), trades.value);
  }

  /** Place an order (a fresh Idempotency-Key each call); a refusal throws `RefusedError`. */
  async function placeOrder(input: Omit<OrderInput, "account_id">, key = crypto.randomUUID()): Promise<Order> {
    const id = currentId.value;
    if (id === null) throw new Error("no account");
    const { data, error, response } = await auth.api().POST("/api/v1/orders", {
      params: { header: { "Idempotency-Key": key } },
      body: { ...input, account_id: id },
    });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    orders.value = upsertOrder(orders.value, data);
    refreshSoon(); // frozen cash
    return data;
  }

  async function cancelOrder(orderId: number): Promise<Order> {
    const { data, error, response } = await auth.api().POST("/api/v1/orders/{order_id}/cancel", {
      params: { path: { order_id: orderId } },
    });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    orders.value = upsertOrder(orders.value, data);
    refreshSoon();
    return data;
  }

  function onMessage(message: WsServerMessage): void {
    if (message.type === "ack" && message.data.op === "auth") {
      // (Re)connected: catch up on what happened while the socket was down.
      void Promise.all([loadOrders(), loadTrades(), refreshAccount()]);
    } else if (message.type === "order_update") {
      if (message.data.account_id !== currentId.value) return;
      orders.value = upsertOrder(orders.value, message.data);
      lastUpdate.value = new Date();
      refreshSoon();
    } else if (message.type === "trade") {
      if (message.data.account_id !== currentId.value) return;
      trades.value = upsertTrade(trades.value, message.data);
      lastUpdate.value = new Date();
      refreshSoon();
    } else if (message.type === "quotes" && quoteSubscription) {
      const held = new Set(positions.value.map((p) => p.symbol));
      if (message.data.items.some((q) => held.has(q.symbol))) refreshSoon();
    }
  }

  /** Follow the quotes of the held symbols, so market value and P&L move with the market. */
  function followHeldQuotes(): void {
    if (stopLive.length === 0) return; // not live
    const symbols = positions.value.map((p) => p.symbol).sort();
    const key = symbols.join(",");
    if (quoteSubscription?.symbols === key) return;
    quoteSubscription?.stop();
    quoteSubscription = symbols.length
      ? { symbols: key, stop: market.subscribe(...symbols.map((s) => `quotes:${s}`)) }
      : null;
  }

  /** Start the live updates (the page calls this on mount and the returned stop on unmount). */
  function startLive(): () => void {
    if (stopLive.length === 0) {
      stopLive = [market.subscribe("orders"), market.onServerMessage(onMessage)];
      followHeldQuotes();
    }
    return stop;
  }

  function stop(): void {
    stopLive.forEach((s) => s());
    stopLive = [];
    quoteSubscription?.stop();
    quoteSubscription = null;
    if (refreshTimer !== null) clearTimeout(refreshTimer);
    refreshTimer = null;
  }

  return {
    accounts,
    currentId,
    account,
    positions,
    orders,
    trades,
    lastUpdate,
    fetchAccounts,
    loadAccounts,
    createAccount,
    select,
    refreshAccount,
    loadOrders,
    loadTrades,
    placeOrder,
    cancelOrder,
    startLive,
    stop,
  };
});
