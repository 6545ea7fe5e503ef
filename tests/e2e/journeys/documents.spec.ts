// The generated documents in Chromium: an admin opens the published 2024-11 调度期, reads its 通报
// and downloads it, reads the year's 情况报告 (every figure and sentence the seed report states
// about its four projects) and downloads it, edits the 三、下一步 text and sees it in the preview of
// the next publication while the published report keeps its own;
// the report prints to A4 pages. A leader reads both and cannot edit.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { login } from "../helpers";
import { docxParagraphs } from "../../helpers/docx-text";
import { SEED_PROJECT_SENTENCES } from "../../fixtures/seed-report-sentences";

async function download(page: Page, testId = "docx-download"): Promise<{ name: string; paragraphs: string[] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), paragraphs: await docxParagraphs(bytes) };
}

test("an admin reads and downloads the 通报 and the 情况报告 of a published month, and edits the report text", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/periods/2024-11");
  await page.getByTestId("bulletin-link").click();
  await expect(page).toHaveURL(/\/periods\/2024-11\/bulletin$/);

  // the 通报: as of the published month, the county parks ranked, warnings with reasons, issues
  const bulletin = page.getByTestId("bulletin");
  await expect(bulletin.getByRole("heading", { level: 1 })).toHaveText("市工业园区2024年重大项目建设进展情况通报");
  await expect(bulletin.getByTestId("document-as-of")).toContainText("数据截至2024年11月（已发布");
  const ranking = bulletin.getByTestId("bulletin-ranking");
  for (const park of ["会同县园区", "洞口县园区", "溆浦县园区", "新晃县园区"]) await expect(ranking).toContainText(park);
  await expect(bulletin).toContainText("全部4个项目本年累计完成42.3亿元");
  await expect(bulletin.getByTestId("bulletin-warnings")).toContainText("开工晚于计划截止日期2024年4月30日（2024年9月开工）");
  // (the other journeys raise and close issues of their own before this one: the counts vary)
  await expect(bulletin).toContainText(/全年问题台账累计\d+个，已办结\d+个，办结率\d+\.\d%；未办结\d+个，其中逾期\d+个（截至2024年12月5日）/);
  const b = await download(page);
  expect(b.name).toBe("2024年11月重大项目通报.docx");
  expect(b.paragraphs).toContain("市工业园区2024年重大项目建设进展情况通报");
  expect(b.paragraphs).toContain("洞口县园区");
  expect(b.paragraphs.join("\n")).toContain("全部4个项目本年累计完成42.3亿元");

  // the 情况报告 as of the same month
  await page.getByTestId("report-link").click();
  await expect(page).toHaveURL(/\/annual-report\/2024\?month=2024-11$/);
  const report = page.getByTestId("annual-report");
  await expect(report.getByRole("heading", { level: 1 })).toHaveText("市工业园区2024年重大项目情况报告");
  await expect(report.getByTestId("document-as-of")).toContainText("数据截至2024年11月（已发布");
  await expect(report).toContainText("实施市工业园区2024年重大项目50个，总投资133.6亿元，年度计划投资33.6亿元。");
  for (const p of SEED_PROJECT_SENTENCES) {
    const para = report.locator("p", { hasText: p.lead });
    for (const s of p.sentences) await expect(para).toContainText(s);
  }
  const r = await download(page);
  expect(r.name).toBe("市工业园区2024年重大项目情况报告（截至2024年11月）.docx");
  for (const p of SEED_PROJECT_SENTENCES) {
    const para = r.paragraphs.find((x) => x.includes(p.lead)) ?? "";
    for (const s of p.sentences) expect(para, s).toContain(s);
  }

  // it prints to A4 pages (the print stylesheet hides the site's navigation)
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(3);
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync("test-results/annual-report-2024-11.pdf", pdf);
  await page.emulateMedia({ media: "screen" });

  // the admin edits 三、下一步工作计划 (一) and the report says it
  await page.getByTestId("edit-report-text").click();
  await expect(page).toHaveURL(/\/annual-report\/2024\/edit$/);
  const form = page.getByRole("form", { name: "编辑段落（一）" });
  await form.getByLabel("正文").fill("强化组织领导，建立项目推进和调度机制；重点解决好{要素保障}等要素保障。");
  await form.getByRole("button", { name: "保存段落" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存段落「全力推动项目建设」。");
  // the published report keeps the text it was published with; the edit appears from the next publication
  await expect(page.getByTestId("text-next-publication")).toContainText("修改从下一次发布调度期起写入报告");
  const edited = "（一）全力推动项目建设。强化组织领导，建立项目推进和调度机制；重点解决好土地、资金、能源、环保、用水用电等要素保障。";
  await page.goto("/annual-report/2024");
  await expect(page.getByTestId("annual-report")).toContainText("（一）全力推动项目建设。");
  await expect(page.getByTestId("annual-report")).not.toContainText(edited);
  await expect(page.getByTestId("publication-banner")).toContainText("存档的数据");
  // the preview shows it as the next publication will print it
  await page.goto("/annual-report/2024/edit");
  await page.getByTestId("text-preview-link").click();
  await expect(page.getByTestId("text-preview")).toBeVisible();
  await expect(page.getByTestId("annual-report")).toContainText(edited);
});

test("a leader reads the 通报 and the report, and has no way to edit the report text", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await login(page, "leader");
  await page.goto("/annual-report");
  await expect(page).toHaveURL(/\/annual-report\/2024$/);
  await expect(page.getByTestId("annual-report")).toContainText("总投资53.8亿元，于2024年8月开工建设，目前已完成固定资产投资17亿元。");
  await expect(page.getByTestId("edit-report-text")).toHaveCount(0);
  await page.goto("/annual-report/2024/edit");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  const response = await page.request.get("/periods/2024-11/bulletin/docx");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("wordprocessingml");
  expect((await page.request.get("/periods/2024-12/bulletin/docx")).status()).toBe(404);
  expect((await page.request.get("/annual-report/2099")).status()).toBe(404);
  // the URLs before the 情况报告 and the 月报 had qualified names still lead there
  await page.goto("/reports/2024?month=2024-11");
  await expect(page).toHaveURL(/\/annual-report\/2024\?month=2024-11$/);
  const old = await page.request.get("/report/YQ2024-001?month=2024-12", { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toBe("/monthly-report/YQ2024-001?month=2024-12");
});
