// The user's watchlists: a default one is created on first use; items are added and removed
// with the list's version as If-Match, and its quotes come live over `quotes:watchlist:{id}`.
import type { Watchlist, WatchlistQuotes } from "@mystocks/client";
import { defineStore } from "pinia";
import { computed, ref } from "vue";
import { useAuthStore } from "./auth";
import { useMarketStore } from "./market";

export const DEFAULT_WATCHLIST = "自选股";

export const useWatchlistStore = defineStore("watchlists", () => {
  const auth = useAuthStore();
  const market = useMarketStore();
  const lists = ref<Watchlist[]>([]);
  const currentId = ref<number | null>(null);
  const current = computed(() => lists.value.find((w) => w.id === currentId.value) ?? null);
  const items = ref<WatchlistQuotes["items"]>([]);
  let unsubscribe: (() => void) | null = null;

  async function load(): Promise<void> {
    const { data } = await auth.api().GET("/api/v1/watchlists");
    lists.value = data?.items ?? [];
    if (lists.value.length === 0) {
      const created = await auth.api().POST("/api/v1/watchlists", { body: { name: DEFAULT_WATCHLIST } });
      if (created.data) lists.value = [created.data];
    }
    await select(currentId.value ?? lists.value[0]?.id ?? null);
  }

  async function select(id: number | null): Promise<void> {
    currentId.value = id;
    await refreshQuotes();
  }

  async function refreshQuotes(): Promise<void> {
    unsubscribe?.();
    unsubscribe = null;
    const id = currentId.value;
    if (id === null) return;
    const { data } = await auth.api().GET("/api/v1/watchlists/{watchlist_id}/quotes", {
      params: { path: { watchlist_id: id } },
    });
    items.value = data?.items ?? [];
    for (const item of items.value) if (item.quote) market.quotes.set(item.symbol, item.quote);
    // The channel holds the list as it stands when subscribed: subscribe again after a change.
    if (items.value.length) unsubscribe = market.subscribe(`quotes:watchlist:${id}`);
  }

  function replace(list: Watchlist): void {
    lists.value = lists.value.map((w) => (w.id === list.id ? list : w));
  }

  async function add(symbol: string): Promise<void> {
    const list = current.value;
    if (!list || list.items.some((i) => i.symbol === symbol)) return;
    const { data, error } = await auth.api().PUT("/api/v1/watchlists/{watchlist_id}/items/{symbol}", {
      params: { path: { watchlist_id: list.id, symbol }, header: { "If-Match": `"${list.version}"` } },
      body: {},
    });
    if (error) throw new Error(error.detail ?? error.title);
    if (data) replace(data);
    await refreshQuotes();
  }

  async function remove(symbol: string): Promise<void> {
    const list = current.value;
    if (!list) return;
    const { data, error } = await auth.api().DELETE("/api/v1/watchlists/{watchlist_id}/items/{symbol}", {
      params: { path: { watchlist_id: list.id, symbol }, header: { "If-Match": `"${list.version}"` } },
    });
    if (error) throw new Error(error.detail ?? error.title);
    if (data) replace(data);
    await refreshQuotes();
  }

  return { lists, currentId, current, items, load, select, add, remove, refreshQuotes };
});
