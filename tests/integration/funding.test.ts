// 资金到位 by source (issue #21, item 2), as the office and a county check it: the funding plan the
// office keeps per source, the money in place per source a county reports with its month (a source
// left empty keeps last month's amount), the 数据质量 prompt when investment runs ahead of the money,
// and the published 资金到位率 per project, park and the whole list — frozen with the publication.
import { describe, expect, it } from "vitest";
import { request as h } from "../helpers/next-request";
import { useSeededDatabase } from "../helpers/seeded";
import type { TestDatabase } from "../helpers/db";
import type { Actors } from "../helpers/actors";
import { monthlyReportForm } from "../helpers/monthly-report";
import { leftBehindConfirmation } from "../helpers/publication";
import { saveFundingPlan } from "@/server/funding/service";
import { fundingPlanSchema } from "@/lib/schemas/funding";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/monthly-reports/service";
import { publishPeriod } from "@/server/periods/service";
import { getFundingGaps, getPublicationFunding } from "@/server/funding/queries";
import { fundingRate, fundingRateScope, fundingRateSql, fundingScopeSums, fundingScopeSumsSql, fundsInPlace, fundsInPlaceSql } from "@/domain/funding";
import { Prisma } from "@/generated/prisma/client";
import { previousCountedFigure } from "@/server/monthly-reports/counted-revision";
import { Decimal } from "@/lib/money";
import type ExcelJS from "exceljs";
import { fingerprint } from "../helpers/fingerprint";
import { colOf, editSheet, exportedFile, exportedSheet, rowOf } from "../helpers/xlsx";
import { scheduleExport, templateExport } from "@/server/excel/exports";
import { applyImport, previewImport } from "@/server/excel/import-service";
import { H } from "@/server/excel/schedule";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import type { Actor } from "@/server/auth/actor";
import { acknowledgeIssue, addIssueProgress, assignIssue, closeIssue, createIssue } from "@/server/issues/service";
import { acknowledgeIssueSchema, assignIssueSchema, closeIssueSchema, createIssueSchema, issueProgressSchema } from "@/lib/schemas/issue";

describe("资金到位 by source", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

  const version = async (code: string) => String((await t.prisma.project.findUniqueOrThrow({ where: { code } })).version);
  const reportVersion = async (code: string, month: string) => String((await t.prisma.monthlyReport.findFirst({ where: { project: { code }, month } }))?.version ?? 0);
  const currentRevision = async (code: string, month: string) => {
    const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month }, include: { currentRevision: { include: { qualityFlags: true } } } });
    return r.currentRevision!;
  };
  const amounts = (r: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r[k] == null ? null : String(r[k])]));
  const FUNDS = ["fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther"];

  it("the office keeps a project's funding plan by source, audited; a county may not", async () => {
    await saveFundingPlan(
      t.prisma,
      a.admin,
      fundingPlanSchema.parse({ code: "YQ2024-001", version: await version("YQ2024-001"), plan_FISCAL: "50000", plan_BANK_LOAN: "150000", plan_SELF_RAISED: "130000" }),
    );
    const plans = await t.prisma.projectFundingPlan.findMany({ where: { project: { code: "YQ2024-001" } }, orderBy: { source: "asc" } });
    expect(plans.map((p) => [p.source, p.planned.toString()])).toEqual([
      ["FISCAL", "50000"],
      ["BANK_LOAN", "150000"],
      ["SELF_RAISED", "130000"],
    ]);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "project.funding-plan" }, orderBy: { id: "desc" } });
    expect(entry.after).toMatchObject({ planFiscal: "50000", planBank: "150000", planSelf: "130000" });
    await expect(saveFundingPlan(t.prisma, a.huitong, fundingPlanSchema.parse({ code: "YQ2024-001", version: await version("YQ2024-001"), plan_FISCAL: "1" }))).rejects.toThrow();
    expect(await t.prisma.projectFundingPlan.count({ where: { project: { code: "YQ2024-001" }, source: "FISCAL", planned: 1 } })).toBe(0);
  });

  it("a county's month stores the money in place by source, in the revision and its audit entry", async () => {
    await saveMonthlyReport(
      t.prisma,
      a.huitong,
      monthlyReportForm({ version: await reportVersion("YQ2024-001", "2024-12"), fundsFiscal: "30000", fundsBank: "80000", fundsSelf: "20000" }),
    );
    const rev = await currentRevision("YQ2024-001", "2024-12");
    expect(amounts(rev, FUNDS)).toEqual({ fundsFiscal: "30000", fundsBond: null, fundsBank: "80000", fundsSelf: "20000", fundsOther: null });
    // 开累 155,000 against 130,000 in place: 19.2% over, under the 20% of the 数据质量 check
    expect(rev.qualityFlags.map((f) => f.kind)).not.toContain("FUNDS_SHORT");
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.submit" }, orderBy: { id: "desc" } });
    expect(entry.after).toMatchObject({ fundsFiscal: "30000", fundsBank: "80000", fundsSelf: "20000", fundsOther: null });
  });

  it("a source left empty keeps the previous month's amount; investment beyond the money in place is prompted", async () => {
    const dec = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: dec.id, version: dec.version, decision: "approve", reason: "", note: "已核实到位资金凭证" });
    await saveMonthlyReport(
      t.prisma,
      a.huitong,
      monthlyReportForm({ month: "2025-01", monthInvestment: "1000", cumulativeInvestment: "156000", intent: "save", version: "0", fundsBank: "90000" }),
    );
    expect(amounts(await currentRevision("YQ2024-001", "2025-01"), FUNDS)).toEqual({
      fundsFiscal: "30000",
      fundsBond: null,
      fundsBank: "90000",
      fundsSelf: "20000",
      fundsOther: null,
    });
    // submitted with 银行贷款 50,000: 100,000 in place against 156,000 completed (56% over)
    await saveMonthlyReport(
      t.prisma,
      a.huitong,
      monthlyReportForm({ month: "2025-01", monthInvestment: "1000", cumulativeInvestment: "156000", version: await reportVersion("YQ2024-001", "2025-01"), fundsBank: "50000" }),
    );
    const flag = (await currentRevision("YQ2024-001", "2025-01")).qualityFlags.find((f) => f.kind === "FUNDS_SHORT");
    expect(flag?.message).toBe("累计完成投资 156,000万元 超过累计到位资金 100,000万元，多出 56,000万元，为到位资金的 56.0%");
  });

  it("a refused save stores no money in place", async () => {
    const before = await t.prisma.monthlyReportRevision.count();
    await expect(saveMonthlyReport(t.prisma, a.dongkou, monthlyReportForm({ version: await reportVersion("YQ2024-001", "2024-12"), fundsFiscal: "1" }))).rejects.toThrow();
    expect(await t.prisma.monthlyReportRevision.count()).toBe(before);
  });

  it("publishing freezes 资金到位率 per project, park and list, like for like over the projects with a plan", async () => {
    // 金石 (洞口) has a plan and has stated no money in place: it counts 0 in place
    await saveFundingPlan(t.prisma, a.admin, fundingPlanSchema.parse({ code: "YQ2024-002", version: await version("YQ2024-002"), plan_SPECIAL_BOND: "100000" }));
    // 锐业 (溆浦) states money in place without a plan: in the all-projects sum, outside the rate
    const xupu = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-003" } });
    const prev = await previousCountedFigure(t.prisma, xupu.id, "2024-12");
    await saveMonthlyReport(
      t.prisma,
      a.admin,
      monthlyReportForm({
        projectCode: "YQ2024-003",
        monthInvestment: "100",
        cumulativeInvestment: new Decimal(prev?.cumulativeInvestment ?? 0).plus(100).toString(),
        version: await reportVersion("YQ2024-003", "2024-12"),
        fundsSelf: "70000",
      }),
    );
    for (const r of await t.prisma.monthlyReport.findMany({ where: { month: "2024-12", status: "SUBMITTED" } })) {
      await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "", note: "已核实到位资金凭证" });
    }
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
    await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") }, "2025-01-08");
    const pub = await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: "2024-12" } }, orderBy: { id: "desc" } });
    const fig = await t.prisma.projectFigure.findFirstOrThrow({ where: { publicationId: pub.id, code: "YQ2024-001" } });
    expect(amounts(fig, ["fundingPlanned", ...FUNDS, "fundingInPlace", "fundingRate"])).toEqual({
      fundingPlanned: "330000",
      fundsFiscal: "30000",
      fundsBond: null,
      fundsBank: "80000",
      fundsSelf: "20000",
      fundsOther: null,
      fundingInPlace: "130000",
      fundingRate: "39.39",
    });
    const f = await getPublicationFunding(t.prisma, pub.id);
    expect(f.counted).toBe(true);
    expect(f.total).toMatchObject({ withFundingPlan: 2, fundingPlanned: "430000", fundingInPlaceOfPlanned: "130000", fundingInPlace: "200000" });
    expect(fundingRateScope(f.total)).toBe("有资金计划的2个项目：到位资金13亿元 ÷ 计划资金43亿元 = 30.2%");
    const byPark = Object.fromEntries(f.parks.map((p) => [p.parkName, [p.fundingInPlaceOfPlanned, p.fundingPlanned, p.rate === null ? null : Number(p.rate).toFixed(1)]]));
    expect(byPark["会同县园区"]).toEqual(["130000", "330000", "39.4"]);
    expect(byPark["洞口县园区"]).toEqual(["0", "100000", "0.0"]);
    expect(byPark["溆浦县园区"]).toEqual(["0", "0", null]);
    const ruiye = await t.prisma.projectFigure.findFirstOrThrow({ where: { publicationId: pub.id, code: "YQ2024-003" } });
    expect(amounts(ruiye, ["fundingPlanned", "fundingInPlace", "fundingRate"])).toEqual({ fundingPlanned: null, fundingInPlace: "70000", fundingRate: null });

    // the 通报 states it, from the same frozen figures
    const bulletin = writeBulletin((await loadBulletin(t.prisma, "2024-12"))!);
    const text = JSON.stringify(bulletin.blocks);
    expect(text).toContain("八、资金到位");
    expect(text).toContain("资金到位率30.2%（有资金计划的2个项目：到位资金13亿元 ÷ 计划资金43亿元 = 30.2%）。全部4个项目累计到位资金20亿元（含未录入资金计划的2个项目）。");
    const table = bulletin.blocks.find((b) => b.kind === "table" && b.testId === "bulletin-funding");
    expect(table?.kind === "table" && table.rows.find((r) => r[0] === "会同县园区")).toEqual(["会同县园区", "1", "33", "13", "39.4"]);

    // so does the 情况报告, under 一、（四）, after 投产项目效益
    const report = writeAnnualReport((await loadAnnualReport(t.prisma, 2024, "2024-12"))!);
    const headings = report.blocks.filter((b) => b.kind === "h2").map((b) => b.text);
    expect(headings.slice(0, 4)).toEqual(["（一）市工业园区2024年重大项目计划", "（二）市工业园区2024年重大项目完成情况", "（三）投产项目效益", "（四）资金到位情况"]);
    expect(JSON.stringify(report.blocks)).toContain("资金到位率30.2%（有资金计划的2个项目：到位资金13亿元 ÷ 计划资金43亿元 = 30.2%）。");

    // frozen: a later plan change and a later month change nothing the publication says
    await saveFundingPlan(t.prisma, a.admin, fundingPlanSchema.parse({ code: "YQ2024-001", version: await version("YQ2024-001"), plan_FISCAL: "1" }));
    expect(await getPublicationFunding(t.prisma, pub.id)).toEqual(f);
    expect(writeBulletin((await loadBulletin(t.prisma, "2024-12"))!)).toEqual(bulletin);
    expect(writeAnnualReport((await loadAnnualReport(t.prisma, 2024, "2024-12"))!)).toEqual(report);
    expect((await t.prisma.projectFigure.findFirstOrThrow({ where: { publicationId: pub.id, code: "YQ2024-001" } })).fundingPlanned?.toString()).toBe("330000");
  });
});

describe("资金到位 in the 调度表: the import's optional columns and the export's", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);
  const MONTH = "2024-12";

  const template = async () => exportedFile(await templateExport(t.prisma, a.huitong, { month: MONTH }));
  const preview = (bytes: Buffer) => previewImport(t.prisma, a.huitong, { month: MONTH, fileName: "会同.xlsx", bytes });
  const revisionFunds = async () => {
    const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: MONTH }, include: { currentRevision: true } });
    const rv = r.currentRevision!;
    return [rv.fundsFiscal, rv.fundsBond, rv.fundsBank, rv.fundsSelf, rv.fundsOther].map((d) => d?.toString() ?? null);
  };

  it("a bad amount in a source's column is refused on its cell, nothing stored; a header in 亿元 is refused", async () => {
    const before = await fingerprint(t.prisma);
    const file = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(colOf(s, H.month)).value = 5000;
      r.getCell(colOf(s, H.fundsBank)).value = -5;
    });
    const result = await preview(file);
    expect(result.ok).toBe(false);
    expect(result.preview?.rows[0].errors).toContainEqual({ column: H.fundsBank, message: "银行贷款累计到位不能为负数" });
    const yi = await preview(await editSheet(await template(), (s) => (s.getRow(3).getCell(colOf(s, H.fundsFiscal)).value = "财政资金累计到位（亿元）")));
    expect(yi.ok ? "" : yi.message).toMatch(/“财政资金累计到位（亿元）”的单位是亿元/);
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("round trip: the template's source columns import into the revision; a file without them keeps the amounts", async () => {
    const file = await editSheet(await template(), (s) => {
      const r = rowOf(s, "YQ2024-001");
      r.getCell(colOf(s, H.month)).value = 5000;
      r.getCell(colOf(s, H.fundsFiscal)).value = 30000;
      r.getCell(colOf(s, H.fundsBank)).value = "80,000";
    });
    const result = await preview(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.rows[0].after?.funds).toEqual({ fundsFiscal: "30000", fundsBond: null, fundsBank: "80000", fundsSelf: null, fundsOther: null });
    await applyImport(t.prisma, a.huitong, result.batchId!);
    expect(await revisionFunds()).toEqual(["30000", null, "80000", null, null]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.submit" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ fundsFiscal: "30000", fundsBank: "80000" });

    // returned, then a file without the five columns (an older template) changes 形象进度 only
    const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: MONTH } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: report.id, version: report.version, decision: "return", reason: "请补充形象进度" });
    const older = await editSheet(await template(), (s) => {
      s.spliceColumns(colOf(s, H.fundsFiscal), 5);
      rowOf(s, "YQ2024-001").getCell(colOf(s, H.progress)).value = "主体厂房封顶，设备进场";
    });
    const again = await preview(older);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    await applyImport(t.prisma, a.huitong, again.batchId!);
    expect(await revisionFunds()).toEqual(["30000", null, "80000", null, null]);
  });

  it("the published 调度表 gives the plan, each source, the sum and the rate, with 小计 and 合计 like for like", async () => {
    await saveFundingPlan(
      t.prisma,
      a.admin,
      fundingPlanSchema.parse({
        code: "YQ2024-001",
        version: String((await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } })).version),
        plan_FISCAL: "100000",
        plan_BANK_LOAN: "100000",
      }),
    );
    for (const r of await t.prisma.monthlyReport.findMany({ where: { month: MONTH, status: "SUBMITTED" } })) {
      await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "", note: "已核实到位资金凭证" });
    }
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: MONTH } });
    await publishPeriod(t.prisma, a.admin, { month: MONTH, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, MONTH) }, "2025-01-08");
    const ws = await exportedSheet(await scheduleExport(t.prisma, a.admin, MONTH, {}));
    const row = rowOf(ws, "YQ2024-001");
    const cell = (r: ExcelJS.Row, header: string) => r.getCell(colOf(ws, header)).value;
    expect([H.fundingPlanned, H.fundsFiscal, H.fundsBank, H.fundsSelf, H.fundingInPlace, H.fundingOfPlanned, H.fundingRate].map((c) => cell(row, c))).toEqual([
      200000,
      30000,
      80000,
      null,
      110000,
      110000,
      0.55,
    ]);
    // a project without a plan: its money (none here) is outside the rate; the 合计 recomputes from its own columns
    expect(cell(rowOf(ws, "YQ2024-002"), H.fundingRate)).toBeNull();
    let total: ExcelJS.Row | null = null;
    ws.eachRow((r) => {
      if (r.getCell(3).value === "合计") total = r;
    });
    expect([H.fundingPlanned, H.fundingInPlace, H.fundingOfPlanned, H.fundingRate].map((c) => cell(total!, c))).toEqual([200000, 110000, 110000, 0.55]);
  });
});

describe("资金缺口 in the issue ledger (#21 item 3)", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);
  let n = 0;
  const raise = (actor: Actor, over: Record<string, string>) =>
    createIssue(t.prisma, actor, createIssueSchema.parse({ projectCode: "YQ2024-001", subCategory: "FINANCING", title: `资金缺口${++n}`, description: "银行授信未到位", ...over }));

  it("an issue under 资金问题 names its source and 缺口, audited; the ledger sums open 缺口 by source and park in SQL", async () => {
    const before = await getFundingGaps(t.prisma, 2024);
    const first = await raise(a.huitong, { fundingSource: "BANK_LOAN", fundingGap: "20000" });
    expect([first.fundingSource, first.fundingGap?.toString()]).toEqual(["BANK_LOAN", "20000"]);
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "issue.create", entityId: String(first.id) } });
    expect(entry.after).toMatchObject({ fundingSource: "BANK_LOAN", fundingGap: "20000" });
    await raise(a.huitong, { fundingSource: "BANK_LOAN", fundingGap: "5000.5" });
    await raise(a.dongkou, { projectCode: "YQ2024-002", fundingSource: "BANK_LOAN", fundingGap: "10000" });
    await raise(a.dongkou, { projectCode: "YQ2024-002", fundingSource: "SPECIAL_BOND", fundingGap: "30000" });
    await raise(a.admin, { projectCode: "YQ2024-002", fundingGap: "1000" });
    // closed: no longer short
    const closed = await raise(a.admin, { projectCode: "YQ2024-002", fundingSource: "SPECIAL_BOND", fundingGap: "99999" });
    await closeIssue(t.prisma, a.admin, closeIssueSchema.parse({ issueId: String(closed.id), version: String(closed.version), resolution: "专项债券已下达" }));

    const gaps = await getFundingGaps(t.prisma, 2024);
    expect(before.total.issues).toBe(0);
    expect(gaps.total).toMatchObject({ issues: 5, gap: "66000.5" });
    expect(Object.fromEntries(gaps.bySource.map((r) => [r.source ?? "未注明", [r.issues, r.gap]]))).toEqual({
      SPECIAL_BOND: [1, "30000"],
      BANK_LOAN: [3, "35000.5"],
      未注明: [1, "1000"],
    });
    const byPark = Object.fromEntries(gaps.byParkAndSource.map((r) => [`${r.parkName}·${r.source ?? "未注明"}`, [r.issues, r.gap]]));
    expect(byPark).toEqual({
      "会同县园区·BANK_LOAN": [2, "25000.5"],
      "洞口县园区·BANK_LOAN": [1, "10000"],
      "洞口县园区·SPECIAL_BOND": [1, "30000"],
      "洞口县园区·未注明": [1, "1000"],
    });
    expect((await getFundingGaps(t.prisma, 2024, { includeClosed: true })).total.gap).toBe("165999.5");
  });

  it("办理进展 states the 缺口 as money arrives: the issue keeps the new amount, the note says from what to what; other issues refuse it", async () => {
    const issue = await raise(a.huitong, { fundingSource: "BANK_LOAN", fundingGap: "20000" });
    const assigned = await assignIssue(
      t.prisma,
      a.admin,
      assignIssueSchema.parse({ issueId: String(issue.id), version: String(issue.version), responsibleUnit: "市金融办", responsibleLeader: "李副市长", dueDate: "2099-01-31" }),
    );
    const acked = await acknowledgeIssue(t.prisma, a.huitong, acknowledgeIssueSchema.parse({ issueId: String(issue.id), version: String(assigned.version), note: "" }));
    const progress = (actor: Actor, id: number, version: number, over: Record<string, string>) =>
      addIssueProgress(t.prisma, actor, issueProgressSchema.parse({ issueId: String(id), version: String(version), text: "银行首笔贷款已放款", ...over }));
    const gapBefore = (await getFundingGaps(t.prisma, 2024)).total.gap;

    const moved = await progress(a.huitong, issue.id, acked.version, { fundingGap: "8000" });
    expect(moved.fundingGap?.toString()).toBe("8000");
    const note = await t.prisma.issueUpdate.findFirstOrThrow({ where: { issueId: issue.id, action: "progress" }, orderBy: { id: "desc" } });
    expect(note.text).toBe("银行首笔贷款已放款（资金缺口：20,000万元 → 8,000万元）");
    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "issue.progress", entityId: String(issue.id) }, orderBy: { id: "desc" } });
    expect([(entry.before as { fundingGap: string }).fundingGap, (entry.after as { fundingGap: string }).fundingGap]).toEqual(["20000", "8000"]);
    expect(new Decimal(gapBefore).minus((await getFundingGaps(t.prisma, 2024)).total.gap).toString()).toBe("12000");

    // a note without an amount keeps the 缺口
    const kept = await progress(a.huitong, issue.id, moved.version, { text: "第二笔贷款审批中" });
    expect(kept.fundingGap?.toString()).toBe("8000");

    // refused, nothing changed: a 缺口 on an issue not under 资金问题, and an amount that is not one
    const talent = await createIssue(
      t.prisma,
      a.admin,
      createIssueSchema.parse({ projectCode: "YQ2024-001", subCategory: "TALENT", title: "用工短缺", description: "技术工人不足" }),
    );
    const talentAssigned = await assignIssue(
      t.prisma,
      a.admin,
      assignIssueSchema.parse({ issueId: String(talent.id), version: String(talent.version), responsibleUnit: "市人社局", responsibleLeader: "张副市长", dueDate: "2099-01-31" }),
    );
    const talentAcked = await acknowledgeIssue(
      t.prisma,
      a.huitong,
      acknowledgeIssueSchema.parse({ issueId: String(talent.id), version: String(talentAssigned.version), note: "" }),
    );
    const snapshot = await fingerprint(t.prisma);
    await expect(progress(a.huitong, talent.id, talentAcked.version, { fundingGap: "100" })).rejects.toMatchObject({
      fieldErrors: { fundingGap: ["资金缺口只用于“资金问题”类别的问题：请清空这一项"] },
    });
    const bad = issueProgressSchema.safeParse({ issueId: String(issue.id), version: String(kept.version), text: "x", fundingGap: "三千" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["fundingGap", expect.stringContaining("资金缺口")]]);
    expect(await fingerprint(t.prisma)).toBe(snapshot);
  });

  it("the database refuses a 缺口 on an issue not under 资金问题 (CHECK), whatever the form", async () => {
    const issue = await raise(a.admin, {});
    await expect(t.prisma.$executeRawUnsafe(`UPDATE "Issue" SET category = 'FACTOR', "subCategory" = 'TALENT', "fundingGap" = 1 WHERE id = ${issue.id}`)).rejects.toThrow();
  });
});

describe("资金到位's SQL twins give the TypeScript answers", () => {
  let t: TestDatabase;
  useSeededDatabase((db) => (t = db));
  it("fundsInPlaceSql, fundingScopeSumsSql and fundingRateSql", async () => {
    const rows = [
      { fundingPlanned: "300", funds: ["50", null, "50", null, null] },
      { fundingPlanned: "100", funds: [null, null, null, null, null] },
      { fundingPlanned: null, funds: [null, null, null, "70", null] },
      { fundingPlanned: "0", funds: ["0", null, null, null, null] },
    ];
    const values = Prisma.join(rows.map((r) => Prisma.sql`(${r.fundingPlanned}::numeric, ${Prisma.join(r.funds.map((f) => Prisma.sql`${f}::numeric`))})`));
    const sums = fundingScopeSumsSql(Prisma.sql`v.planned`, fundsInPlaceSql("v"));
    const [sql] = await t.prisma.$queryRaw<Array<Record<string, Prisma.Decimal | number | null>>>(Prisma.sql`
      SELECT ${sums.fundingPlanned} AS "fundingPlanned", ${sums.withFundingPlan} AS "withFundingPlan",
             ${sums.fundingInPlaceOfPlanned} AS "fundingInPlaceOfPlanned", ${sums.fundingInPlace} AS "fundingInPlace",
             ${fundingRateSql(sums.fundingInPlaceOfPlanned, sums.fundingPlanned)} AS rate,
             array_agg(${fundsInPlaceSql("v")}::text ORDER BY v.planned NULLS LAST) AS each
        FROM (VALUES ${values}) AS v(planned, "fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther")`);
    const ts = fundingScopeSums(rows.map((r) => ({ fundingPlanned: r.fundingPlanned, fundingInPlace: fundsInPlace(r.funds) })));
    expect([String(sql.fundingPlanned), sql.withFundingPlan, String(sql.fundingInPlaceOfPlanned), String(sql.fundingInPlace)]).toEqual([
      ts.fundingPlanned.toString(),
      ts.withFundingPlan,
      ts.fundingInPlaceOfPlanned.toString(),
      ts.fundingInPlace.toString(),
    ]);
    expect(new Decimal(String(sql.rate)).toFixed(6)).toBe(fundingRate(ts)!.toFixed(6));
    expect(sql.each).toEqual(expect.arrayContaining(["0", null, "100", "70"].map((x) => (x === null ? null : expect.stringMatching(new RegExp(`^${x}(\\.0+)?$`))))));
  });
});
