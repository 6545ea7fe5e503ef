// 数据质量 through submit and review, as the office meets it: each of the seven checks is driven by a
// real submit (the county's form with its photos, the Excel import of a 调度表) on real earlier
// months approved through the workflow, a recorded 入统数 and a photo used twice; /review shows
// every flag with its evidence; approving a flagged report is refused without a 核实说明 and
// changes nothing, and with one keeps it (the APPROVE event's reason, the audit entry); an
// unflagged report is approved without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import { reviewMonthlyReport, saveMonthlyReport, VERIFICATION_REQUIRED_MESSAGE, type PhotoChanges } from "@/server/monthly-reports/service";
import { reviewReportAction } from "@/server/monthly-reports/actions";
import { getReviewPage } from "@/server/monthly-reports/review-queries";
import { getReportEntry } from "@/server/monthly-reports/queries";
import { saveStatsFigure } from "@/server/nodes/service";
import { publishPeriod } from "@/server/periods/service";
import { leftBehindConfirmation } from "../helpers/publication";
import { applyImport, previewImport } from "@/server/excel/import-service";
import { scheduleExport } from "@/server/excel/exports";
import { xlsxBuffer } from "@/server/excel/workbook";
import { H } from "@/server/excel/schedule";
import { initialActionState } from "@/server/action-state";
import { ValidationError } from "@/server/errors";
import { statsFigureSchema } from "@/lib/schemas/nodes";
import { QUALITY_KIND_LABEL } from "@/lib/labels";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, sessionToken, type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import { monthlyReportFields, monthlyReportForm } from "../helpers/monthly-report";
import { colOf, loadWorkbook, rowOf, saveWorkbook } from "../helpers/xlsx";
import * as img from "../helpers/images";
import type { Actor } from "@/server/auth/actor";

// The seed's projects, each with the report's 2024-11 figure (approved, 本月 not given):
const A = "YQ2024-001"; // 中伟新材料项目, 会同, 总投资 330,000, 11月累计 150,000
const B = "YQ2024-002"; // 金石资源…, 洞口, 总投资 538,000, 11月累计 170,000
const C = "YQ2024-003"; // 锐业制药…, 溆浦, 总投资 300,000, 11月累计 56,000, 入库 2024-10
const D = "YQ2024-004"; // 华润电力…, 新晃, 总投资 300,000, 11月累计 47,000

describe("数据质量 checks at submit, on /review, and the 核实说明 at approval", () => {
  let t: TestDatabase;
  let a: Actors;
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    h.prisma = t.prisma;
    photo = await img.png();
  });
  afterAll(async () => t?.drop());

  const reportOf = (code: string, month: string) =>
    t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month }, include: { currentRevision: { include: { qualityFlags: true } } } });
  const file = () => ({ name: "现场.png", size: photo.length, bytes: async () => new Uint8Array(photo) });

  /** The county (or office) submits a month through the service, as the form does. */
  async function submit(actor: Actor, code: string, month: string, over: Record<string, string>, photos?: PhotoChanges) {
    const existing = await t.prisma.monthlyReport.findFirst({ where: { project: { code }, month } });
    return saveMonthlyReport(t.prisma, actor, monthlyReportForm({ projectCode: code, month, version: String(existing?.version ?? 0), ...over }), photos);
  }
  async function approve(code: string, month: string, note?: string) {
    const r = await reportOf(code, month);
    return reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "", note });
  }
  /** What /review shows for a report awaiting review: its flags, kind by kind. */
  async function flagsOnReview(code: string, month: string) {
    const queue = await getReviewPage(t.prisma, { status: "SUBMITTED" }, 1);
    const item = queue.items.find((i) => i.projectCode === code && i.month === month);
    expect(item, `${code} ${month} on /review`).toBeDefined();
    return Object.fromEntries(item!.flags.map((f) => [f.kind, f.message]));
  }

  it("real earlier months, approved: an unflagged report is approved without a 核实说明", async () => {
    // 洞口's 金石: August, September at 0 (the photo first used in August); 会同's 中伟: September, October at 3,000
    await submit(a.dongkou, B, "2024-08", { monthInvestment: "0", cumulativeInvestment: "0", progressText: "场地平整" }, { keep: [], files: [file()] });
    await submit(a.dongkou, B, "2024-09", { monthInvestment: "0", cumulativeInvestment: "0", progressText: "办理施工许可" });
    await submit(a.huitong, A, "2024-09", { monthInvestment: "3000", cumulativeInvestment: "140000", progressText: "桩基施工" });
    await submit(a.huitong, A, "2024-10", { monthInvestment: "3000", cumulativeInvestment: "143000", progressText: "主体厂房钢结构吊装" });
    for (const [code, month] of [
      [B, "2024-08"],
      [B, "2024-09"],
      [A, "2024-09"],
      [A, "2024-10"],
    ]) {
      expect(await flagsOnReview(code, month)).toEqual({});
      expect(await approve(code, month)).toBe("APPROVED");
      const r = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
      expect(r.events[0]).toMatchObject({ action: "APPROVE", reason: null });
    }
  });

  it("在建连续零投资: a third month at 0 is flagged; approving it is refused without a 核实说明 and changes nothing", async () => {
    await submit(a.dongkou, B, "2024-10", { monthInvestment: "0", cumulativeInvestment: "0", progressText: "等待设备招标" });
    expect(await flagsOnReview(B, "2024-10")).toEqual({ ZERO_STREAK: "在建项目连续3个月（2024年8月至2024年10月）本月完成投资均为0" });

    const before = await fingerprint(t.prisma);
    const refused = await approve(B, "2024-10").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors).toEqual({ note: [VERIFICATION_REQUIRED_MESSAGE] });
    // blank is no note
    await expect(approve(B, "2024-10", "   ")).rejects.toBeInstanceOf(ValidationError);
    expect(await fingerprint(t.prisma)).toBe(before);

    // the form as the browser posts it: the message lands on the 核实说明 field, nothing is written
    h.token = await sessionToken(t.prisma, a.admin);
    const r = await reportOf(B, "2024-10");
    const fields = { reportId: String(r.id), version: String(r.version), decision: "approve", reason: "" };
    const afterSession = await fingerprint(t.prisma);
    const state = await reviewReportAction(initialActionState, formData(fields));
    expect(state).toMatchObject({ ok: false, fieldErrors: { note: [VERIFICATION_REQUIRED_MESSAGE] } });
    const tooLong = await reviewReportAction(initialActionState, formData({ ...fields, note: "核".repeat(201) }));
    expect(tooLong.fieldErrors?.note).toEqual(["核实说明不能超过200个字"]);
    const twoLines = await reviewReportAction(initialActionState, formData({ ...fields, note: "第一行\n第二行" }));
    expect(twoLines.fieldErrors?.note).toEqual(["核实说明请写成一行（不要换行）"]);
    expect(await fingerprint(t.prisma)).toBe(afterSession);
    expect((await reportOf(B, "2024-10")).status).toBe("SUBMITTED");
  });

  it("with a 核实说明 the flagged report is approved: the note is the APPROVE event's reason, in the audit entry and in the history", async () => {
    const note = "已电话核实：设备招标延期，12月开标";
    h.token = await sessionToken(t.prisma, a.admin);
    const r = await reportOf(B, "2024-10");
    const state = await reviewReportAction(initialActionState, formData({ reportId: String(r.id), version: String(r.version), decision: "approve", reason: "", note }));
    expect(state).toMatchObject({ ok: true, message: "已审核通过，核实说明已记录。" });
    const approved = await t.prisma.monthlyReport.findFirstOrThrow({ where: { id: r.id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(approved.status).toBe("APPROVED");
    expect(approved.approvedRevisionId).toBe(r.currentRevisionId);
    expect(approved.events[0]).toMatchObject({ action: "APPROVE", revisionId: r.currentRevisionId, reason: note });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.approve", entityId: String(r.id) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ status: "APPROVED", verification: note });
    // the report's history and the 已审核 list show it
    const entry = await getReportEntry(t.prisma, B, "2024-10");
    expect(entry!.report!.events[0]).toMatchObject({ action: "APPROVE", reason: note });
    const approvedList = await getReviewPage(t.prisma, { status: "APPROVED", month: "2024-10" }, 1);
    expect(approvedList.items.find((i) => i.projectCode === B)).toMatchObject({ verification: note, flags: [{ kind: "ZERO_STREAK" }] });
    // the flags stay with the revision (never changed)
    expect((await reportOf(B, "2024-10")).currentRevision!.qualityFlags.map((f) => f.kind)).toEqual(["ZERO_STREAK"]);
  });

  it("本月投资突增 and 照片重复使用: the county's December, through the form with a photo already used by another project", async () => {
    const result = await submit(a.huitong, A, "2024-12", { monthInvestment: "40000", cumulativeInvestment: "190000", progressText: "设备安装调试" }, { keep: [], files: [file()] });
    expect(result.status).toBe("SUBMITTED");
    expect(await flagsOnReview(A, "2024-12")).toEqual({
      JUMP: "本月完成投资 40,000万元，是前三个月平均 2,000万元（9月3,000万元、10月3,000万元、11月无数）的 20.0 倍，占总投资 12.1%",
      PHOTO_REUSED: "形象进度照片与「金石资源再生利用及高端制造项目」2024年8月的报表照片相同",
    });
  });

  it("调度数与入统数相差大: a month whose 入统数 is recorded, 20% apart", async () => {
    await saveStatsFigure(t.prisma, a.admin, statsFigureSchema.parse({ code: C, month: "2024-10", cumulativeInvestment: "30000" }));
    await submit(a.admin, C, "2024-10", { monthInvestment: "20000", cumulativeInvestment: "20000", progressText: "土方开挖" });
    expect(await flagsOnReview(C, "2024-10")).toEqual({ STATS_APART: "调度数（累计 20,000万元）与入统数（30,000万元）相差 10,000万元，为入统数的 33.3%" });
  });

  it("累计超过总投资: flagged even though the form's explanation was given", async () => {
    await submit(a.admin, C, "2024-12", { monthInvestment: "100", cumulativeInvestment: "306000", progressText: "主体完工", explanation: "按审计结算更正累计" });
    expect(await flagsOnReview(C, "2024-12")).toEqual({ OVER_TOTAL: "累计完成投资 306,000万元 超过总投资 300,000万元（为总投资的 102.0%）" });
  });

  it("形象进度未更新 and 投资与形象进度不符: one Excel import of two rows, its bad 形象进度阶段 refused first", async () => {
    const exported = await scheduleExport(t.prisma, a.admin, "2024-12", {});
    if (!exported.ok) throw new Error(exported.message);
    const wb = await loadWorkbook(await xlsxBuffer(exported.build));
    const ws = wb.worksheets[0];
    const novemberText = (await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: B }, month: "2024-11" }, include: { currentRevision: true } })).currentRevision!
      .progressText;
    const fill = (s: ExcelJS.Worksheet, stage: string) => {
      const b = rowOf(s, B);
      b.getCell(colOf(s, H.month)).value = 5000;
      b.getCell(colOf(s, H.cumulative)).value = 175000;
      b.getCell(colOf(s, H.progress)).value = novemberText;
      const d = rowOf(s, D);
      d.getCell(colOf(s, H.month)).value = 5000;
      d.getCell(colOf(s, H.cumulative)).value = 52000;
      d.getCell(colOf(s, H.progress)).value = "场地平整，办理规划许可";
      d.getCell(colOf(s, H.stage)).value = stage;
    };
    // a stage that is not one of the seven: an error on that row and column, nothing stored
    fill(ws, "土建");
    const before = await fingerprint(t.prisma);
    const bad = await previewImport(t.prisma, a.admin, { month: "2024-12", fileName: "调度表.xlsx", bytes: await saveWorkbook(wb) });
    expect(bad.ok).toBe(false);
    const dRow = bad.preview!.rows.find((r) => r.code === D)!;
    expect(dRow.errors).toEqual([{ column: "形象进度阶段", message: "「土建」不是形象进度阶段：请填写前期、基础施工、主体施工、主体完工、设备安装、调试、投产之一，或留空" }]);
    expect(await fingerprint(t.prisma)).toBe(before);

    fill(ws, "前期");
    const good = await previewImport(t.prisma, a.admin, { month: "2024-12", fileName: "调度表.xlsx", bytes: await saveWorkbook(wb) });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.preview.counts.change).toBe(2);
    expect(await applyImport(t.prisma, a.admin, good.batchId!)).toMatchObject({ applied: 2 });
    expect((await reportOf(D, "2024-12")).currentRevision!.progressStage).toBe("PRELIMINARY");
    expect(await flagsOnReview(B, "2024-12")).toEqual({ TEXT_UNCHANGED: "形象进度与2024年11月填报的完全相同，但本月完成投资 5,000万元" });
    expect(await flagsOnReview(D, "2024-12")).toEqual({ AHEAD_OF_STAGE: "形象进度为「前期」，累计完成投资占总投资 17.3%，高于该阶段通常的 0%–10%" });
  });

  it("/review lists every awaiting report's flags with their kind", async () => {
    const queue = await getReviewPage(t.prisma, { status: "SUBMITTED" }, 1);
    const kinds = Object.fromEntries(queue.items.map((i) => [`${i.projectCode} ${i.month}`, i.flags.map((f) => QUALITY_KIND_LABEL[f.kind])]));
    expect(kinds).toEqual({
      [`${A} 2024-12`]: ["本月投资突增", "照片重复使用"],
      [`${B} 2024-12`]: ["形象进度未更新"],
      [`${C} 2024-10`]: ["调度数与入统数相差大"],
      [`${C} 2024-12`]: ["累计超过总投资"],
      [`${D} 2024-12`]: ["投资与形象进度不符"],
    });
  });

  it("形象进度阶段 on the form: saved on the revision, part of the unchanged check, in the audit; a bad value is refused on its field", async () => {
    // returned so that the county may change it
    const r = await reportOf(A, "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "return", reason: "请核实设备款" });
    const values = monthlyReportFields({
      projectCode: A,
      version: String(r.version + 1),
      monthInvestment: "40000",
      cumulativeInvestment: "190000",
      progressText: "设备安装调试",
      intent: "save",
    });
    const before = await fingerprint(t.prisma);
    expect(() => monthlyReportForm({ ...values, progressStage: "土建" })).toThrow("形象进度阶段无效");
    h.token = await sessionToken(t.prisma, a.huitong);
    const { saveReportAction } = await import("@/server/monthly-reports/actions");
    const afterSession = await fingerprint(t.prisma);
    const refused = await saveReportAction(initialActionState, formData({ ...values, progressStage: "土建" }));
    expect(refused.fieldErrors?.progressStage).toEqual(["形象进度阶段无效：请从前期、基础施工、主体施工、主体完工、设备安装、调试、投产中选择，或不选"]);
    expect(await fingerprint(t.prisma)).toBe(afterSession);
    expect(afterSession).not.toBe(before); // only the session

    await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ ...values, progressStage: "EQUIPMENT" }));
    const saved = await reportOf(A, "2024-12");
    expect(saved.currentRevision!.progressStage).toBe("EQUIPMENT");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "report.save", entityId: String(saved.id) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ progressStage: "EQUIPMENT" });
    // the same again is refused as unchanged; another stage is a change
    await expect(saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ ...values, version: String(saved.version), progressStage: "EQUIPMENT" }))).rejects.toThrow("没有修改");
    await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ ...values, version: String(saved.version), progressStage: "COMMISSIONING" }));
    expect((await reportOf(A, "2024-12")).currentRevision!.progressStage).toBe("COMMISSIONING");
    // a draft has no flags: only a submitted revision is checked
    expect((await reportOf(A, "2024-12")).currentRevision!.qualityFlags).toEqual([]);
  });
  it("published, each month keeps its approved reports' flags with the 核实说明 — all seven checks through submit, review and publish", async () => {
    // the county submits its December again (returned, then saved as a draft above)
    const draft = await reportOf(A, "2024-12");
    await submit(a.huitong, A, "2024-12", {
      version: String(draft.version),
      monthInvestment: "40000",
      cumulativeInvestment: "190000",
      progressText: "设备安装调试",
      intent: "submit",
    });
    // an 入统数 recorded after 锐业's December was submitted: publishing checks afresh
    await saveStatsFigure(t.prisma, a.admin, statsFigureSchema.parse({ code: C, month: "2024-12", cumulativeInvestment: "200000" }));
    const notes: Record<string, string> = {};
    for (const item of (await getReviewPage(t.prisma, { status: "SUBMITTED" }, 1)).items) {
      notes[`${item.projectCode} ${item.month}`] = `已核实：${item.projectCode} ${item.month}`;
      await approve(item.projectCode, item.month, notes[`${item.projectCode} ${item.month}`]);
    }
    // 洞口's zero October was approved with its note above
    notes[`${B} 2024-10`] = "已电话核实：设备招标延期，12月开标";
    const publish = async (month: string) => {
      const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month } });
      await publishPeriod(t.prisma, a.admin, { month, version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, month) }, "2025-01-08");
      const rows = await t.prisma.$queryRaw<Array<{ code: string; kind: string; verification: string | null }>>`
        SELECT p.code, f.kind::text, f.verification FROM "PublicationQualityFlag" f
          JOIN "PeriodPublication" pub ON pub.id = f."publicationId" JOIN "ReportingPeriod" rp ON rp.id = pub."periodId"
          JOIN "Project" p ON p.id = f."projectId"
         WHERE rp.month = ${month} ORDER BY p.code, f.kind`;
      return rows.map((r) => `${r.code} ${r.kind} ${r.verification === notes[`${r.code} ${month}`] ? "核实说明" : r.verification}`);
    };
    expect(await publish("2024-10")).toEqual([`${B} ZERO_STREAK 核实说明`, `${C} STATS_APART 核实说明`]);
    expect(await publish("2024-12")).toEqual([
      `${A} JUMP 核实说明`,
      `${A} PHOTO_REUSED 核实说明`,
      `${B} TEXT_UNCHANGED 核实说明`,
      `${C} OVER_TOTAL 核实说明`,
      // not flagged when it was submitted: the 入统数 came later, and publishing checks afresh
      `${C} STATS_APART 核实说明`,
      `${D} AHEAD_OF_STAGE 核实说明`,
    ]);
  });
});
