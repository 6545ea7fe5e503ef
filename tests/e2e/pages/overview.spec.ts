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
  // the gap between the declared and the entered figures is the office's to check (its to-do), not a prompt on the leaders' cards
  await expect(page.getByTestId("card-total")).not.toContainText("请核实");
  await expect(page.getByTestId("card-annual-declared")).toHaveText("33.6亿元");
  await expect(page.getByTestId("card-start")).toContainText("已开工4个；4个项目在2024年4月30日之后才开工。");
  await expect(page.getByTestId("freshness")).toContainText("数据截至2024年11月（已发布");

  // the largest projects, from the published figures
  const items = page.getByTestId("project-table").locator(":scope > li");
  await expect(items).toHaveCount(4);
  await expect(items.first()).toContainText("金石资源再生利用及高端制造项目");
  await expect(page.getByTestId("project-YQ2024-002")).toContainText("洞口县园区 · 总投资 53.8亿元 · 本年完成 17亿元 · 开累完成率 31.6%");
  await expect(page.getByTestId("project-YQ2024-004")).toContainText("总投资 30亿元 · 本年完成 4.7亿元");
  // the report states no funding: one line says so, not a table of zeros
  await expect(page.getByTestId("funding-none")).toHaveText("本期发布的4个项目均未录入资金计划，也未填报到位资金。");
  await expect(page.getByTestId("funding-by-park")).toHaveCount(0);
});

test("on a phone the overview fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByTestId("project-table").locator(":scope > li")).toHaveCount(4);
  await expect(page.getByTestId("project-YQ2024-001")).toContainText("中伟新材料项目");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("on a phone the leader sees the headline, the warnings and the escalations within two screens; the other sections fold behind their titles", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  // the sections stream in: wait for each before measuring where it sits
  const top = async (id: string) => {
    const heading = page.locator(`[id="${id}"]`);
    await expect(heading).toBeVisible();
    return (await heading.boundingBox())!.y;
  };
  for (const heading of ["warnings-heading", "escalations-heading"]) expect(await top(heading), heading).toBeLessThan(2 * 844);
  await expect(page.getByTestId("card-count")).toBeInViewport();
  await expect(page.getByTestId("annual-completed")).toBeVisible();
  expect((await page.getByTestId("annual-completed").boundingBox())!.y).toBeLessThan(2 * 844);
  // folded: the month chart, the breakdowns, nodes, issues and the project list, each one tap away
  for (const key of ["targets", "timeline", "breakdowns", "nodes", "issues", "projects"]) await expect(page.getByTestId(`fold-${key}`)).toBeVisible();
  await expect(page.getByTestId("by-park-table")).toBeHidden();
  // about three screens in all, where it was seven
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4 * 844);
  await page.getByTestId("fold-breakdowns").click();
  await expect(page.getByTestId("by-park-table")).toBeVisible();
  await expect(page.getByTestId("fold-breakdowns")).toHaveText("收起：投资完成率");
  // a wide screen shows every section, without the fold buttons
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(page.getByTestId("fold-nodes")).toBeHidden();
  await expect(page.getByTestId("project-table")).toBeVisible();
});
