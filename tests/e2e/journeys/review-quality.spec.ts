// 数据质量 in the office's review, in Chromium: 洞口's county reports a December whose 本月 jumps
// (with its 形象进度阶段); the office sees the 数据质量提示 with its evidence on /review (1366 and
// 390 px), is refused approval without a 核实说明, approves with one, and the report's history shows
// it; published, the month's 通报 counts the prompt in its 数据质量 section (1366 and 390 px) and the
// office's page lists it with its 核实说明. (Works alone and after review-audit.spec.ts, which
// approves a December for the same project: then this is a correction of it. The month is re-opened
// at the end, as the journeys after this one expect it open.)
import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, login, publishMonth } from "../helpers";

async function as(browser: Browser, username: string, width = 1366) {
  const page = await (await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } })).newPage();
  await login(page, username);
  return page;
}

const NOTE = "已电话核实：12月支付主体钢结构工程款，有发票和监理确认";

test("a jump is flagged on /review with its evidence; approving it asks for a 核实说明, kept in the history", async ({ browser }, info) => {
  const county = await as(browser, "dongkou");
  await county.goto("/monthly-report/YQ2024-002?month=2024-12");
  await county.getByLabel("本月完成投资（万元）").fill("60000");
  // 上期（2024年11月）累计 170,000万元 + 本月 60,000万元
  await county.getByLabel("累计完成固定资产投资（万元）").fill("230000");
  await county.getByLabel("形象进度", { exact: true }).fill("主体钢结构吊装完成，屋面施工");
  await county.getByLabel("形象进度阶段（选填）").selectOption({ label: "主体施工" });
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("已提交");

  const admin = await as(browser, "admin");
  await admin.goto("/review");
  const item = admin.getByTestId("review-YQ2024-002-2024-12");
  await expect(item.getByTestId("quality-count")).toHaveText("数据质量提示 1");
  const flags = item.getByTestId("quality-flags");
  await expect(flags).toContainText("数据质量提示（1项）");
  // without earlier reported months, the trailing average is 0
  await expect(flags.getByTestId("quality-flag-JUMP")).toHaveText(/^本月投资突增：本月完成投资 60,000万元，.+，占总投资 11\.2%$/);
  await expect(item).toContainText("主体施工");
  await item.scrollIntoViewIfNeeded();
  await admin.screenshot({ path: info.outputPath("review-flag-1366.png"), fullPage: true });

  // approving without a 核实说明 is refused on the field, and the report still awaits review
  await item.getByRole("button", { name: "审核通过" }).click();
  const note = item.getByLabel(/^核实说明/);
  await expect(item.getByRole("alert")).toContainText("该报表有数据质量提示：审核通过前请填写核实说明");
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await admin.reload();
  await expect(item.getByRole("button", { name: "审核通过" })).toBeVisible();

  // on a phone the box and the field fit the screen
  const phone = await as(browser, "admin", 390);
  await phone.goto("/review");
  const small = phone.getByTestId("review-YQ2024-002-2024-12");
  await expect(small.getByTestId("quality-flags")).toBeVisible();
  await small.getByRole("button", { name: "审核通过" }).click();
  await expect(small.getByRole("alert")).toContainText("请填写核实说明");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await small.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: info.outputPath("review-flag-390.png") });

  await note.fill(NOTE);
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText("已审核通过，核实说明已记录。");

  // the report's history shows the approval with its 核实说明
  await county.goto("/monthly-report/YQ2024-002?month=2024-12");
  await expect(county.getByTestId("events").getByTestId("event-verification").first()).toHaveText(`（核实说明：${NOTE}）`);
  await expect(county.getByTestId("revisions").locator("li").first()).toContainText("主体施工");
  const countyPhone = await as(browser, "dongkou", 390);
  await countyPhone.goto("/monthly-report/YQ2024-002?month=2024-12");
  await countyPhone.getByTestId("events").scrollIntoViewIfNeeded();
  await countyPhone.screenshot({ path: info.outputPath("history-390.png") });

  // the 已审核 list keeps the flag beside the note
  await admin.goto("/review?status=APPROVED&month=2024-12");
  await expect(admin.getByTestId("review-YQ2024-002-2024-12").getByTestId("review-verification")).toHaveText(`核实说明：${NOTE}`);
  await admin.screenshot({ path: info.outputPath("review-approved-1366.png"), fullPage: true });

  // published, the 通报 counts the prompt (leaders read counts, never the project)
  await publishMonth(admin, "2024-12");
  await admin.goto("/periods/2024-12/bulletin");
  const bulletin = admin.getByTestId("bulletin");
  await expect(admin.locator("#data-quality")).toHaveText("七、数据质量");
  await expect(bulletin).toContainText(/本月审核发布的报表中，系统提示数据质量问题\d+条（涉及\d+个项目）：[^；]*本月投资突增\d+条/);
  await expect(bulletin).toContainText(/按县区：[^。]*洞口县园区\d+条/);
  await admin.locator("#data-quality").scrollIntoViewIfNeeded();
  await admin.screenshot({ path: info.outputPath("bulletin-quality-flagged-1366.png") });
  await phone.goto("/periods/2024-12/bulletin");
  await phone.locator("#data-quality").scrollIntoViewIfNeeded();
  await expect(phone.getByTestId("bulletin")).toContainText("本月投资突增");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: info.outputPath("bulletin-quality-flagged-390.png") });
  // the office's list of the publication's prompts, with the evidence and the 核实说明
  await admin.getByTestId("quality-link").click();
  await expect(admin).toHaveURL(/\/periods\/2024-12\/quality/);
  const row = admin.getByTestId("quality-list").locator("li, tr").filter({ hasText: "本月投资突增" }).filter({ hasText: NOTE }).first();
  await expect(row).toContainText("占总投资 11.2%");

  // leave the month open for the journeys after this one
  await admin.goto("/periods/2024-12");
  await admin.getByLabel("重新开放原因（必填，记入操作日志和下次发布）").fill("核对数据质量提示后继续填报");
  await admin.getByLabel("您的登录密码（确认身份）").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "重新开放" }).click();
  await expect(admin.getByTestId("period-status")).toContainText("填报中");
});
