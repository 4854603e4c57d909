// Trading, alerts and the dashboard in a real browser against the real server: the simulated
// feed on the demo clock and the paper session always open (playwright.config.ts).
import { expect, test, type Page } from "@playwright/test";
import { SHOTS, signIn } from "./helpers";

/** Pick 招商银行 by its pinyin initials in the order ticket. */
async function ticketZsyh(page: Page): Promise<void> {
  const ticket = page.getByTestId("order-ticket");
  await ticket.getByTestId("symbol-search").locator("input").fill("zsyh");
  const suggestion = page.locator(".symbol-suggestions li", { hasText: "招商银行" }).first();
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(ticket.getByTestId("ticket-symbol")).toContainText("600036.SH");
  await expect(ticket.getByTestId("ticket-last")).toBeVisible();
}

async function setNumber(page: Page, testid: string, value: string): Promise<void> {
  const input = page.getByTestId(testid).locator("input");
  await input.fill(value);
  await input.press("Tab");
}

async function buyAtMarket(page: Page, quantity: string): Promise<void> {
  await ticketZsyh(page);
  await page.getByTestId("ticket-side").locator("[data-side=buy]").click();
  await page.getByTestId("ticket-type").locator("[data-type=market]").click();
  await setNumber(page, "ticket-quantity", quantity);
  await page.getByTestId("ticket-send").click();
}

test("places a market order that fills on the live feed", async ({ page }) => {
  await signIn(page);
  await page.locator("[data-nav=trading]").click();
  await expect(page).toHaveURL(/\/trading$/);
  // A first account is opened with 1,000,000 of cash.
  await expect(page.getByTestId("equity")).toContainText("1,000,000.00");
  await buyAtMarket(page, "200");
  await expect(page.getByTestId("refusal")).toHaveCount(0);
  // The order arrives, then fills on a tick: its status changes live over the WebSocket.
  const order = page.getByTestId("orders").locator("tbody tr").first();
  await expect(order).toContainText("600036.SH");
  await expect(order.locator("[data-status]")).toHaveAttribute("data-status", "filled");
  const position = page.getByTestId("positions").locator("tbody tr", { hasText: "600036.SH" });
  await expect(position).toBeVisible();
  await expect(position).toContainText("200");
  await expect(page.getByTestId("market-value")).not.toHaveText("0.00");
  // T+1: bought today, so none of it can be sold today.
  await page.getByTestId("ticket-side").locator("[data-side=sell]").click();
  await expect(page.getByTestId("ticket-rules").locator("[data-rule=t_plus_one]")).toHaveAttribute("data-state", "fail");
  await page.getByTestId("ticket-side").locator("[data-side=buy]").click();
  await page.screenshot({ path: `${SHOTS}/trading.png`, fullPage: true });
});

test("explains the A-share rules and the server's refusal of an odd lot", async ({ page }) => {
  await signIn(page);
  await page.goto("/trading");
  await ticketZsyh(page);
  const rules = page.getByTestId("ticket-rules");
  // The day's band from the live quote, the tick and the lot are explained before sending.
  await expect(rules.locator("[data-rule=price_limit]")).toContainText("±10%");
  await expect(rules.locator("[data-rule=price_tick]")).toContainText("0.01");
  await page.getByTestId("ticket-type").locator("[data-type=limit]").click();
  await setNumber(page, "ticket-quantity", "150");
  await expect(rules.locator("[data-rule=board_lot]")).toHaveAttribute("data-state", "fail");
  await page.getByTestId("ticket-send").click();
  const refusal = page.getByTestId("refusal");
  await expect(refusal).toHaveAttribute("data-code", "board_lot");
  await expect(refusal).toContainText("不符合整手规则");
  await expect(page.getByTestId("refusal-detail")).toContainText("board lots of 100");
  await page.screenshot({ path: `${SHOTS}/trading-refused.png`, fullPage: true });

  // A limit price outside the day's band: refused with the band named.
  await setNumber(page, "ticket-quantity", "100");
  await setNumber(page, "ticket-price", "999");
  await expect(rules.locator("[data-rule=price_limit]")).toHaveAttribute("data-state", "fail");
  await page.getByTestId("ticket-send").click();
  await expect(refusal).toHaveAttribute("data-code", "price_limit");
});

test("an alert rule fires and its toast appears live", async ({ page }) => {
  await signIn(page);
  // A fresh account, so a position-share rule is first evaluated with nothing held (armed).
  await page.goto("/trading");
  await expect(page.getByTestId("equity")).toBeVisible();
  await page.getByTestId("new-account").click();
  await page.getByTestId("account-name").fill("预警测试");
  await page.getByTestId("create-account").click();
  await expect(page.getByTestId("account-select")).toContainText("预警测试");

  await page.locator("[data-nav=alerts]").click();
  await page.getByTestId("rule-kind").click();
  await page.locator(".el-select-dropdown__item", { hasText: "单一持仓占比" }).click();
  await page.getByTestId("rule-account").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "预警测试" }).click();
  await setNumber(page, "rule-threshold", "0.1");
  await page.getByTestId("rule-create").click();
  const rule = page.getByTestId("rules").locator("tbody tr").last();
  await expect(rule).toContainText("单一持仓占比");
  // Wait until the server has evaluated it once (nothing held: armed).
  await expect(async () => {
    await page.getByTestId("rules").locator("xpath=ancestor::div[contains(@class,'el-card')]").locator(".el-card__header button").click();
    await expect(rule.locator("[data-armed]")).toHaveAttribute("data-armed", "true", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/alerts.png`, fullPage: true });

  // Buy into the fresh account: the fill makes the position more than 0.1% of the equity.
  await page.locator("[data-nav=trading]").click();
  await expect(page.getByTestId("account-select")).toContainText("预警测试");
  await buyAtMarket(page, "100");
  const toast = page.locator(".alert-toast");
  await expect(toast).toBeVisible({ timeout: 20_000 });
  await expect(toast).toContainText("单一持仓占比");
  await page.screenshot({ path: `${SHOTS}/alert-toast.png` });

  // The alert is listed; acknowledge it, then delete the rule.
  await page.locator("[data-nav=alerts]").click();
  const alert = page.getByTestId("alerts").locator("tbody tr").first();
  await expect(alert).toContainText("单一持仓占比");
  await alert.getByTestId("ack").click();
  await expect(alert).toContainText("已确认");
  await rule.getByTestId("delete-rule").click();
  await page.locator(".el-popconfirm .el-button--primary").click();
  await expect(page.getByTestId("rules")).not.toContainText("单一持仓占比");
});

test("the dashboard shows breadth and movers and updates live", async ({ page }) => {
  await signIn(page);
  await page.locator("[data-nav=dashboard]").click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-live")).toHaveText("实时");
  await expect.poll(async () => Number(await page.getByTestId("stocks").textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId("turnover").locator("tbody tr").first()).toBeVisible();
  // The stream sends the snapshot at connect, then each change (the feed moves every second).
  await expect.poll(async () => Number(await page.getByTestId("dashboard").getAttribute("data-updates")), { timeout: 20_000 }).toBeGreaterThan(2);
  await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true });
});
