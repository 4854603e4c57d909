// Browser tests in Debian's Chromium (`make chromium` installs it; nothing is downloaded at
// test time) against the real server on a fresh data directory with the sample data, the
// simulated feed on the around-the-clock clock and the built app (`npm run build` first).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.MYSTOCKS_E2E_PORT ?? 18731);
// Workers load this file again: they inherit the folder the main process made.
process.env.MYSTOCKS_E2E_DATA ??= mkdtempSync(join(tmpdir(), "mystocks-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/artifacts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.MYSTOCKS_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "../../.venv/bin/mystocks serve",
    url: `http://127.0.0.1:${PORT}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      MYSTOCKS_PORT: String(PORT),
      MYSTOCKS_DATA_DIR: process.env.MYSTOCKS_E2E_DATA,
      MYSTOCKS_WEB_DIR: resolve("dist"),
      MYSTOCKS_SAMPLE_TICK_DAYS: "5",
      MYSTOCKS_FEED: "simulated",
      MYSTOCKS_FEED_CLOCK: "demo",
      MYSTOCKS_PAPER_SESSION: "always",
      MYSTOCKS_LOG_LEVEL: "warning",
    },
  },
});
