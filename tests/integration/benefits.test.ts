// 效益填报 (达产与效益): a county enters a year's benefits of its own project in production, the
// office reviews it like a monthly report (草稿 → 已提交 → 已审核 / 退回), every revision kept and
// every step audited; what counts on the project page is the approved revision, against the
// promise with its qualifier.
import { describe, expect, it } from "vitest";
import { request as h } from "../helpers/next-request";

import { reviewBenefitReport, saveBenefitReport, SUBMITTED_LOCKED_MESSAGE } from "@/server/benefits/service";
import { getBenefitReviewQueue, getFullProductionCounts, getProjectBenefits } from "@/server/benefits/queries";
import { fullProductionState, fullProductionStateSql } from "@/domain/benefits";
import { benefitConfig } from "@/domain/benefit-config";
import { Prisma } from "@/generated/prisma/client";
import { benefitReportSchema } from "@/lib/schemas/benefits";
import { ConflictError, StateError, ValidationError } from "@/server/errors";
import { AuthError } from "@/server/auth/permissions";
import type { TestDatabase } from "../helpers/db";
import type { Actors } from "../helpers/actors";
import { useSeededDatabase } from "../helpers/seeded";
import { benefitFields, producingProject, PRODUCING_CODE } from "../helpers/benefits";
import { fingerprint } from "../helpers/fingerprint";
import { getTodoBadge, getTodoCounts, listBenefitTodos } from "@/server/todo/queries";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

const form = (over: Record<string, string> = {}) => benefitReportSchema.parse(benefitFields(over));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("效益填报: the county enters, the office reviews", () => {
  it("draft → submitted → returned → corrected → approved: three revisions kept, each step audited; the approved figures count", async () => {
    await producingProject(t.prisma, a.huitong.parkId!);
    const audit0 = await t.prisma.auditLog.count();
    const saved = await saveBenefitReport(t.prisma, a.huitong, form({ output: "300000" }));
    expect(saved).toMatchObject({ revisionNo: 1, status: "DRAFT" });
    const submitted = await saveBenefitReport(t.prisma, a.huitong, form({ intent: "submit", version: "1" }));
    expect(submitted).toMatchObject({ revisionNo: 2, status: "SUBMITTED" });
    // a submitted report is locked for the county until the office has decided
    expect(await refusal(saveBenefitReport(t.prisma, a.huitong, form({ output: "1", version: "2" })))).toEqual(new StateError(SUBMITTED_LOCKED_MESSAGE));
    // a draft never counts
    expect((await getProjectBenefits(t.prisma, PRODUCING_CODE))!.reports[0].approved).toBeNull();
    const queue = await getBenefitReviewQueue(t.prisma);
    expect(queue.items.map((i) => [i.projectCode, i.label, i.revisionNo])).toEqual([[PRODUCING_CODE, "2025年", 2]]);

    expect(await reviewBenefitReport(t.prisma, a.admin, { reportId: saved.reportId, version: 2, decision: "return", reason: "税收数据请附完税证明" })).toBe("RETURNED");
    await saveBenefitReport(t.prisma, a.huitong, form({ intent: "submit", version: "3", tax: "5200", note: "已附完税证明" }));
    expect(await reviewBenefitReport(t.prisma, a.admin, { reportId: saved.reportId, version: 4, decision: "approve", reason: "" })).toBe("APPROVED");

    const report = await t.prisma.benefitReport.findUniqueOrThrow({
      where: { id: saved.reportId },
      include: { revisions: true, events: { orderBy: { id: "asc" } }, approvedRevision: true },
    });
    expect(report.revisions.map((r) => r.revisionNo).sort()).toEqual([1, 2, 3]);
    expect(report.approvedRevision!.revisionNo).toBe(3);
    expect(report.approvedRevision!.tax!.toString()).toBe("5200");
    expect(report.events.map((e) => `${e.action}:${e.toStatus}`)).toEqual(["SAVE:DRAFT", "SUBMIT:SUBMITTED", "RETURN:RETURNED", "SUBMIT:SUBMITTED", "APPROVE:APPROVED"]);
    const entries = await t.prisma.auditLog.findMany({ where: { id: { gt: audit0 } }, orderBy: { id: "asc" } });
    expect(entries.filter((e) => e.entity === "BenefitReport").map((e) => `${e.action}:${e.actor}`)).toEqual([
      "benefit.save:huitong",
      "benefit.submit:huitong",
      "benefit.return:admin",
      "benefit.submit:huitong",
      "benefit.approve:admin",
    ]);

    // promise against delivery: 产值 32亿 of 50亿 = 64%; 就业 160 of 150以上 reached; 税收 5200 of 5000以上 reached; 年供电量 12.5 of 约13: 基本达到
    const view = (await getProjectBenefits(t.prisma, PRODUCING_CODE))!;
    expect(view.reports[0].against.map((x) => [x.promise.label, x.actual?.toString(), x.comparison?.state])).toEqual([
      ["产值", "320000", "SHORT"],
      ["新增就业", "160", "REACHED"],
      ["税收", "5200", "REACHED"],
      ["年供电量", "12.5", "ABOUT"],
    ]);
  });

  it("我的待办: a submitted 效益填报 waits on the office's to-do and menu badge, a returned one on its county's with the reason, an approved one on nobody's", async () => {
    await producingProject(t.prisma, a.huitong.parkId!);
    const today = "2026-12-05";
    const office0 = await getTodoCounts(t.prisma, a.admin, today);
    const badge0 = await getTodoBadge(t.prisma, a.admin, today);
    const county0 = await getTodoCounts(t.prisma, a.huitong, today);
    const saved = await saveBenefitReport(t.prisma, a.huitong, form({ quarter: "1", intent: "submit" }));
    expect((await getTodoCounts(t.prisma, a.admin, today)).benefitReview).toBe(office0.benefitReview + 1);
    expect((await getTodoCounts(t.prisma, a.admin, today)).total).toBe(office0.total + 1);
    if (badge0 < 99) expect(await getTodoBadge(t.prisma, a.admin, today)).toBe(badge0 + 1);
    expect((await listBenefitTodos(t.prisma, "office", 100)).rows.map((r) => `${r.code} ${r.year}-${r.quarter}`)).toContain(`${PRODUCING_CODE} 2025-1`);
    // another county sees nothing of it
    expect((await getTodoCounts(t.prisma, a.dongkou, today)).benefitReturned).toBe(0);

    const version = (await t.prisma.benefitReport.findUniqueOrThrow({ where: { id: saved.reportId } })).version;
    await reviewBenefitReport(t.prisma, a.admin, { reportId: saved.reportId, version, decision: "return", reason: "一季度产值请附统计报表" });
    expect((await getTodoCounts(t.prisma, a.admin, today)).benefitReview).toBe(office0.benefitReview);
    expect((await getTodoCounts(t.prisma, a.huitong, today)).benefitReturned).toBe(county0.benefitReturned + 1);
    expect((await listBenefitTodos(t.prisma, { parkId: a.huitong.parkId! })).rows.find((r) => r.quarter === 1)).toMatchObject({
      code: PRODUCING_CODE,
      reason: "一季度产值请附统计报表",
    });
    expect((await listBenefitTodos(t.prisma, { parkId: a.dongkou.parkId! })).total).toBe(0);

    await saveBenefitReport(t.prisma, a.huitong, form({ quarter: "1", intent: "submit", version: String(version + 1) }));
    const again = (await t.prisma.benefitReport.findUniqueOrThrow({ where: { id: saved.reportId } })).version;
    await reviewBenefitReport(t.prisma, a.admin, { reportId: saved.reportId, version: again, decision: "approve", reason: "" });
    expect((await getTodoCounts(t.prisma, a.admin, today)).benefitReview).toBe(office0.benefitReview);
    expect((await getTodoCounts(t.prisma, a.huitong, today)).benefitReturned).toBe(county0.benefitReturned);
  });

  it("a correction after approval is a new revision; the approved one keeps counting until the new one is approved", async () => {
    const r = await t.prisma.benefitReport.findFirstOrThrow({ where: { project: { code: PRODUCING_CODE }, year: 2025, quarter: 0 } });
    await saveBenefitReport(t.prisma, a.huitong, form({ output: "330000", version: String(r.version) }));
    const view = (await getProjectBenefits(t.prisma, PRODUCING_CODE))!;
    expect(view.reports[0].status).toBe("DRAFT");
    expect(view.reports[0].approved!.output!.toString()).toBe("320000");
    expect(view.reports[0].current!.output!.toString()).toBe("330000");
  });

  it("periods: before production, not yet ended, or a project not in production are refused on the year field, nothing stored", async () => {
    const before = await fingerprint(t.prisma);
    const errorsOf = async (p: Promise<unknown>) => ((await refusal(p)) as ValidationError).fieldErrors;
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ year: "2024" })))).year).toEqual(["项目于2025年3月投产，不能填报2024年（投产前）的效益。"]);
    // a quarter ending before the production month (a quarter ending in it may be reported)
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ quarter: "4", year: "2024" })))).year).toEqual([
      "项目于2025年3月投产，不能填报2024年第4季度（投产前）的效益。",
    ]);
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ year: "2099" })))).year).toEqual(["2099年尚未结束，结束后再填报。"]);
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ projectCode: "YQ2024-001" })))).year).toEqual(["该项目尚未投产（无实际投产月份），投产后才能填报效益。"]);
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ output: "", tax: "", jobs: "", metric_0: "" })))).output).toEqual([
      "请至少填写一项效益数据（产值、税收、新增就业或项目指标）。",
    ]);
    expect((await errorsOf(saveBenefitReport(t.prisma, a.huitong, form({ metric_1: "5" })))).metric_1).toEqual(["该项目没有这一项指标，请刷新页面。"]);
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("a page opened before the other's save gets a conflict; another county's account is refused; nothing stored", async () => {
    const before = await fingerprint(t.prisma);
    expect(await refusal(saveBenefitReport(t.prisma, a.huitong, form({ output: "1", version: "1" })))).toBeInstanceOf(ConflictError);
    expect(await refusal(saveBenefitReport(t.prisma, a.dongkou, form({ output: "1", year: "2026" })))).toBeInstanceOf(AuthError);
    const r = await t.prisma.benefitReport.findFirstOrThrow({ where: { project: { code: PRODUCING_CODE } } });
    expect(await refusal(reviewBenefitReport(t.prisma, a.huitong, { reportId: r.id, version: r.version, decision: "approve", reason: "" }))).toBeInstanceOf(AuthError);
    // only a submitted report can be reviewed (this one is a draft)
    expect(await refusal(reviewBenefitReport(t.prisma, a.admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" }))).toEqual(
      new StateError("只能审核“已提交”的报表，该报表当前为“草稿”。"),
    );
    expect(await fingerprint(t.prisma)).toBe(before);
  });

  it("the database refuses to change a revision", async () => {
    const rev = await t.prisma.benefitRevision.findFirstOrThrow();
    await expect(t.prisma.benefitRevision.update({ where: { id: rev.id }, data: { output: "1" } })).rejects.toThrow();
  });
});

describe("达产 state: the SQL twin and the counts by county park", () => {
  it("the SQL form gives the TypeScript form's answer on every boundary", async () => {
    const config = benefitConfig({});
    const cases: Array<[string | null, string | null, string]> = [
      [null, null, "2025-07"],
      ["2024-06", null, "2024-05"],
      ["2024-06", null, "2024-06"],
      ["2024-06", null, "2025-06"],
      ["2024-06", null, "2025-07"],
      ["2024-06", "2025-03", "2025-07"],
      ["2024-06", "2025-08", "2025-07"],
      ["2024-12", null, "2025-12"],
      ["2024-12", null, "2026-01"],
    ];
    for (const [production, full, month] of cases) {
      const [row] = await t.prisma.$queryRaw<Array<{ state: string }>>`
        SELECT ${fullProductionStateSql(Prisma.sql`${production}::text`, Prisma.sql`${full}::text`, month, config)} AS state`;
      expect(row.state, `${production} ${full} ${month}`).toBe(fullProductionState({ actualProductionMonth: production, fullProductionMonth: full }, month, config));
    }
  });

  it("counts a county park's projects in production by 达产 state; the overdue ones are named", async () => {
    const park = await t.prisma.park.create({ data: { name: "达产测试园区", county: "测试县" } });
    const make = (code: string, production: string | null, full?: string) =>
      t.prisma.project.create({
        data: {
          code,
          name: `项目${code}`,
          parkId: park.id,
          totalInvestment: "1000",
          actualStartMonth: production ? "2024-01" : null,
          actualProductionMonth: production,
          status: production ? "IN_PRODUCTION" : "UNDER_CONSTRUCTION",
          milestones: full ? { create: [{ kind: "FULL_PRODUCTION", name: "达产", actualDate: new Date(`${full}-15T00:00:00Z`) }] } : undefined,
        },
      });
    await make("DC-1", "2024-06");
    await make("DC-2", "2024-07");
    await make("DC-3", "2024-06", "2025-03");
    await make("DC-4", null);
    // projects sharing a production month and a 达产 month are each counted (the counts group by the two months)
    await make("DC-5", "2024-06");
    await make("DC-6", "2024-06", "2025-03");
    expect(await getFullProductionCounts(t.prisma, { parkId: park.id, month: "2025-06" })).toEqual({ REACHED: 2, PENDING: 3, OVERDUE: 0, overdue: [] });
    expect(await getFullProductionCounts(t.prisma, { parkId: park.id, month: "2025-07" })).toEqual({
      REACHED: 2,
      PENDING: 1,
      OVERDUE: 2,
      overdue: [
        { code: "DC-1", name: "项目DC-1", actualProductionMonth: "2024-06" },
        { code: "DC-5", name: "项目DC-5", actualProductionMonth: "2024-06" },
      ],
    });
  });
});
