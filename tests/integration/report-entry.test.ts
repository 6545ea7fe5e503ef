// The county's report form reads one project-month (getReportEntry) in SQL, and saves, submits and
// reviews write in SQL: the form must show exactly what is stored — the project, its 资金计划, every
// revision newest first with its amounts, 资金到位 and photos in order, who wrote it and when, and the
// report's history — as the ORM's nested reads gave it (the reference below is that read).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request as h } from "../helpers/next-request";

import { getReportEntry } from "@/server/monthly-reports/queries";
import { reviewMonthlyReport, saveMonthlyReport } from "@/server/monthly-reports/service";
import { saveFundingPlan } from "@/server/funding/service";
import { fundingPlanSchema } from "@/lib/schemas/funding";
import { FUNDS_COLUMNS } from "@/domain/funding";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import * as img from "../helpers/images";
import { monthlyReportForm } from "../helpers/monthly-report";

let t: TestDatabase;
let a: Actors;

const CODE = "YQ2024-001";
const MONTH = "2024-12";

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
  h.prisma = t.prisma;
});
afterAll(async () => t?.drop());

/** The same project-month read through the ORM's nested includes (the form's read before it was SQL). */
async function entryByOrm(code: string, month: string) {
  const project = await t.prisma.project.findUniqueOrThrow({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      parkId: true,
      totalInvestment: true,
      actualStartMonth: true,
      actualProductionMonth: true,
      status: true,
      park: { select: { name: true } },
      fundingPlans: { select: { source: true, planned: true } },
    },
  });
  const report = await t.prisma.monthlyReport.findUnique({
    where: { projectId_month: { projectId: project.id, month } },
    include: {
      revisions: {
        orderBy: { revisionNo: "desc" },
        include: {
          createdBy: { select: { displayName: true } },
          photos: { orderBy: { position: "asc" }, select: { photo: { select: { id: true, thumbWidth: true, thumbHeight: true } } } },
        },
      },
      events: { orderBy: { id: "desc" }, include: { user: { select: { displayName: true } } } },
    },
  });
  return {
    project: {
      ...project,
      totalInvestment: project.totalInvestment.toString(),
      fundingPlans: Object.fromEntries(project.fundingPlans.map((f) => [f.source, f.planned.toString()])),
    },
    report: report && {
      id: report.id,
      status: report.status,
      version: report.version,
      returnReason: report.returnReason,
      currentRevisionId: report.currentRevisionId,
      approvedRevisionId: report.approvedRevisionId,
      revisions: report.revisions.map((r) => ({
        id: r.id,
        revisionNo: r.revisionNo,
        monthInvestment: r.monthInvestment?.toString() ?? null,
        cumulativeInvestment: r.cumulativeInvestment.toString(),
        progressText: r.progressText,
        progressStage: r.progressStage,
        actualStartMonth: r.actualStartMonth,
        actualProductionMonth: r.actualProductionMonth,
        explanation: r.explanation,
        funds: Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, r[c]?.toString() ?? null])),
        createdBy: r.createdBy?.displayName ?? "系统导入",
        createdAt: r.createdAt,
        photos: r.photos.map((x) => x.photo),
      })),
      events: report.events.map((e) => ({ id: e.id, action: e.action, toStatus: e.toStatus, reason: e.reason, by: e.user?.displayName ?? "系统", at: e.createdAt })),
    },
  };
}

const file = (name: string, bytes: Buffer) => ({ name, size: bytes.length, bytes: async () => new Uint8Array(bytes) });

describe("the county's report form (getReportEntry)", () => {
  it("before any save: the project with its 资金计划 and no report", async () => {
    const version = (await t.prisma.project.findUniqueOrThrow({ where: { code: CODE } })).version;
    await saveFundingPlan(t.prisma, a.admin, fundingPlanSchema.parse({ code: CODE, version, plan_FISCAL: "50000.5", plan_BANK_LOAN: "150000", plan_SELF_RAISED: "130000.25" }));
    const entry = await getReportEntry(t.prisma, CODE, MONTH);
    expect(entry).toMatchObject(await entryByOrm(CODE, MONTH));
    expect(entry!.project.fundingPlans).toEqual({ FISCAL: "50000.5", BANK_LOAN: "150000", SELF_RAISED: "130000.25" });
    expect(entry!.report).toBeNull();
    expect(entry!.previous).toMatchObject({ month: "2024-11", cumulativeInvestment: "150000" });
    expect(await getReportEntry(t.prisma, "NO-SUCH-CODE", MONTH)).toBeNull();
  });

  it("after a draft with two photos, a submission keeping them in the other order and a return: every revision, photo and event as stored", async () => {
    const first = await img.png(900, 600);
    const second = await img.png(1200, 500);
    const draft = await saveMonthlyReport(
      t.prisma,
      a.huitong,
      monthlyReportForm({ intent: "save", monthInvestment: "5000.5", cumulativeInvestment: "155000.5", fundsFiscal: "30000.5", fundsBank: "80000" }),
      { keep: [], files: [file("a.png", first), file("b.png", second)] },
    );
    const drafted = await getReportEntry(t.prisma, CODE, MONTH);
    const photos = drafted!.report!.revisions[0].photos.map((p) => String(p.id));
    expect(photos).toHaveLength(2);
    await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ version: "1", progressText: "主体厂房封顶，设备进场", fundsFiscal: "31000" }), {
      keep: [...photos].reverse(),
    });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: draft.reportId, version: 2, decision: "return", reason: "请补充设备进场照片" });

    const entry = await getReportEntry(t.prisma, CODE, MONTH);
    expect(entry).toMatchObject(await entryByOrm(CODE, MONTH));
    const report = entry!.report!;
    expect(report).toMatchObject({ status: "RETURNED", version: 3, returnReason: "请补充设备进场照片" });
    // newest first, amounts as typed (not the column's "5000.50"); 资金到位 left empty on the
    // submission is carried from the previous counted month (November: none), not from the draft
    expect(report.revisions.map((r) => [r.revisionNo, r.monthInvestment, r.cumulativeInvestment, r.funds.fundsFiscal, r.funds.fundsBank, r.funds.fundsBond])).toEqual([
      [2, "5000", "155000", "31000", null, null],
      [1, "5000.5", "155000.5", "30000.5", "80000", null],
    ]);
    expect(report.revisions[0].photos.map((p) => String(p.id))).toEqual([...photos].reverse());
    expect(report.revisions[1].photos.map((p) => String(p.id))).toEqual(photos);
    expect(report.revisions[0].photos[0]).toEqual({ id: Number(photos[1]), thumbWidth: expect.any(Number), thumbHeight: expect.any(Number) });
    expect(report.revisions.map((r) => r.createdBy)).toEqual([a.huitong.displayName, a.huitong.displayName]);
    expect(report.revisions[0].createdAt).toBeInstanceOf(Date);
    expect(report.currentRevisionId).toBe(report.revisions[0].id);
    expect(report.events.map((e) => [e.action, e.toStatus, e.by, e.reason])).toEqual([
      ["RETURN", "RETURNED", a.admin.displayName, "请补充设备进场照片"],
      ["SUBMIT", "SUBMITTED", a.huitong.displayName, null],
      ["SAVE", "DRAFT", a.huitong.displayName, null],
    ]);
    expect(report.events[0].at).toBeInstanceOf(Date);
  });
});
