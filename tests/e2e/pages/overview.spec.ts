import { expect, test } from "@playwright/test";
import { ensureSignedIn } from "../helpers";

// every page needs a session: sign in as a leader unless the context already has one
test.beforeEach(async ({ page }) => ensureSignedIn(page, "leader"));

test("the overview shows the 2024 plan beside the sums of the projects in the database", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/概览/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("市工业园区2024年重大项目计划");
  await expect(page.getByText("目标：四月底前全部开工，六月底前大部分投产")).toBeVisible();

  await expect(page.getByTestId("card-count-declared")).toHaveText("50个");
  await expect(page.getByTestId("card-count-computed")).toHaveText("4个");
  await expect(page.getByTestId("card-total-declared")).toHaveText("133.6亿元");
  await expect(page.getByTestId("card-total-computed")).toHaveText("146.8亿元");
  await expect(page.getByTestId("card-total")).toContainText("比计划申报的50个项目总投资133.6亿元多13.2亿元");
  await expect(page.getByTestId("card-annual-declared")).toHaveText("33.6亿元");
  await expect(page.getByTestId("card-start")).toContainText("4个项目在2024年4月30日之后才开工");
  await expect(page.getByTestId("completed-total")).toHaveText("42.3亿元");
  await expect(page.getByTestId("freshness")).toContainText("完成投资数据截至 2024年11月（已审核）");

  const rows = [
    ["YQ2024-001", "中伟新材料项目", "会同县园区", "33亿元", "15亿元", "2024年9月", "在建"],
    ["YQ2024-002", "金石资源再生利用及高端制造项目", "洞口县园区", "53.8亿元", "17亿元", "2024年8月", "在建"],
    ["YQ2024-003", "锐业制药抗凝血原料药二期项目", "溆浦县园区", "30亿元", "5.6亿元", "2024年10月", "在建"],
    ["YQ2024-004", "华润电力天然气热电联产项目", "新晃县园区", "30亿元", "4.7亿元", "2024年11月", "在建"],
  ];
  const table = page.getByTestId("project-table");
  await expect(table.locator("tbody tr")).toHaveCount(4);
  for (const [code, name, park, total, completed, start, status] of rows) {
    const cells = page.getByTestId(`project-row-${code}`).locator("td");
    await expect(cells.nth(0)).toContainText(name);
    await expect(cells.nth(1)).toHaveText(park);
    await expect(cells.nth(2)).toHaveText(total);
    await expect(cells.nth(3)).toContainText(completed);
    await expect(cells.nth(5)).toHaveText(start);
    await expect(cells.nth(6)).toHaveText(status);
  }
});

test("on a phone the projects are cards that fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const cards = page.getByTestId("project-cards").locator("li");
  await expect(cards).toHaveCount(4);
  await expect(cards.first()).toContainText("中伟新材料项目");
  await expect(cards.first()).toContainText("33亿元");
  await expect(page.getByTestId("project-table")).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
