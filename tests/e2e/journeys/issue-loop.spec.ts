// The 督办 loop on a phone (390 px): the office hands an issue to 会同's unit, 会同's account
// acknowledges it and reports it done, the office sends it back once, then verifies and closes
// it; the 督办单 shows the whole 办理过程. Every page fits the screen.
import { expect, test, type Page } from "@playwright/test";
import { login, logout } from "../helpers";

test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ mode: "serial" });

const title = `二期厂房用地交付滞后 ${Date.now().toString(36)}`;
let issuePath = "";

async function fits(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
}

test("the office raises an issue about 会同's project and hands it out (交办)", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/issues/new");
  await page.getByLabel("所属项目").selectOption("YQ2024-001");
  await page.getByLabel("问题类别").selectOption("LAND"); // 要素保障问题 › 土地
  await page.getByLabel("问题标题").fill(title);
  await page.getByLabel("问题描述").fill("二期厂房用地尚未交付企业，影响设备进场。");
  await page.getByRole("button", { name: "登记问题" }).click();
  await expect(page.getByRole("status")).toContainText(`已登记问题「${title}」`);
  // the answer links to the issue just raised
  await page.getByRole("status").getByRole("link", { name: "查看该问题" }).click();
  await expect(page).toHaveURL(/\/issues\/[0-9]+$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  issuePath = new URL(page.url()).pathname;
  await expect(page.getByTestId("issue-status")).toHaveText("待交办");
  await fits(page);

  const assign = page.getByRole("form", { name: "交办" });
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(assign.getByText("请填写责任单位")).toBeVisible();
  await assign.getByLabel("责任单位").fill("会同县自然资源局");
  await assign.getByLabel("包保领导").fill("王副县长");
  await assign.getByLabel("办结时限").fill("2099-06-30");
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("待签收");
  await expect(page.getByRole("status").filter({ hasText: "已交办" })).toHaveText("已交办（责任单位：会同县自然资源局，办结时限：2099年6月30日），等待责任单位签收。");
  // the office does not acknowledge for a county park
  await expect(page.getByRole("form", { name: "签收" })).toHaveCount(0);
  await logout(page);
});

test("会同's account acknowledges the issue (签收) and reports it done (反馈)", async ({ page }) => {
  await login(page, "huitong");
  await page.goto("/issues?status=ASSIGNED&year=all");
  await fits(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("issue-unit")).toHaveText("会同县自然资源局");
  await expect(page.getByRole("form", { name: "交办" })).toHaveCount(0);
  await page.getByRole("form", { name: "签收" }).getByRole("button", { name: "签收" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("办理中");
  await fits(page);

  const progress = page.getByRole("form", { name: "记录办理进展" });
  await progress.getByLabel("办理进展").fill("已完成地块测绘和权属核查");
  await progress.getByRole("button", { name: "记录进展" }).click();
  await expect(page.getByTestId("issue-updates")).toContainText("已完成地块测绘和权属核查");

  const feedback = page.getByRole("form", { name: "反馈办理结果" });
  await feedback.getByRole("button", { name: "反馈办结" }).click();
  await expect(feedback.getByText("请填写办理结果")).toBeVisible();
  await feedback.getByLabel("办理结果").fill("用地已交付企业");
  await feedback.getByRole("button", { name: "反馈办结" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("待复核");
  await expect(page.getByTestId("issue-feedback")).toHaveText("用地已交付企业");
  // a county cannot verify its own report
  await expect(page.getByRole("form", { name: "复核" })).toHaveCount(0);
  await logout(page);
});

test("the office sends it back once with a reason, the unit reports again, the office verifies and closes it", async ({ page }) => {
  await login(page, "admin");
  await page.goto(issuePath);
  const review = page.getByRole("form", { name: "复核" });
  await review.getByRole("button", { name: "退回重办" }).click();
  await expect(review.getByText("退回重办须填写复核意见（退回原因）")).toBeVisible();
  await review.getByLabel("复核意见").fill("请附土地交付确认书");
  await review.getByRole("button", { name: "退回重办" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("办理中");
  await expect(page.getByTestId("issue-review")).toHaveText("请附土地交付确认书");
  await logout(page);

  await login(page, "huitong");
  await page.goto(issuePath);
  const feedback = page.getByRole("form", { name: "反馈办理结果" });
  await feedback.getByLabel("办理结果").fill("用地已交付企业，交付确认书已上传");
  await feedback.getByRole("button", { name: "反馈办结" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("待复核");
  await logout(page);

  await login(page, "admin");
  await page.goto(issuePath);
  await fits(page);
  const again = page.getByRole("form", { name: "复核" });
  await again.getByLabel("复核意见").fill("材料齐全，同意办结");
  await again.getByRole("button", { name: "复核通过，办结" }).click();
  await expect(page.getByTestId("issue-status")).toHaveText("已办结");
  await expect(page.getByTestId("issue-resolution")).toContainText("用地已交付企业，交付确认书已上传");
  await expect(page.getByTestId("issue-updates").locator("li")).toHaveCount(7);

  // the 督办单: the whole 办理过程 and the 复核意见, on a page that fits the phone too
  await page.getByTestId("print-link").click();
  await expect(page.getByRole("heading", { name: "督办单" })).toBeVisible();
  await expect(page.getByTestId("print-sheet")).toContainText("会同县自然资源局");
  await expect(page.getByTestId("print-history").locator("li")).toHaveCount(7);
  await expect(page.getByTestId("print-history").locator("li").first()).toContainText("【交办】");
  await expect(page.getByTestId("print-review")).toHaveText("材料齐全，同意办结");
  await fits(page);

  // 办结率 per unit counts it
  await page.goto("/issues/stats?year=2024");
  await expect(page.getByTestId("stats-unit").getByRole("row", { name: /会同县自然资源局/ })).toContainText("100.0%");
  await fits(page);
});
