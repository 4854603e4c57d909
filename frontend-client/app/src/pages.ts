// Every page of the app, in nav order: the router and the nav are both built from this list.
// To add a page: write it under pages/ and add its entry here.
import type { Component } from "vue";
import type { MessageKey } from "./i18n";

export interface Page {
  path: string;
  name: string;
  title: MessageKey;
  component: () => Promise<Component | { default: Component }>;
}

export const PAGES: readonly Page[] = [
  { path: "/market/:symbol?", name: "market", title: "nav.market", component: () => import("./pages/MarketPage.vue") },
  { path: "/screener", name: "screener", title: "nav.screener", component: () => import("./pages/ScreenerPage.vue") },
  { path: "/strategies", name: "strategies", title: "nav.strategies", component: () => import("./pages/StrategiesPage.vue") },
  { path: "/backtests", name: "backtests", title: "nav.backtests", component: () => import("./pages/BacktestsPage.vue") },
  { path: "/trading", name: "trading", title: "nav.trading", component: () => import("./pages/TradingPage.vue") },
  { path: "/alerts", name: "alerts", title: "nav.alerts", component: () => import("./pages/AlertsPage.vue") },
  { path: "/dashboard", name: "dashboard", title: "nav.dashboard", component: () => import("./pages/DashboardPage.vue") },
];
