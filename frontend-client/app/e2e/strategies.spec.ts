// Strategies and backtests in a real browser against a real server (issue 11): a strategy made
// from the form built from its type's schema, an edit that meets a newer version (412), live
// signals on and off, a backtest followed live to its results, and a parameter search.
import { expect, test, type Page } from "@playwright/test";
import { SHOTS, signIn } from "./helpers";

/** The signed-in page's bearer token, to change things behind the UI's back. */
async function bearer(page: Page): Promise<Record<string, string>> {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("mystocks.session") ?? "{}").accessToken as string);
  return { Authorization: `Bearer ${token}` };
}

async function pickSymbol(page: Page, scope: string, query: string, name: string): Promise<void> {
  await page.getByTestId(scope).getByTestId("symbol-picker").locator("input").fill(query);
  await page.locator(".symbol-suggestions li", { hasText: name }).first().click();
}

test("creates a strategy from the type's form, then meets a newer version: reload, then overwrite", async ({ page }) => {
  await signIn(page);
  await page.locator("[data-nav=strategies]").click();
  await expect(page).toHaveURL(/\/strategies$/);
  const form = page.getByTestId("strategy-form");
  // The inputs come from GET /api/v1/strategy-types: sma_cross has fast and slow, at their defaults.
  await expect(form.locator("[data-param=fast] input")).toHaveValue("5");
  await expect(form.locator("[data-param=slow] input")).toHaveValue("20");

  const name = `双均线 ${Date.now()}`;
  await form.locator("input[name=name]").fill(name);
  await form.locator("[data-param=fast] input").fill("10");
  await form.locator("[data-param=fast] input").blur();
  await pickSymbol(page, "strategy-form", "zsyh", "招商银行");
  await expect(form.getByTestId("symbol-picker").locator('[data-symbol="600036.SH"]')).toBeVisible();
  await page.getByTestId("strategy-save").click();
  await expect(page.getByTestId("strategy-table").locator(`[data-strategy="${name}"]`)).toBeVisible();
  await expect(page.getByTestId("form-version")).toContainText("1");

  const headers = await bearer(page);
  const list = await (await page.request.get("/api/v1/strategies", { headers })).json();
  const created = list.items.find((s: { name: string }) => s.name === name);
  expect(created).toMatchObject({ type: "sma_cross", parameters: { fast: 10, slow: 20 }, symbols: ["600036.SH"], version: 1 });
  const url = `/api/v1/strategies/${created.id}`;

  // Someone else changes it: the UI's save of version 1 is refused (412) and the user chooses.
  let changed = await page.request.patch(url, { headers: { ...headers, "If-Match": '"1"' }, data: { parameters: { slow: 40 } } });
  expect(changed.status()).toBe(200);
  await form.locator("input[name=name]").fill(`${name} v2`);
  await page.getByTestId("strategy-save").click();
  const dialog = page.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("version 2");
  await page.screenshot({ path: `${SHOTS}/strategies-conflict.png` });
  await page.getByTestId("conflict-reload").click();
  await expect(dialog).toBeHidden();
  // Reloaded: the server's version, the edit dropped.
  await expect(page.getByTestId("form-version")).toContainText("2");
  await expect(form.locator("[data-param=slow] input")).toHaveValue("40");
  await expect(form.locator("input[name=name]")).toHaveValue(name);

  // Again, and this time the user's edit wins.
  changed = await page.request.patch(url, { headers: { ...headers, "If-Match": '"2"' }, data: { parameters: { slow: 60 } } });
  expect(changed.status()).toBe(200);
  await form.locator("input[name=name]").fill(`${name} v3`);
  await page.getByTestId("strategy-save").click();
  await expect(dialog).toBeVisible();
  await page.getByTestId("conflict-overwrite").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("form-version")).toContainText("4");
  const now = await (await page.request.get(url, { headers })).json();
  expect(now).toMatchObject({ name: `${name} v3`, version: 4, parameters: { fast: 10, slow: 40 } });

  // Live signals on, with the version in If-Match, then off.
  await page.locator(`[data-toggle="${created.id}"]`).click();
  const row = page.getByTestId("strategy-table").locator("tr", { hasText: `${name} v3` });
  await expect(row.locator("[data-live=running]")).toBeVisible();
  await expect(page.getByTestId("signals")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/strategies.png`, fullPage: true });
  await page.locator(`[data-toggle="${created.id}"]`).click();
  await expect(row.locator("[data-live=stopped]")).toBeVisible();
  expect((await (await page.request.get(url, { headers })).json()).live).toBe("stopped");

  // Every word of the page switches to English.
  await page.getByTestId("language").click();
  await page.locator(".el-select-dropdown__item", { hasText: "English" }).click();
  await expect(page.locator(".strategies h3")).toHaveText("My strategies");
  await page.screenshot({ path: `${SHOTS}/strategies-en.png`, fullPage: true });

  // Deleted with its current version.
  await page.getByTestId("strategy-delete").click();
  await page.locator(".el-popconfirm .el-button--primary").click();
  await expect(row).toHaveCount(0);
  expect((await page.request.get(url, { headers })).status()).toBe(404);
});

test("runs a backtest: live progress to 100%, then metrics, equity curve and trades", async ({ page }) => {
  await signIn(page);
  const headers = await bearer(page);
  const response = await page.request.post("/api/v1/strategies", {
    headers,
    data: { name: `回测用 ${Date.now()}`, type: "sma_cross", parameters: { fast: 5, slow: 20 }, symbols: ["600036.SH"] },
  });
  expect(response.status()).toBe(201);
  const strategy = await response.json();

  await page.goto(`/backtests?strategy=${strategy.id}`);
  await expect(page.getByTestId("backtest-strategy")).toContainText(`#${strategy.id}`);
  await page.getByTestId("backtest-submit").click();
  const progress = page.getByTestId("job-progress");
  await expect(progress).toHaveAttribute("data-percent", "100");
  await expect(progress).toHaveAttribute("data-status", "succeeded");
  await expect(page).toHaveURL(/[?&]id=\d+/);

  const metrics = page.getByTestId("metrics");
  await expect(metrics).toBeVisible();
  const jobId = Number(new URL(page.url()).searchParams.get("id"));
  const job = await (await page.request.get(`/api/v1/backtests/${jobId}`, { headers })).json();
  // The numbers shown are the API's.
  await expect(metrics.locator("[data-metric=trades]")).toHaveText(String(job.metrics.trades));
  await expect(metrics.locator("[data-metric=total_return]")).toHaveText(`${(job.metrics.total_return * 100).toFixed(2)}%`);
  const curve = await (await page.request.get(`/api/v1/backtests/${jobId}/equity`, { headers })).json();
  await expect(page.getByTestId("equity-chart")).toHaveAttribute("data-points", String(curve.items.length));
  expect(curve.items.length).toBeGreaterThan(200);
  await expect(page.getByTestId("equity-chart").locator("polyline")).toHaveCount(1);
  await page.getByTestId("equity-chart").locator("svg").hover();
  await expect(page.getByTestId("equity-hover")).toContainText("2016-");
  await expect(page.getByTestId("trades").locator(".el-table__body tr")).toHaveCount(job.metrics.trades);
  await expect(page.getByTestId("backtest-list").locator(".el-table__body tr").first()).toContainText(String(jobId));
  await page.screenshot({ path: `${SHOTS}/backtests.png`, fullPage: true });
});

test("refuses a bad backtest with the server's problem detail", async ({ page }) => {
  await signIn(page);
  await page.goto("/backtests");
  await page.locator("[data-source=inline]").click();
  await pickSymbol(page, "backtest-form", "600036", "招商银行");
  // The end before the start: the API answers 422 and the form shows why.
  const end = page.getByTestId("backtest-form").getByRole("combobox", { name: "结束日期" });
  await end.fill("2015-01-01");
  await end.press("Enter");
  await expect(end).toHaveValue("2015-01-01");
  await page.getByTestId("backtest-submit").click();
  // The problem's detail and its field errors, as the API worded them.
  await expect(page.getByTestId("backtest-error")).toContainText("end (2015-01-01) is before start (2016-01-01)");
  await expect(page.getByTestId("backtest-error")).toContainText("end: is before start");
});

test("runs a grid parameter search and ranks its trials", async ({ page }) => {
  await signIn(page);
  await page.goto("/backtests");
  await page.getByTestId("backtest-tabs").getByRole("tab", { name: "参数寻优" }).click();
  const form = page.getByTestId("training-form");
  await form.locator("input[data-grid=fast]").fill("5, 10");
  await form.locator("input[data-grid=slow]").fill("20 30");
  await expect(form.getByTestId("grid-size")).toHaveText("4");
  await page.getByTestId("training-submit").click();
  const detail = page.getByTestId("training-detail");
  await expect(detail.getByTestId("job-progress")).toHaveAttribute("data-percent", "100");
  await expect(detail.getByTestId("trials").locator(".el-table__body tr")).toHaveCount(4);
  await expect(detail.getByTestId("best-parameters")).toContainText("fast=");
  await page.screenshot({ path: `${SHOTS}/backtests-training.png`, fullPage: true });
});
