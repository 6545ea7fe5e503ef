// The Excel journey: a county downloads its prefilled template, fills it as in Excel, uploads it,
// reads the per-cell errors, fixes the file, previews and applies; the office approves and
// publishes the month and downloads its 调度表. (Named to run after the other journeys: it
// publishes December, which they report into; it re-opens nothing and works whether December was
// published before or not.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { approveAllPending, login, publishMonth } from "../helpers";
import { docxParagraphs } from "../../helpers/docx-text";

async function as(browser: Browser, username: string) {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await login(page, username);
  return page;
}

async function download(page: Page, link: ReturnType<Page["getByTestId"]>): Promise<{ name: string; wb: ExcelJS.Workbook; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-")), dl.suggestedFilename());
  await dl.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { name: dl.suggestedFilename(), wb, file };
}

function setMonthInvestment(wb: ExcelJS.Workbook, code: string, value: ExcelJS.CellValue) {
  const ws = wb.worksheets[0];
  let col = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (String(c.value).startsWith("本月完成投资")) col = n;
  });
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === code) ws.getRow(r).getCell(col).value = value;
}

test("a county imports its 调度表 from Excel; the office approves and publishes it, and downloads the month's 调度表, 通报 and 情况报告", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await approveAllPending(admin);
  await admin.goto("/periods/2024-12");
  if ((await admin.getByTestId("period-status").textContent())?.includes("已发布")) {
    await admin.getByLabel("重新开放原因（必填，记入操作日志和下次发布）").fill("会同县园区通过Excel更正本月数字");
    await admin.getByRole("button", { name: "重新开放" }).click();
    await expect(admin.getByTestId("period-status")).toContainText("填报中");
  }

  const county = await as(browser, "huitong");
  await county.getByRole("link", { name: "月度填报", exact: true }).click();
  await county.getByTestId("import-link").click();
  await expect(county.getByRole("heading", { level: 1 })).toHaveText("导入调度表（Excel）· 2024年12月");

  // the prefilled template: its own park's project with last month's cumulative
  const template = await download(county, county.getByTestId("template-link"));
  expect(template.name).toBe("2024年12月调度表导入模板-会同县园区.xlsx");
  const ws = template.wb.worksheets[0];
  expect(String(ws.getCell("A1").value)).toBe("2024年12月重大项目调度表（会同县园区）导入模板");
  expect(ws.getRow(4).getCell(2).value).toBe("YQ2024-001");

  // typed with full-width digits, as an input method might: refused per cell, nothing imported
  setMonthInvestment(template.wb, "YQ2024-001", "４５００");
  const bad = template.file.replace(/\.xlsx$/, "-1.xlsx");
  await template.wb.xlsx.writeFile(bad);
  await county.getByLabel("填好的调度表（.xlsx，不超过 5 MB）").setInputFiles(bad);
  await county.getByRole("button", { name: "上传并预览" }).click();
  await expect(county.getByRole("alert").first()).toHaveText("有 1 行有错误，整个文件未导入：请按下表修改后重新上传。");
  const error = county.getByTestId("upload-error");
  await expect(error).toHaveCount(1);
  await expect(error).toContainText("第4行");
  await expect(error).toContainText("本月完成投资（万元）");
  await expect(error).toContainText("「４５００」含全角数字或符号：请改为半角数字");

  // fixed: only 本月 typed, 累计 left as prefilled → 上期累计 150,000 + 4,500
  setMonthInvestment(template.wb, "YQ2024-001", 4500);
  const good = template.file.replace(/\.xlsx$/, "-2.xlsx");
  await template.wb.xlsx.writeFile(good);
  await county.getByLabel("填好的调度表（.xlsx，不超过 5 MB）").setInputFiles(good);
  await county.getByRole("button", { name: "上传并预览" }).click();
  await expect(county).toHaveURL(/\/imports\/[0-9]+$/);
  await expect(county.getByTestId("batch-summary")).toContainText("1个项目的本月数字将改变");
  // plain Chinese: the county reads no file checksum (an administrator finds it under 详情)
  await expect(county.locator("main")).not.toContainText("SHA-256");
  await expect(county.getByTestId("batch-checksum")).toHaveCount(0);
  const row = county.getByTestId("preview-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("YQ2024-001");
  await expect(row).toContainText("154,500");
  await expect(row).toContainText("累计按上期（2024年11月）累计 150,000万元 + 本月计算");
  await county.getByRole("button", { name: /确认导入/ }).click();
  await expect(county.getByRole("status")).toHaveText("已导入：2024年12月1个项目的月报已提交，等待园区审核。");

  // the office reviews it like any submitted report, then publishes the month
  await admin.goto("/review");
  const item = admin.getByTestId("review-YQ2024-001-2024-12");
  await expect(item.getByRole("row", { name: /本次报送/ })).toContainText("154,500");
  // run alone, 形象进度 is left as the template prefilled it (November's) while 本月 > 0: a 数据质量提示,
  // approved with a 核实说明 (after the other journeys the month's own text is prefilled instead)
  const note = item.getByLabel(/^核实说明/);
  const flagged = (await note.count()) > 0;
  if (flagged) {
    await expect(item.getByTestId("quality-flags")).toContainText("形象进度未更新：形象进度与2024年11月填报的完全相同，但本月完成投资 4,500万元");
    await note.fill("已电话核实：本月以设备款支付为主，现场形象进度无明显变化");
  }
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(item.getByRole("status")).toHaveText(flagged ? "已审核通过，核实说明已记录。" : "已审核通过。");
  await publishMonth(admin, "2024-12");

  // the month's 调度表 as the office downloads it
  const schedule = await download(admin, admin.getByTestId("schedule-export"));
  expect(schedule.name).toBe("2024年12月调度表.xlsx");
  const sheet = schedule.wb.worksheets[0];
  expect(String(sheet.getCell("A1").value)).toBe("2024年12月重大项目调度表");
  expect(String(sheet.getCell("A2").value)).toMatch(/^已发布：/);
  let found = false;
  sheet.eachRow((r) => {
    if (r.getCell(2).value === "YQ2024-001") {
      found = true;
      expect(r.getCell(10).value).toBe(4500);
      expect(r.getCell(14).value).toBe(154500); // 开工至今累计 (after 本年累计 and its like-for-like column)
    }
  });
  expect(found).toBe(true);

  // and the month's 通报 and the year's 情况报告, as of the month just published, as Word files
  const docx = async (testId: string) => {
    const [file] = await Promise.all([admin.waitForEvent("download"), admin.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), paragraphs: await docxParagraphs(fs.readFileSync(await file.path())) };
  };
  await admin.goto("/periods/2024-12");
  await admin.getByTestId("bulletin-link").click();
  await expect(admin.getByTestId("document-as-of")).toContainText("数据截至2024年12月（已发布");
  const bulletin = await docx("docx-download");
  expect(bulletin.name).toBe("2024年12月重大项目通报.docx");
  expect(bulletin.paragraphs.join("\n")).toContain("数据截至2024年12月");
  await admin.goto("/periods/2024-12");
  await admin.getByTestId("report-link").click();
  const report = await docx("docx-download");
  expect(report.name).toBe("市工业园区2024年重大项目情况报告（截至2024年12月）.docx");
  // the imported December figure is the one the report states: 150,000 + 4,500 = 15.45亿元
  expect(report.paragraphs.join("\n")).toContain("目前已完成固定资产投资15.45亿元");
});
