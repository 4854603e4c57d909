// The app-wide toast of a live risk alert (Element Plus ElNotification, called from script, so
// its CSS is imported here: the on-demand resolver only sees components used in templates).
import type { Schemas } from "@mystocks/client";
import { ElNotification } from "element-plus";
import "element-plus/es/components/notification/style/css";
// ElMessage (the pages' success and error notes) is called from script too: its CSS as well.
import "element-plus/es/components/message/style/css";
import { t, type MessageKey } from "../../i18n";

const TYPES = { info: "info", warning: "warning", critical: "error" } as const;

export function showAlertToast(alert: Schemas["Alert"]): void {
  const kind = t(`alerts.kinds.${alert.kind}` as MessageKey);
  const severity = t(`alerts.severities.${alert.severity}` as MessageKey);
  ElNotification({
    title: `${t("alerts.toastTitle")} · ${severity}`,
    message: `${kind}：${alert.message}`,
    type: TYPES[alert.severity],
    customClass: "alert-toast",
    duration: alert.severity === "critical" ? 0 : 8000,
    position: "bottom-right",
  });
}
