// 数据质量 as leaders and the office read it, on the seed report (its November reports trip no
// check): the cockpit's count links to the 通报's section 七、数据质量; leaders get no page of the
// prompts one by one, the office does. Screenshots of the section at 1366 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { login } from "../helpers";

async function noHorizontalOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a leader reads the count on the cockpit and the 通报's 数据质量 section, never the prompts one by one", async ({ page }, info) => {
  await page.goto("/");
  const count = page.getByTestId("overview-quality");
  await expect(count).toHaveText("截至2024年11月（已发布）：数据质量提示 0 条");
  await count.getByRole("link").click();
  await expect(page).toHaveURL(/\/periods\/2024-11\/bulletin\?publication=1#data-quality$/);
  const section = page.locator("#data-quality");
  await expect(section).toHaveText("七、数据质量");
  await expect(section).toBeInViewport();
  await expect(page.getByTestId("bulletin")).toContainText("本月审核发布的报表中，系统未提示数据质量问题。");
  await expect(page.getByTestId("quality-link")).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.locator("#data-quality").scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath("bulletin-quality-1366.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#data-quality").scrollIntoViewIfNeeded();
  await noHorizontalOverflow(page);
  await page.screenshot({ path: info.outputPath("bulletin-quality-390.png") });

  // the period page: the count with each publication, no link to the prompts
  await page.goto("/periods/2024-11");
  await expect(page.getByTestId("publication-quality")).toHaveText("数据质量提示0条");
  await expect(page.getByTestId("quality-link")).toHaveCount(0);
  await page.goto("/periods/2024-11/quality");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("the office opens a publication's prompts from the period page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await login(page, "admin");
  await page.goto("/periods/2024-11");
  await page.getByTestId("quality-link").click();
  await expect(page).toHaveURL(/\/periods\/2024-11\/quality$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2024年11月数据质量提示");
  await expect(page.getByTestId("quality-summary")).toHaveText("本月审核发布的报表中，系统未提示数据质量问题。");
  await expect(page.getByTestId("quality-list")).toHaveCount(0);
  await page.goto("/periods/2024-11/bulletin");
  await expect(page.getByTestId("quality-link")).toHaveAttribute("href", "/periods/2024-11/quality");
  await context.close();
});
