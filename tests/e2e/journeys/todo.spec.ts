import { expect, test, type Browser } from "@playwright/test";
import { login } from "../helpers";
import { cameraJpeg } from "../../helpers/images";

async function as(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function noHorizontalScroll(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a county lands on its to-do on a phone, sees a returned report with the reason, fixes it with a photo and resubmits", async ({ browser }) => {
  // county staff of 会同县园区 on a phone: signing in lands on 我的待办
  const county = await as(browser, "huitong", true);
  await expect(county).toHaveURL(/\/todo$/);
  await expect(county.getByRole("heading", { level: 1 })).toHaveText("我的待办");
  await expect(county.getByTestId("todo-returned-count")).toHaveText("0");
  await noHorizontalScroll(county);

  // it reports January 2025 for its project (with a note, whatever earlier journeys left as the previous month)
  await county.goto("/monthly-report/YQ2024-001?month=2025-01");
  await county.getByLabel("本月完成投资（万元）").fill("1000");
  await county.getByLabel("累计完成固定资产投资（万元）").fill("160000");
  await county.getByLabel("形象进度", { exact: true }).fill("再生铝熔炼生产线设备调试");
  await county.getByLabel("说明").fill("含12月未报部分，已与财务核对");
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("2025年1月报表已提交");

  // the office lands on its to-do too, sees the report waiting, and returns it with a reason
  const admin = await as(browser, "admin");
  await expect(admin).toHaveURL(/\/todo$/);
  await expect(admin.getByTestId("todo-review")).toContainText("中伟新材料项目 · 2025年1月");
  await admin.getByTestId("todo-review").getByRole("link", { name: "去处理" }).click();
  const item = admin.getByTestId("review-YQ2024-001-2025-01");
  await item.getByLabel("退回原因（退回时必填）").fill("本月投资与监理月报不一致，请核实");
  await item.getByRole("button", { name: "退回" }).click();
  await expect(item.getByRole("status")).toContainText("已退回县区，退回原因：");

  // the county's navigation counts it; its to-do shows the returned report with the reason
  await county.goto("/todo");
  await expect(county.getByTestId("todo-count")).not.toHaveText("0");
  const returned = county.getByTestId("returned-YQ2024-001-2025-01");
  await expect(returned).toContainText("退回原因：本月投资与监理月报不一致，请核实");
  await expect(county.getByTestId("todo-returned-count")).toHaveText("1");
  await noHorizontalScroll(county);

  // it opens the report from there, corrects and resubmits
  await returned.getByRole("link", { name: /中伟新材料项目/ }).click();
  await expect(county.getByTestId("return-reason")).toContainText("本月投资与监理月报不一致");
  await county.getByLabel("本月完成投资（万元）").fill("800");
  await county.getByLabel("累计完成固定资产投资（万元）").fill("159800");
  // with a photo of the site (taken on the phone; stored re-encoded, without its location)
  await county.getByLabel("添加照片").setInputFiles({ name: "现场照片.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() });
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("2025年1月报表已提交（第2版），等待园区审核。");
  await expect(county.getByTestId("revision-photos-2").locator("img")).toHaveCount(1);

  // nothing returned is left on its to-do
  await county.goto("/todo");
  await expect(county.getByTestId("todo-returned-count")).toHaveText("0");
  await expect(county.getByTestId("todo-returned")).toContainText("没有待办事项。");

  // leaders keep the overview as their landing page; everyone reaches it from the menu
  const leader = await as(browser, "leader");
  await expect(leader).toHaveURL(/\/$/);
  await expect(leader.getByTestId("annual-completed")).toBeVisible();
  await expect(leader.getByRole("link", { name: /我的待办/ })).toHaveCount(0);
  await county.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "概览" }).click();
  await expect(county).toHaveURL(/\/overview$/);
  await expect(county.getByTestId("annual-completed")).toBeVisible();
});

test("a county records its own park's node on the project page, the order rule explained; another county gets no form", async ({ browser }) => {
  const admin = await as(browser, "admin");
  // the office plans a 施工许可 node for 华润 (新晃) with its owners
  await admin.goto("/admin/projects/YQ2024-004/edit");
  const plan = admin.getByRole("form", { name: "节点目标" });
  await plan.locator("#planned_COMPLETION").fill("2026-12-31");
  await plan.locator("#unit_COMPLETION").fill("新晃县园区管委会");
  await plan.locator("#person_COMPLETION").fill("冯主任");
  await plan.getByRole("button", { name: "保存节点目标" }).click();
  await expect(plan.getByRole("status")).toHaveText("已保存节点目标。");

  const county = await as(browser, "xinhuang", true);
  await county.goto("/projects/YQ2024-004");
  const node = county.getByTestId("node-COMPLETION");
  await expect(node).toContainText("责任：新晃县园区管委会 冯主任");
  await node.getByText("登记完成").click();
  await node.getByLabel("竣工实际完成日期").fill("2024-10-01");
  await node.getByLabel("竣工佐证材料").fill("竣工验收备案表");
  await node.getByRole("button", { name: "登记竣工完成" }).click();
  // 竣工 cannot precede 开工 (recorded by the office in an earlier journey, or the project's start month)
  await expect(node.getByText(/实际日期不能早于(「开工」的实际日期|项目实际开工月份)/)).toBeVisible();

  const other = await as(browser, "huitong");
  await other.goto("/projects/YQ2024-004");
  await expect(other.getByTestId("node-COMPLETION")).toBeVisible();
  await expect(other.getByText("登记完成")).toHaveCount(0);
});
