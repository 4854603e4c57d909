// Risk alerts (README "Risk alerts"): the user's rules (list, add, delete), recent alerts with
// acknowledge, and the live stream `GET /api/v1/sse/alerts` read with the bearer token
// (`readEvents`): started once signed in (by the layout), stopped on sign-out. Each live alert
// is added to the list and handed to the listeners (the layout shows a toast).
import type { RiskAlertEvent, Schemas } from "@mystocks/client";
import { defineStore } from "pinia";
import { ref } from "vue";
import { RefusedError, refusalOf } from "../components/trading/format";
import { useAuthStore } from "./auth";
import { liveStream } from "./stream";

type Alert = Schemas["Alert"];
type AlertRule = Schemas["AlertRule"];
export type AlertRuleCreate = Schemas["AlertRuleCreate"];

/** Newest first, one copy per id (the stream and a reload may both bring an alert). */
export function mergeAlert(alerts: readonly Alert[], alert: Alert, limit = 100): Alert[] {
  return [alert, ...alerts.filter((a) => a.id !== alert.id)].sort((a, b) => b.id - a.id).slice(0, limit);
}

export const useAlertsStore = defineStore("alerts", () => {
  const auth = useAuthStore();
  const rules = ref<AlertRule[]>([]);
  const alerts = ref<Alert[]>([]);
  const listeners = new Set<(alert: Alert) => void>();

  async function loadRules(): Promise<void> {
    const { data, error, response } = await auth.api().GET("/api/v1/alert-rules");
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    rules.value = data.items;
  }

  async function loadAlerts(onlyOpen = false): Promise<void> {
    const query = onlyOpen ? { acknowledged: false, limit: 100 } : { limit: 100 };
    const { data, error, response } = await auth.api().GET("/api/v1/alerts", { params: { query } });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    alerts.value = data.items;
  }

  /** Add a rule; a refusal (400 with field `errors`, 404 for someone else's account) throws `RefusedError`. */
  async function createRule(body: AlertRuleCreate): Promise<AlertRule> {
    const { data, error, response } = await auth.api().POST("/api/v1/alert-rules", { body });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    rules.value = [...rules.value, data];
    return data;
  }

  async function deleteRule(id: number): Promise<void> {
    const { error, response } = await auth.api().DELETE("/api/v1/alert-rules/{rule_id}", {
      params: { path: { rule_id: id } },
    });
    if (error && response.status !== 404) throw new RefusedError(refusalOf(error, response.status));
    rules.value = rules.value.filter((r) => r.id !== id);
  }

  async function acknowledge(id: number): Promise<void> {
    const { data, error, response } = await auth.api().POST("/api/v1/alerts/{alert_id}/ack", {
      params: { path: { alert_id: id } },
    });
    if (!data) throw new RefusedError(refusalOf(error, response.status));
    alerts.value = alerts.value.map((a) => (a.id === id ? data : a));
  }

  function onAlert(listener: (alert: Alert) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function received(event: RiskAlertEvent): void {
    alerts.value = mergeAlert(alerts.value, event.data);
    const rule = rules.value.find((r) => r.id === event.data.rule_id);
    if (rule) rules.value = rules.value.map((r) => (r === rule ? { ...r, armed: false, last_fired_at: event.data.fired_at } : r));
    listeners.forEach((listen) => listen(event.data));
  }

  /** The live stream (from now on; it resumes with Last-Event-ID after a drop). */
  const stream = liveStream({ path: "/api/v1/sse/alerts", onEvent: received });

  return {
    rules,
    alerts,
    streaming: stream.live,
    loadRules,
    loadAlerts,
    createRule,
    deleteRule,
    acknowledge,
    onAlert,
    start: stream.start,
    stop: stream.stop,
  };
});
