// The dashboard (README "Dashboard"): the snapshot of `GET /api/v1/dashboard` first, then the
// live stream `GET /api/v1/sse/dashboard` (a `dashboard_update` whenever it changes, at most once
// a second), read with the bearer token while the page is open.
import type { Dashboard } from "@mystocks/client";
import { defineStore } from "pinia";
import { ref, shallowRef } from "vue";
import { RefusedError, refusalOf } from "../components/trading/format";
import { useAuthStore } from "./auth";
import { liveStream } from "./stream";

export const useDashboardStore = defineStore("dashboard", () => {
  const auth = useAuthStore();
  const snapshot = shallowRef<Dashboard | null>(null);
  const updatedAt = ref<Date | null>(null);
  const updates = ref(0); // events received since the page opened

  async function load(): Promise<void> {
    const { data, error, response } = await auth.api().GET("/api/v1/dashboard");
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    snapshot.value = data;
    updatedAt.value = new Date();
  }

  const stream = liveStream({
    path: "/api/v1/sse/dashboard",
    onEvent: (event) => {
      snapshot.value = event.data;
      updatedAt.value = new Date(event.occurred_at);
      updates.value += 1;
    },
  });

  return { snapshot, updatedAt, updates, live: stream.live, load, start: stream.start, stop: stream.stop };
});
