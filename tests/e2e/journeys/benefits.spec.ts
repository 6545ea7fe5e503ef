import { expect, test, type Browser, type Page } from "@playwright/test";
import { login } from "../helpers";

async function as(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** The office records 中伟新材料 in production (or back under construction, for the other journeys). */
async function setProduction(admin: Page, month: string, status: "IN_PRODUCTION" | "UNDER_CONSTRUCTION") {
  await admin.goto("/admin/projects/YQ2024-001/edit");
  await admin.getByLabel("项目状态").selectOption(status);
  await admin.getByLabel("实际投产月份").fill(month);
  await admin.getByRole("button", { name: "保存项目" }).click();
  await expect(admin.getByRole("status")).toContainText("已保存项目");
}

test("a county enters a year's benefits on a phone and a quarter's at 1366 px; the office approves at 1366 px and returns on a phone; the project page compares delivery with the promise", async ({
  browser,
}) => {
  const admin = await as(browser, "admin");
  await setProduction(admin, "2025-03", "IN_PRODUCTION");

  // 会同's account, on a phone: the project page's 达产与效益 leads to the entry
  const county = await as(browser, "huitong", true);
  await county.goto("/projects/YQ2024-001");
  const section = county.locator("section", { has: county.getByRole("heading", { name: "达产与效益" }) });
  await expect(section.getByTestId("full-production-state")).toHaveText(/投产/);
  await section.getByRole("link", { name: "填报效益" }).click();
  await expect(county.getByRole("heading", { level: 1 })).toHaveText("填报达产与效益");
  await county.goto("/benefits/YQ2024-001?year=2025&quarter=0");
  // nothing typed: refused with the message on the field, nothing stored
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("alert").first()).toContainText("请至少填写一项效益数据");
  await county.getByLabel("产值（万元）").fill("320000");
  await county.getByLabel("新增就业（人）").fill("160");
  const overflow = await county.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await county.getByRole("button", { name: "提交审核" }).click();
  // the page now shows the year as submitted, locked until the office decides
  await expect(county.getByRole("status")).toContainText("2025年效益已提交（第1版），等待园区审核");

  // the office approves it
  await admin.goto("/review");
  await admin.getByRole("link", { name: "审核效益填报" }).click();
  const item = admin.getByRole("listitem").filter({ hasText: "中伟新材料项目" });
  await expect(item).toContainText("320,000万元");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText("已审核通过。");

  // the project page: promise against delivery, with the qualifier kept (50亿元 → 64%; 150人以上 reached)
  await county.goto("/projects/YQ2024-001");
  const table = county.getByRole("table", { name: "承诺与实际效益" });
  await expect(table).toContainText("50亿元");
  await expect(table).toContainText("为承诺的64%·未达到承诺");
  await expect(table).toContainText("150人以上");
  await expect(table).toContainText("为承诺的106.6%·已达到承诺");
  // the history keeps every step
  await county.goto("/benefits/YQ2024-001?year=2025");
  await expect(county.getByText(/审核通过 → 已审核/)).toBeVisible();

  // the other widths: the county at its desk (1366 px) enters a quarter, the office on a phone returns it
  const desk = await as(browser, "huitong");
  await desk.goto("/benefits/YQ2024-001?year=2025&quarter=4");
  await expect(desk.getByRole("heading", { name: "2025年第4季度效益" })).toBeVisible();
  await desk.getByLabel("税收（万元）").fill("1200");
  await desk.getByRole("button", { name: "提交审核" }).click();
  await expect(desk.getByRole("status")).toContainText("2025年第4季度效益已提交（第1版），等待园区审核");

  const office = await as(browser, "admin", true);
  await office.goto("/todo");
  const waiting = office.getByTestId("todo-benefit-review");
  await expect(waiting).toContainText("中伟新材料项目 · 2025年第4季度");
  await office.goto("/review/benefits");
  const quarterItem = office.getByRole("listitem").filter({ hasText: "2025年第4季度" });
  await expect(quarterItem).toContainText("1,200万元");
  await expect(office.getByText("待审核 1 份。")).toBeVisible();
  const badge = Number(await office.getByTestId("todo-count").first().innerText());
  await quarterItem.getByLabel("退回原因（退回时必填）").fill("请附第4季度完税证明");
  await quarterItem.getByRole("button", { name: "退回" }).click();
  await expect(quarterItem.getByRole("status")).toContainText("请附第4季度完税证明");
  // the page's count and the menu's 我的待办 badge move without a reload
  await expect(office.getByText("待审核 0 份。")).toBeVisible();
  await expect(office.getByTestId("todo-count").first()).toHaveText(String(badge - 1));
  expect(await office.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // the county finds the return on its to-do with the reason, corrects and submits again
  await desk.goto("/todo");
  const returned = desk.getByTestId("todo-benefit-returned");
  await expect(returned).toContainText("退回原因：请附第4季度完税证明");
  await returned.getByRole("link", { name: "中伟新材料项目 · 2025年第4季度" }).click();
  await expect(desk.getByText("园区退回：请附第4季度完税证明")).toBeVisible();
  await desk.getByLabel("税收（万元）").fill("1250");
  await desk.getByLabel("说明").fill("已附完税证明");
  await desk.getByRole("button", { name: "提交审核" }).click();
  await expect(desk.getByRole("status")).toContainText("2025年第4季度效益已提交（第2版）");

  // approved on the phone; the history keeps both versions
  await office.goto("/review/benefits");
  const again = office.getByRole("listitem").filter({ hasText: "2025年第4季度" });
  await expect(again).toContainText("1,250万元");
  await again.getByRole("button", { name: "审核通过" }).click();
  await expect(again.getByRole("status")).toHaveText("已审核通过。");
  await desk.goto("/benefits/YQ2024-001?year=2025&quarter=4");
  await expect(desk.getByText("退回 → 退回（请附第4季度完税证明）")).toBeVisible();
  await expect(desk.getByText(/审核通过 → 已审核/)).toBeVisible();

  // back to the seed's facts for the other journeys
  await setProduction(admin, "", "UNDER_CONSTRUCTION");
});
