// Screening (README "Screening"): the built-in screens, your saved screens (locked by version:
// If-Match on delete) and the current run, paged by `next_cursor`. A refused request keeps the
// API's problem (its `detail` and field `errors[]`) for the page to show beside the builder.
import type { Problem, Schemas, Watchlist } from "@mystocks/client";
import { defineStore } from "pinia";
import { computed, ref, shallowRef } from "vue";
import type { Condition } from "../screener/conditions";
import { appendPage, type RunRequest, type ScreenResult } from "../screener/results";
import { useAuthStore } from "./auth";

export type BuiltinScreen = Schemas["BuiltinScreen"];
export type Screen = Schemas["Screen"];

/** Matches asked for per page (the API allows 500). */
export const RUN_PAGE = 100;

/** Something the API refused, or a network failure as a problem without status. */
function problemOf(error: Problem | undefined, fallback: string): Problem {
  return error ?? { type: "about:blank", title: fallback, status: 0 };
}

export const useScreensStore = defineStore("screens", () => {
  const auth = useAuthStore();
  const builtins = ref<BuiltinScreen[]>([]);
  const saved = ref<Screen[]>([]);
  const watchlists = ref<Watchlist[]>([]);
  const result = shallowRef<ScreenResult | null>(null);
  const request = shallowRef<RunRequest | null>(null);
  /** What is running: a built-in id, `saved:{id}`, `adhoc`; null when idle. */
  const running = ref<string | null>(null);
  const loadingMore = ref(false);
  const problem = shallowRef<Problem | null>(null);
  const fieldErrors = computed(() => problem.value?.errors ?? []);

  async function loadBuiltins(): Promise<void> {
    const { data, error } = await auth.api().GET("/api/v1/screens/builtin");
    if (error) throw new Error(error.detail ?? error.title);
    builtins.value = data?.items ?? [];
  }

  async function loadSaved(): Promise<void> {
    const items: Screen[] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await auth.api().GET("/api/v1/screens", {
        params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      });
      if (error) throw new Error(error.detail ?? error.title);
      items.push(...(data?.items ?? []));
      cursor = data?.next_cursor ?? undefined;
    } while (cursor);
    saved.value = items;
  }

  /** Your watchlists, for the universe's `watchlist_id`. */
  async function loadWatchlists(): Promise<void> {
    const { data } = await auth.api().GET("/api/v1/watchlists");
    watchlists.value = data?.items ?? [];
  }

  async function page(body: RunRequest, cursor?: string): Promise<ScreenResult | null> {
    const { data, error } = await auth.api().POST("/api/v1/screens/run", {
      params: { query: { limit: RUN_PAGE, ...(cursor ? { cursor } : {}) } },
      body,
    });
    if (data) return data;
    problem.value = problemOf(error, "screen failed");
    return null;
  }

  /** Run a screen from its first page; `what` names it for the busy indicator. */
  async function run(body: RunRequest, what: string): Promise<boolean> {
    running.value = what;
    problem.value = null;
    try {
      const first = await page(body);
      request.value = body;
      result.value = first;
      return first !== null;
    } catch (e) {
      problem.value = problemOf(undefined, (e as Error).message);
      return false;
    } finally {
      running.value = null;
    }
  }

  /** The next page of the current run, added to the matches shown. */
  async function loadMore(): Promise<void> {
    const cursor = result.value?.next_cursor;
    if (!cursor || !request.value || loadingMore.value) return;
    loadingMore.value = true;
    try {
      const next = await page(request.value, cursor);
      if (next) result.value = appendPage(result.value, next);
    } finally {
      loadingMore.value = false;
    }
  }

  /** Save a condition under a name; the API's problem is kept when it refuses. */
  async function save(name: string, description: string, condition: Condition): Promise<Screen | null> {
    problem.value = null;
    const { data, error } = await auth.api().POST("/api/v1/screens", {
      body: { name, condition, ...(description ? { description } : {}) },
    });
    if (!data) {
      problem.value = problemOf(error, "save failed");
      return null;
    }
    saved.value = [...saved.value, data];
    return data;
  }

  async function remove(screen: Screen): Promise<void> {
    const { error } = await auth.api().DELETE("/api/v1/screens/{screen_id}", {
      params: { path: { screen_id: screen.id }, header: { "If-Match": `"${screen.version}"` } },
    });
    if (error) throw new Error(error.detail ?? error.title);
    saved.value = saved.value.filter((s) => s.id !== screen.id);
  }

  function clearProblem(): void {
    problem.value = null;
  }

  return {
    builtins,
    saved,
    watchlists,
    result,
    request,
    running,
    loadingMore,
    problem,
    fieldErrors,
    loadBuiltins,
    loadSaved,
    loadWatchlists,
    run,
    loadMore,
    save,
    remove,
    clearProblem,
  };
});
