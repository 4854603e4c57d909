// One server-sent event stream of the API, read with the session's bearer token (`readEvents`,
// which reconnects with Last-Event-ID after a drop): started once, stopped once, and `live`
// while the server has it open. The alerts, dashboard and job-progress stores each hold these.
import { readEvents, type SsePath, type StreamOptions } from "@mystocks/client";
import { ref, type Ref } from "vue";
import { API_BASE, useAuthStore } from "./auth";

/** What to read: the stream, its query, and what to do with each event and each (re)opening. */
export type StreamSpec<P extends SsePath> = Pick<StreamOptions<P>, "path" | "query" | "onEvent" | "onOpen">;

export interface LiveStream {
  readonly live: Ref<boolean>;
  /** Open the stream, unless it is open already. */
  start(): void;
  stop(): void;
}

/** `ended` is called when the server refuses the stream for good (signed out, job gone). */
export function liveStream<P extends SsePath>(
  options: StreamSpec<P>,
  ended?: () => void,
): LiveStream {
  const auth = useAuthStore();
  const live = ref(false);
  let abort: AbortController | null = null;

  function start(): void {
    if (abort) return;
    const controller = new AbortController();
    abort = controller;
    readEvents({
      ...options,
      baseUrl: API_BASE,
      token: () => auth.accessToken(),
      signal: controller.signal,
      onOpen: () => {
        live.value = true;
        options.onOpen?.();
      },
      onError: () => (live.value = false),
    })
      .catch(() => ended?.())
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

  return { live, start, stop };
}
