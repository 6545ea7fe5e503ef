import { expect, test, type Browser, type Page } from "@playwright/test";
import { login } from "../helpers";
import { cameraJpeg, executable } from "../../helpers/images";

async function as(browser: Browser, username: string, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await login(page, username);
  return page;
}

const revisions = async (page: Page) => page.getByTestId("revisions").locator(":scope > li").count();

test("a county on a phone: cumulative worked out as it types, Enter never submits, withdraws, fixes a returned report with a photo and resubmits", async ({ browser }) => {
  const county = await as(browser, "huitong", true);
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  const before = await revisions(county);
  const month = county.getByLabel("本月完成投资（万元）");
  const cumulative = county.getByLabel("累计完成固定资产投资（万元）");

  // 累计 = November's approved 150,000 + this month, as it is typed
  await month.fill("3000");
  await expect(cumulative).toHaveValue("153000");
  await expect(county.getByTestId("cumulative-auto")).toBeVisible();
  await month.fill("3000.5");
  await expect(cumulative).toHaveValue("153000.5");

  // Enter in a figure never submits the report, even when the form is complete
  await county.getByLabel("形象进度", { exact: true }).fill("设备基础施工完成");
  await month.press("Enter");
  await cumulative.press("Enter");
  await county.waitForTimeout(1500);
  await expect(county.locator("main").getByRole("status")).toHaveCount(0);
  await county.reload();
  expect(await revisions(county)).toBe(before);

  await month.fill("3000");
  await county.getByLabel("形象进度", { exact: true }).fill("设备基础施工完成");
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("2024年12月报表已提交");

  // not reviewed yet: the county takes it back, and it leaves the office's queue
  await county.reload();
  await county.getByRole("button", { name: "撤回报表" }).click();
  await expect(county.getByRole("status")).toHaveText("已撤回，报表回到草稿状态，可修改后重新提交。");
  const admin = await as(browser, "admin");
  await admin.goto("/review");
  await expect(admin.getByTestId("review-YQ2024-001-2024-12")).toHaveCount(0);

  // submitted again, the office returns it asking for a photo
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await expect(county.getByLabel("本月完成投资（万元）")).toHaveValue("3000");
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("已提交");
  await admin.goto("/review");
  const item = admin.getByTestId("review-YQ2024-001-2024-12");
  await item.getByLabel("退回原因（退回时必填）").fill("请补充现场照片");
  await item.getByRole("button", { name: "退回" }).click();
  await expect(item.getByRole("status")).toContainText("已退回县区，退回原因：");

  // the county sees why; a renamed program is refused on the photo field, nothing saved
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await expect(county.getByTestId("return-reason")).toContainText("请补充现场照片");
  const saved = await revisions(county);
  // an empty (0-byte) file is refused as soon as it is chosen, even when it is chosen before the
  // page's scripts have run (a slow phone): here they arrive 2 s late
  const scripts = "**/_next/static/chunks/**";
  await county.route(scripts, async (route) => {
    await new Promise((r) => setTimeout(r, 2000));
    // the page may have moved on meanwhile (the request cancelled): nothing left to continue
    await route.continue().catch(() => {});
  });
  await county.goto("/monthly-report/YQ2024-001?month=2024-12", { waitUntil: "domcontentloaded" });
  await county.getByLabel("添加照片").setInputFiles({ name: "空白.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(0) });
  await expect(county.locator("#photos-error").first()).toHaveText("「空白.jpg」是空文件，请重新选择。");
  await county.unrouteAll({ behavior: "ignoreErrors" });
  await county.getByLabel("添加照片").setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: executable() });
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.locator("#photos-error").first()).toContainText("「现场.jpg」不是 JPEG、PNG 或 WebP 图片");
  await county.reload();
  expect(await revisions(county)).toBe(saved);

  // a real photo (4000×3000 with GPS in its EXIF) goes with the resubmission
  await county.getByLabel("添加照片").setInputFiles({ name: "现场照片.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() });
  const overflow = await county.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await county.getByRole("button", { name: "提交审核" }).click();
  await expect(county.getByRole("status")).toContainText("2024年12月报表已提交");
  await county.goto("/monthly-report/YQ2024-001?month=2024-12");
  await expect(county.getByTestId("kept-photos").locator("img")).toHaveCount(0); // submitted: the form is locked
  await expect(county.getByTestId(`revision-photos-${saved + 1}`).locator("img")).toHaveCount(1);

  // the office sees the photo beside the figures, opens it full size, and approves
  await admin.goto("/review");
  const thumb = item.getByTestId("review-photos").locator("img");
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(320);
  const href = await item.getByTestId("review-photos").locator("a").getAttribute("href");
  const full = await admin.request.get(href!);
  expect(full.headers()["content-type"]).toBe("image/jpeg");
  expect(full.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await full.body()).toString("latin1")).not.toContain("TestPhone");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText("已审核通过。");

  // and the project page shows it with the month's report
  await county.goto("/projects/YQ2024-001");
  await expect(county.getByTestId("report-2024-12").locator("img").first()).toBeVisible();
  // signed out, the photo is not served
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(href!, { maxRedirects: 0 });
  expect([302, 307, 401]).toContain(response.status());
});
