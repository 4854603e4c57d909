import { expect, type Page } from "@playwright/test";

export const SHOTS = "test-results/screenshots";

export async function signIn(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator("input[name=username]").fill("admin");
  await page.locator("input[name=password]").fill("mystocks-admin");
  await page.locator("button[type=submit]").click();
  await expect(page.getByTestId("user")).toContainText("admin");
}

/** Pick 招商银行 by its pinyin initials and open its chart. */
export async function openZsyh(page: Page): Promise<void> {
  await page.getByTestId("symbol-search").locator("input").fill("zsyh");
  const suggestion = page.locator(".symbol-suggestions li", { hasText: "招商银行" });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(page).toHaveURL(/\/market\/600036\.SH$/);
}

/** Bars drawn, once loaded (the chart's data-bars attribute). */
export async function barsDrawn(page: Page): Promise<number> {
  const chart = page.getByTestId("kline");
  await expect(chart).not.toHaveAttribute("data-bars", "0");
  return Number(await chart.getAttribute("data-bars"));
}

/** Pixels of the chart's canvases close to a colour (r, g, b). */
export async function pixelsOf(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.getByTestId("kline").evaluate((el, [r, g, b]) => {
    let count = 0;
    for (const canvas of el.querySelectorAll("canvas")) {
      const ctx = canvas.getContext("2d");
      if (!ctx || !canvas.width || !canvas.height) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        const near = Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 40;
        if (near && data[i + 3]! > 200) count += 1;
      }
    }
    return count;
  }, rgb);
}
