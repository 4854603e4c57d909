// The Screener page (issue 11) in a real browser against the real server and its sample data,
// whose latest day with bars is 2017-07-26: 5 symbols have a bar that day; 均线多头排列 matches
// 招商银行 and 山西汾酒, close > MA(20) matches 3 (README "Screening").
import { expect, test, type Locator, type Page } from "@playwright/test";
import { barsDrawn, SHOTS, signIn } from "./helpers";

async function openScreener(page: Page): Promise<void> {
  await signIn(page);
  await page.locator("[data-nav=screener]").click();
  await expect(page).toHaveURL(/\/screener$/);
  await expect(page.getByTestId("builtin-screens").locator("li")).toHaveCount(4);
}

/** The text box of an Element Plus input inside `scope` (its test id lands on the box or a wrapper). */
function box(scope: Locator, id: string): Locator {
  return scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
}

/** Pick an option of the Element Plus select inside `scope`. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: option }).first().click();
}

test("runs a built-in screen and opens a match's chart", async ({ page }) => {
  await openScreener(page);
  const builtin = page.locator('[data-builtin="bullish_ma_alignment"]');
  await expect(builtin).toContainText("均线多头排列");
  await builtin.getByTestId("run-builtin").click();
  const results = page.getByTestId("screen-results");
  await expect(page.getByTestId("result-as-of")).toHaveText("2017-07-26");
  await expect(page.getByTestId("result-matched")).toHaveText("2");
  const row = results.locator(".el-table__body tr", { hasText: "600036.SH" });
  await expect(row).toContainText("招商银行");
  // The API's values per match: one column per label.
  for (const label of ["close", "MA(5)", "MA(10)", "MA(20)", "MA(60)"]) {
    await expect(results.locator(".el-table__header th", { hasText: label }).first()).toBeVisible();
  }
  await expect(row).toContainText("25.56");
  await page.screenshot({ path: `${SHOTS}/screener-builtin.png`, fullPage: true });

  await row.click();
  await expect(page).toHaveURL(/\/market\/600036\.SH$/);
  expect(await barsDrawn(page)).toBeGreaterThan(100);
  await page.screenshot({ path: `${SHOTS}/screener-open-chart.png` });
});

test("builds close > MA(20), shows a field error on its node, saves, runs and deletes", async ({ page }) => {
  await openScreener(page);
  const builder = page.getByTestId("condition-builder");
  // The builder starts as all[close > MA(20)]: run it as it is.
  const first = builder.locator('[data-path="condition.conditions[0]"]');
  await expect(box(first, "operand-params")).toHaveValue("20");
  await page.getByTestId("run-adhoc").click();
  await expect(page.getByTestId("result-matched")).toHaveText("3");
  const results = page.getByTestId("screen-results");
  await expect(results.locator('[data-symbol="600036.SH"]')).toBeVisible();
  await expect(results.locator(".el-table__header th", { hasText: "MA(20)" }).first()).toBeVisible();

  // A second condition, RSI(6) < 80, then a bad one: MA(0) answers 422 pointing at it.
  await builder.getByTestId("condition-add").click();
  const second = builder.locator('[data-path="condition.conditions[1]"]');
  await choose(page, second.getByTestId("operand-kind").first(), "指标");
  await choose(page, second.getByTestId("operand-indicator").first(), "RSI");
  await expect(box(second, "operand-params")).toHaveValue("6");
  await choose(page, second.getByTestId("condition-op"), "<");
  await choose(page, second.getByTestId("operand-kind").nth(1), "数值");
  await box(second, "operand-number").fill("80");
  await box(second, "operand-number").blur();
  await page.getByTestId("run-adhoc").click();
  await expect(page.getByTestId("result-matched")).toHaveText("3");
  await expect(results.locator(".el-table__header th", { hasText: "RSI(6)" }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/screener-adhoc.png`, fullPage: true });

  await box(first, "operand-params").fill("0");
  await page.getByTestId("run-adhoc").click();
  await expect(page.getByTestId("screen-problem")).toContainText("422");
  await expect(page.getByTestId("screen-field-errors")).toContainText("condition.conditions[0].right.params[0]");
  await expect(first.getByTestId("node-errors")).toContainText("MA");
  await page.screenshot({ path: `${SHOTS}/screener-field-error.png`, fullPage: true });

  // Fixed, saved under a name, run from the list, then deleted.
  await box(first, "operand-params").fill("20");
  await page.getByTestId("save-screen").click();
  await box(page.locator("body"), "save-name").fill("站上20日线 RSI");
  await page.getByTestId("save-confirm").click();
  const saved = page.getByTestId("saved-screens").locator('[data-screen="站上20日线 RSI"]');
  await expect(saved).toBeVisible();
  await expect(page.getByTestId("screen-problem")).toHaveCount(0);
  await page.reload();
  await expect(saved).toBeVisible();
  await saved.getByTestId("run-saved").click();
  await expect(page.getByTestId("result-matched")).toHaveText("3");
  await page.screenshot({ path: `${SHOTS}/screener-saved.png`, fullPage: true });
  await saved.getByTestId("delete-saved").click();
  await page.locator(".el-message-box .el-button--primary").click();
  await expect(saved).toHaveCount(0);
});

test("an as-of day and a universe narrow the run, in English too", async ({ page }) => {
  await openScreener(page);
  await choose(page, page.getByTestId("universe-exchange"), "上交所");
  const asOf = page.getByTestId("screen-scope").locator(".el-date-editor input");
  await asOf.fill("2017-07-25");
  await asOf.press("Enter");
  await page.getByTestId("run-adhoc").click();
  await expect(page.getByTestId("result-as-of")).toHaveText("2017-07-25");
  for (const symbol of await page.getByTestId("screen-results").locator("[data-symbol]").allTextContents()) {
    expect(symbol).toMatch(/\.SH$/);
  }
  // A built-in screen's conditions into the builder: 20日新高突破 is one breakout node.
  await page.locator('[data-builtin="breakout_20d"]').getByTestId("edit-builtin").click();
  const root = page.getByTestId("condition-builder").locator('[data-path="condition"]');
  await expect(root.getByTestId("condition-kind").locator("span").first()).toHaveText("突破");
  await page.getByTestId("language").click();
  await page.locator(".el-select-dropdown__item", { hasText: "English" }).click();
  await expect(page.locator('[data-builtin="bullish_ma_alignment"]')).toContainText("Bullish MA alignment");
  await expect(page.getByTestId("run-adhoc")).toHaveText("Run");
  await expect(root.getByTestId("condition-kind").locator("span").first()).toHaveText("Breakout");
  await page.screenshot({ path: `${SHOTS}/screener-en.png`, fullPage: true });
});
