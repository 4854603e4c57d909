// The dashboard (README "Dashboard"): the snapshot of `GET /api/v1/dashboard` first, then the
// live stream `GET /api/v1/sse/dashboard` (a `dashboard_update` whenever it changes, at most once
// a second), read with the bearer token while the page is open.
import { readEvents, type Dashboard } from "@mystocks/client";
import { defineStore } from "pinia";
import { ref, shallowRef } from "vue";
import { RefusedError, refusalOf } from "../components/trading/format";
import { API_BASE, useAuthStore } from "./auth";

export const useDashboardStore = defineStore("dashboard", () => {
  const auth = useAuthStore();
  const snapshot = shallowRef<Dashboard | null>(null);
  const updatedAt = ref<Date | null>(null);
  const updates = ref(0); // events received since the page opened
  const live = ref(false);
  let abort: AbortController | null = null;

  async function load(): Promise<void> {
    const { data, error, response } = await auth.api().GET("/api/v1/dashboard");
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    snapshot.value = data;
    updatedAt.value = new Date();
  }

  function start(): void {
    if (abort) return;
    const controller = new AbortController();
    abort = controller;
    readEvents({
      baseUrl: API_BASE,
      path: "/api/v1/sse/dashboard",
      token: () => auth.accessToken(),
      signal: controller.signal,
      onOpen: () => (live.value = true),
      onError: () => (live.value = false),
      onEvent: (event) => {
        snapshot.value = event.data;
        updatedAt.value = new Date(event.occurred_at);
        updates.value += 1;
      },
    })
      .catch(() => undefined)
      .finally(() => {
        live.value = false;
        if (abort === controller) abort = null;
      });
  }

  function stop(): void {
    abort?.abort();
    abort = null;
    live.value = false;
  }

  return { snapshot, updatedAt, updates, live, load, start, stop };
});
