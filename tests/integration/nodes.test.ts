// Node plans, 入库 and the to-do page on a real database: the counts and lists evaluated in SQL
// with an injected today, a county recording its own nodes and 入库, and the 入库 rule applied
// when a period is published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { saveMilestones } from "@/server/projects/service";
import { recordNode, saveStatsFigure } from "@/server/nodes/service";
import { getNodeCounts, listAttentionNodes, listStartedNotEntered } from "@/server/nodes/queries";
import { getTodoBadge, getTodoCounts, listReturnedReports, listToReport, TODO_BADGE_CAP } from "@/server/todo/queries";
import { countIssueTodos } from "@/server/issues/todo";
import { publishFigures } from "@/server/figures/publish";
import { ensurePeriodAsSystem } from "@/server/periods/service";
import { milestonesSchema } from "@/lib/schemas/project";
import { nodeRecordSchema, statsFigureSchema } from "@/lib/schemas/nodes";
import { ValidationError } from "@/server/errors";

let t: TestDatabase;
let a: Actors;
const today = "2024-06-15";
const version = async (code: string) => String((await t.prisma.project.findUniqueOrThrow({ where: { code } })).version);

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
  // 会同 (YQ2024-001, started 2024-09): a node due today, one due in 7 days, one overdue by a day, one in 8 days
  await saveMilestones(
    t.prisma,
    a.admin,
    milestonesSchema.parse({
      code: "YQ2024-001",
      version: await version("YQ2024-001"),
      planned_CONSTRUCTION_PERMIT: "2024-06-14",
      unit_CONSTRUCTION_PERMIT: "会同县住建局",
      person_CONSTRUCTION_PERMIT: "李四",
      planned_MAIN_STRUCTURE: "2024-06-15",
      planned_EQUIPMENT: "2024-06-22",
      planned_COMPLETION: "2024-06-23",
      planned_START: "2024-06-14", // overdue by date, but reached: the project records its start month
    }),
  );
  // 洞口 (YQ2024-002): one overdue node
  await saveMilestones(t.prisma, a.admin, milestonesSchema.parse({ code: "YQ2024-002", version: await version("YQ2024-002"), planned_LAND: "2024-05-01" }));
});
afterAll(async () => t?.drop());

describe("临期 / 超期 counts and lists, today injected", () => {
  it("counts per park and in all, and lists them oldest first", async () => {
    expect(await getNodeCounts(t.prisma, { today, dueSoonDays: 7, parkId: a.huitong.parkId! })).toEqual({ overdue: 1, dueSoon: 2 });
    expect(await getNodeCounts(t.prisma, { today, dueSoonDays: 7 })).toEqual({ overdue: 2, dueSoon: 2 });
    expect(await getNodeCounts(t.prisma, { today, dueSoonDays: 7, year: 2023 })).toEqual({ overdue: 0, dueSoon: 0 });
    const list = await listAttentionNodes(t.prisma, { today, dueSoonDays: 7, page: 1, size: 10 });
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => [r.projectCode, r.name, r.state])).toEqual([
      ["YQ2024-002", "土地摘牌", "overdue"],
      ["YQ2024-001", "施工许可", "overdue"],
      ["YQ2024-001", "主体完工", "due-soon"],
      ["YQ2024-001", "设备安装", "due-soon"],
    ]);
    expect(list.rows[1]).toMatchObject({ responsibleUnit: "会同县住建局", responsiblePerson: "李四" });
    const overdue = await listAttentionNodes(t.prisma, { today, dueSoonDays: 7, only: "overdue", page: 2, size: 1 });
    expect([overdue.total, overdue.rows.map((r) => r.name)]).toEqual([2, ["施工许可"]]);
  });

  it("the to-do counts: a county its own park's, the office every park's overdue nodes", async () => {
    const county = await getTodoCounts(t.prisma, a.huitong, today, 7);
    expect(county).toMatchObject({ nodes: 3, review: 0, overdueNodes: 0, notEntered: 0 });
    const office = await getTodoCounts(t.prisma, a.admin, today, 7);
    expect(office).toMatchObject({ toReport: 0, returned: 0, nodes: 0, overdueNodes: 2 });
    expect(await getTodoCounts(t.prisma, a.leader, today, 7)).toMatchObject({ total: 0 });
  });

  it("the navigation's badge is the sum of the sections and the 督办 issues, read only up to its cap", async () => {
    for (const who of [a.huitong, a.admin, a.leader]) {
      const exact = (await getTodoCounts(t.prisma, who, today, 7)).total + (await countIssueTodos(t.prisma, who, today));
      expect(exact).toBeLessThanOrEqual(TODO_BADGE_CAP);
      expect(await getTodoBadge(t.prisma, who, today, 7)).toBe(exact);
    }
    // a hundred and fifty reports awaiting review: the badge says 99+ (cap + 1), the page counts them all
    const project = await t.prisma.project.findFirstOrThrow({ where: { code: "YQ2024-001" } });
    await t.prisma.$executeRaw`
      INSERT INTO "MonthlyReport"("projectId", month, status, "updatedAt")
      SELECT ${project.id}, (2030 + g / 12)::text || '-' || lpad((g % 12 + 1)::text, 2, '0'), 'SUBMITTED', now() FROM generate_series(0, 149) g`;
    expect((await getTodoCounts(t.prisma, a.admin, today, 7)).review).toBeGreaterThanOrEqual(150);
    expect(await getTodoBadge(t.prisma, a.admin, today, 7)).toBe(TODO_BADGE_CAP + 1);
    await t.prisma.$executeRaw`DELETE FROM "MonthlyReport" WHERE "projectId" = ${project.id} AND month >= '2030-01'`;
  });

  it("the badge counts 已开工未入库 both ways: never entered, and entered only after the month", async () => {
    const codes = ["YQ2024-001", "YQ2024-002", "YQ2024-003"];
    const select = { code: true, actualStartMonth: true, totalInvestment: true, statsEnteredMonth: true } as const;
    const saved = await t.prisma.project.findMany({ where: { code: { in: codes } }, select });
    const before = await getTodoBadge(t.prisma, a.admin, today, 7);
    try {
      const started = { actualStartMonth: "2024-03", totalInvestment: 80000 };
      await t.prisma.project.update({ where: { code: "YQ2024-001" }, data: { ...started, statsEnteredMonth: null } });
      await t.prisma.project.update({ where: { code: "YQ2024-002" }, data: { ...started, statsEnteredMonth: "2024-09" } });
      // entered in the month itself or before: not counted
      await t.prisma.project.update({ where: { code: "YQ2024-003" }, data: { ...started, statsEnteredMonth: "2024-06" } });
      expect((await getTodoCounts(t.prisma, a.admin, today, 7)).notEntered).toBe(2);
      expect(await getTodoBadge(t.prisma, a.admin, today, 7)).toBe(before + 2);
      const exact = (await getTodoCounts(t.prisma, a.admin, today, 7)).total + (await countIssueTodos(t.prisma, a.admin, today));
      expect(await getTodoBadge(t.prisma, a.admin, today, 7)).toBe(exact);
    } finally {
      // the next tests of this file start from the seed's projects
      for (const { code, ...data } of saved) await t.prisma.project.update({ where: { code }, data });
    }
  });
});

describe("a county records its own nodes", () => {
  it("records a node with evidence: it is 已完成 and leaves the lists; the order rule refuses an earlier date", async () => {
    const node = await t.prisma.milestone.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, kind: "MAIN_STRUCTURE" } });
    const bad = await recordNode(
      t.prisma,
      a.huitong,
      nodeRecordSchema.parse({ code: "YQ2024-001", kind: "MAIN_STRUCTURE", stamp: node.updatedAt.toISOString(), actualDate: "2024-08-31", evidence: "主体结构验收记录" }),
    ).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors.actualDate).toEqual(["实际日期不能早于项目实际开工月份（2024年9月）"]);
    await recordNode(
      t.prisma,
      a.huitong,
      nodeRecordSchema.parse({ code: "YQ2024-001", kind: "MAIN_STRUCTURE", stamp: node.updatedAt.toISOString(), actualDate: "2024-10-20", evidence: "主体结构验收记录" }),
    );
    const after = await t.prisma.milestone.findUniqueOrThrow({ where: { id: node.id } });
    expect([after.actualDate?.toISOString().slice(0, 10), after.evidence, after.actualRecordedById]).toEqual(["2024-10-20", "主体结构验收记录", a.huitong.id]);
    expect(await getNodeCounts(t.prisma, { today, dueSoonDays: 7, parkId: a.huitong.parkId! })).toEqual({ overdue: 1, dueSoon: 1 });
    // the same form again (stale stamp) is a conflict, not an overwrite
    const stale = await recordNode(
      t.prisma,
      a.huitong,
      nodeRecordSchema.parse({ code: "YQ2024-001", kind: "MAIN_STRUCTURE", stamp: node.updatedAt.toISOString(), actualDate: "2024-10-21", evidence: "改" }),
    ).catch((e) => e);
    expect(stale.message).toContain("保存冲突");
  });

  it("入库: recording it sets the project's 入库 month; 入统数 only after 入库, kept apart from the 调度数", async () => {
    await t.prisma.project.update({ where: { code: "YQ2024-003" }, data: { statsEnteredMonth: null } });
    expect((await listStartedNotEntered(t.prisma, { month: "2024-12", limit: 5 })).rows.map((r) => r.code)).toEqual(["YQ2024-003"]);
    const dongkou = await recordNode(
      t.prisma,
      a.dongkou,
      nodeRecordSchema.parse({ code: "YQ2024-003", kind: "STATS_ENTRY", stamp: "", actualDate: "2024-11-05", evidence: "入库" }),
    ).catch((e) => e);
    expect(dongkou.message).toBe("无权登记该节点：只能登记本县区园区项目的节点和入库情况。");
    const xupu = await t.prisma.user.findUniqueOrThrow({ where: { username: "xupu" } });
    const actor = { id: xupu.id, username: xupu.username, displayName: xupu.displayName, role: xupu.role, parkId: xupu.parkId };
    const early = await saveStatsFigure(t.prisma, actor, statsFigureSchema.parse({ code: "YQ2024-003", month: "2024-11", cumulativeInvestment: "50000" })).catch((e) => e);
    expect(early.fieldErrors.month).toEqual(["该项目尚未登记入库：先入库，后有入统数"]);
    await recordNode(t.prisma, actor, nodeRecordSchema.parse({ code: "YQ2024-003", kind: "STATS_ENTRY", stamp: "", actualDate: "2024-11-05", evidence: "统计联网直报平台入库" }));
    const p = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-003" } });
    expect([p.statsEnteredMonth, p.statsRecordedById]).toEqual(["2024-11", xupu.id]);
    expect((await listStartedNotEntered(t.prisma, { month: "2024-12", limit: 5 })).total).toBe(0);
    await saveStatsFigure(t.prisma, actor, statsFigureSchema.parse({ code: "YQ2024-003", month: "2024-11", cumulativeInvestment: "50000" }));
    const figures = await t.prisma.projectStatsFigure.findMany({ where: { projectId: p.id } });
    expect(figures.map((f) => [f.month, f.cumulativeInvestment.toString()])).toEqual([["2024-11", "50000"]]);
    // the 调度数 of the month is untouched
    const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { projectId: p.id, month: "2024-11" }, include: { approvedRevision: true } });
    expect(report.approvedRevision!.cumulativeInvestment.toString()).toBe("56000");
  });
});

describe("the to-do lists of a county", () => {
  it("the open period's projects still to report, with its deadline, and returned reports with the reason", async () => {
    await ensurePeriodAsSystem(t.prisma, "2024-12");
    const open = await listToReport(t.prisma, a.huitong.parkId!);
    expect(open.period?.month).toBe("2024-12");
    expect(open.period?.deadline.toISOString().slice(0, 10)).toBe("2025-01-05");
    expect(open.rows.map((r) => r.code)).toEqual(["YQ2024-001"]);
    const report = await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" } } });
    await t.prisma.monthlyReport.update({ where: { id: report.id }, data: { status: "RETURNED", returnReason: "请核实本月投资" } });
    // its month is published: it is no longer 退回待修改 (the to-do's published card offers 申请更正 instead)
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: report.month } });
    expect(period.status).toBe("PUBLISHED");
    expect((await listReturnedReports(t.prisma, a.huitong.parkId!)).total).toBe(0);
    // re-opened, the month takes the correction again: listed with the reason, for its own park only
    await t.prisma.reportingPeriod.update({ where: { id: period.id }, data: { status: "OPEN" } });
    const returned = await listReturnedReports(t.prisma, a.huitong.parkId!);
    expect(returned.rows.map((r) => [r.code, r.month, r.reason])).toEqual([["YQ2024-001", report.month, "请核实本月投资"]]);
    expect((await listReturnedReports(t.prisma, a.dongkou.parkId!)).total).toBe(0);
    await t.prisma.reportingPeriod.update({ where: { id: period.id }, data: { status: period.status } });
    await t.prisma.monthlyReport.update({ where: { id: report.id }, data: { status: report.status, returnReason: null } });
  });
});

describe("the 入库 rule at publication", () => {
  it("a started project not entered two months after its start is red, with the reason; an entered one is not warned", async () => {
    await t.prisma.project.update({ where: { code: "YQ2024-004" }, data: { statsEnteredMonth: null } });
    await ensurePeriodAsSystem(t.prisma, "2025-01");
    await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    // publish 2024-12 (the open period) in a transaction that is rolled back
    const rolledBack = new Error("rollback");
    const figures = await t.prisma
      .$transaction(async (tx) => {
        const { publicationId } = await publishFigures(tx, { month: "2024-12", publishedById: a.admin.id, asOfDate: "2025-01-06" });
        const rows = await tx.projectFigure.findMany({ where: { publicationId }, include: { project: { select: { code: true } } } });
        throw Object.assign(rolledBack, { rows });
      })
      .catch((e) => (e === rolledBack ? (e as unknown as { rows: Array<{ project: { code: string }; warningLevel: string; warningReasons: string[] }> }).rows : Promise.reject(e)));
    const byCode = Object.fromEntries(figures.map((f) => [f.project.code, f]));
    // 华润 started 2024-11: one month later, yellow
    expect(byCode["YQ2024-004"].warningReasons).toContain("2024年11月开工，已1个月未入库（纳统）");
    expect(byCode["YQ2024-004"].warningLevel).toBe("YELLOW");
    expect(byCode["YQ2024-002"].warningReasons.some((r) => r.includes("未入库"))).toBe(false);
    await t.prisma.project.update({ where: { code: "YQ2024-002" }, data: { statsEnteredMonth: null } });
    const again = await t.prisma
      .$transaction(async (tx) => {
        const { publicationId } = await publishFigures(tx, { month: "2024-12", publishedById: a.admin.id, asOfDate: "2025-01-06" });
        const f = await tx.projectFigure.findFirstOrThrow({ where: { publicationId, project: { code: "YQ2024-002" } } });
        throw Object.assign(new Error("rollback"), { f });
      })
      .catch((e: { f?: { warningLevel: string; warningReasons: string[] } }) => e.f!);
    // 金石 started 2024-08: four months later, red
    expect(again.warningLevel).toBe("RED");
    expect(again.warningReasons[0]).toBe("2024年8月开工，已4个月未入库（纳统）");
  });
});
