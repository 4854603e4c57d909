// The first slice of the web app in a real browser against a real server (issue 11).
import { expect, test } from "@playwright/test";
import { barsDrawn, openZsyh, pixelsOf, SHOTS, signIn } from "./helpers";

const RED: [number, number, number] = [0xf5, 0x22, 0x2d];
const GREEN: [number, number, number] = [0x13, 0xa3, 0x4a];

test("signs in", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("input[name=username]")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sign-in.png` });
  await signIn(page);
  await expect(page).toHaveURL(/\/market$/);
});

test("refuses a wrong password with the server's problem", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator("input[name=username]").fill("admin");
  await page.locator("input[name=password]").fill("wrong");
  await page.locator("button[type=submit]").click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
});

test("finds 招商银行 by zsyh and adds it to the watchlist, with its live quote", async ({ page }) => {
  await signIn(page);
  await openZsyh(page);
  await expect(page.getByTestId("quote-header")).toContainText("招商银行");
  await page.getByTestId("add-to-watchlist").click();
  const row = page.getByTestId("watchlist").locator('[data-symbol="600036.SH"]');
  await expect(row).toHaveText("招商银行");
  await expect(page.getByTestId("add-to-watchlist")).toBeDisabled();
  // The list is kept by the server: a reload shows it again.
  await page.reload();
  await expect(row).toHaveText("招商银行");
  await page.screenshot({ path: `${SHOTS}/market-watchlist.png` });
});

test("draws 招商银行's candles in A-share colours and switches period", async ({ page }) => {
  await signIn(page);
  await openZsyh(page);
  const daily = await barsDrawn(page);
  expect(daily).toBeGreaterThan(100);
  // Red up and green down by default: both kinds of candle are on the canvas.
  await expect.poll(() => pixelsOf(page, RED)).toBeGreaterThan(50);
  await expect.poll(() => pixelsOf(page, GREEN)).toBeGreaterThan(50);
  await page.screenshot({ path: `${SHOTS}/market-chart-1d.png` });

  await page.getByTestId("periods").locator('[data-period="1w"]').click();
  await expect(page.getByTestId("kline")).toHaveAttribute("data-period", "1w");
  await expect.poll(async () => Number(await page.getByTestId("kline").getAttribute("data-bars"))).toBeGreaterThan(0);
  const weekly = await barsDrawn(page);
  expect(weekly).toBeLessThan(daily);
  await page.screenshot({ path: `${SHOTS}/market-chart-1w.png` });
});

test("says which stocks have data, and why a chart without any is empty", async ({ page }) => {
  await signIn(page);
  const search = page.getByTestId("symbol-search").locator("input");
  await search.fill("zsyh");
  const bank = page.locator(".symbol-suggestions li", { hasText: "招商银行" });
  await expect(bank.getByTestId("bars-span")).toHaveText("2011–2017");
  await search.fill("pfyh");
  const pufa = page.locator(".symbol-suggestions li", { hasText: "浦发银行" });
  await expect(pufa.getByTestId("no-data")).toHaveText("无数据");
  await pufa.click();
  await expect(page).toHaveURL(/\/market\/600000\.SH$/);
  await expect(page.getByTestId("kline-note")).toContainText("mystocks sync --symbols 600000.SH");
  await expect(page.getByTestId("kline")).toHaveAttribute("data-bars", "0");
});

test("switches language and Element Plus's locale", async ({ page }) => {
  await signIn(page);
  await expect(page.locator("[data-nav=market]")).toHaveText("行情");
  await page.getByTestId("language").click();
  await page.locator(".el-select-dropdown__item", { hasText: "English" }).click();
  await expect(page.locator("[data-nav=market]")).toHaveText("Market");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.screenshot({ path: `${SHOTS}/market-en.png` });
});

test("every page of the nav opens", async ({ page }) => {
  await signIn(page);
  for (const name of ["screener", "strategies", "backtests", "trading", "alerts", "dashboard", "market"]) {
    await page.locator(`[data-nav=${name}]`).click();
    await expect(page).toHaveURL(new RegExp(`/${name}$`));
    await page.screenshot({ path: `${SHOTS}/page-${name}.png` });
  }
});
