// Two rules pinned through the services that apply them, each by a test that fails when the
// rule's one line is wrong: the 500万 入库 guard applies to the 入库 node only (a county records
// 开工 for any project, 入库 only for one of 500万元 or more), and a county's 待填报 counts the
// open period's projects with nothing submitted — no report or only a saved draft — in the list,
// its count and the navigation's badge alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { monthlyReportForm } from "../helpers/monthly-report";
import { saveMilestones } from "@/server/projects/service";
import { recordNode } from "@/server/nodes/service";
import { getTodoBadge, getTodoCounts, listToReport } from "@/server/todo/queries";
import { countIssueTodos } from "@/server/issues/todo";
import { saveMonthlyReport } from "@/server/monthly-reports/service";
import { ensurePeriodAsSystem } from "@/server/periods/service";
import { milestonesSchema } from "@/lib/schemas/project";
import { nodeRecordSchema } from "@/lib/schemas/nodes";
import { ValidationError } from "@/server/errors";

let t: TestDatabase;
let a: Actors;
const today = "2025-01-02";

beforeAll(async () => {
  t = await createTestDatabase("seeded");
  a = await actorsOf(t.prisma);
});
afterAll(async () => t?.drop());

describe("the 500万 入库 guard, on the 入库 node only", () => {
  it("a county records 开工 for a project under 500万元, and cannot record its 入库", async () => {
    const code = "YQ2024-001"; // 会同's project, made small for the test
    const { totalInvestment } = await t.prisma.project.findUniqueOrThrow({ where: { code } });
    await t.prisma.project.update({ where: { code }, data: { totalInvestment: "499.99", statsEnteredMonth: null } });
    const { version } = await t.prisma.project.findUniqueOrThrow({ where: { code } });
    await saveMilestones(t.prisma, a.admin, milestonesSchema.parse({ code, version: String(version), planned_START: "2024-09-30" }));
    const start = await t.prisma.milestone.findFirstOrThrow({ where: { project: { code }, kind: "START" } });

    await recordNode(t.prisma, a.huitong, nodeRecordSchema.parse({ code, kind: "START", stamp: start.updatedAt.toISOString(), actualDate: "2024-09-10", evidence: "开工令" }));
    const recorded = await t.prisma.milestone.findUniqueOrThrow({ where: { id: start.id } });
    expect([recorded.actualDate?.toISOString().slice(0, 10), recorded.evidence]).toEqual(["2024-09-10", "开工令"]);

    const entry = await recordNode(t.prisma, a.huitong, nodeRecordSchema.parse({ code, kind: "STATS_ENTRY", stamp: "", actualDate: "2024-11-05", evidence: "入库" })).catch(
      (e) => e,
    );
    expect(entry).toBeInstanceOf(ValidationError);
    expect(entry.fieldErrors.actualDate).toEqual(["总投资不足500万元的项目不纳入固定资产投资统计，无需登记入库"]);
    const project = await t.prisma.project.findUniqueOrThrow({ where: { code } });
    expect(project.statsEnteredMonth).toBeNull();
    expect(await t.prisma.milestone.count({ where: { project: { code }, kind: "STATS_ENTRY", actualDate: { not: null } } })).toBe(0);
    await t.prisma.project.update({ where: { code }, data: { totalInvestment } });
  });
});

describe("a county's 待填报: no report or only a saved draft", () => {
  it("a project with a saved draft stays in the list, its count and the badge", async () => {
    await ensurePeriodAsSystem(t.prisma, "2024-12");
    const parkId = a.huitong.parkId!;
    const before = await listToReport(t.prisma, parkId);
    expect(before.period?.month).toBe("2024-12");
    expect(before.rows.map((r) => [r.code, r.status])).toEqual([["YQ2024-001", null]]);
    const badgeBefore = await getTodoBadge(t.prisma, a.huitong, today, 7);

    await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ intent: "save" }));
    expect((await t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code: "YQ2024-001" }, month: "2024-12" } })).status).toBe("DRAFT");

    const after = await listToReport(t.prisma, parkId);
    expect(after.rows.map((r) => [r.code, r.status])).toEqual([["YQ2024-001", "DRAFT"]]);
    expect(after.total).toBe(1);
    const counts = await getTodoCounts(t.prisma, a.huitong, today, 7);
    expect(counts.toReport).toBe(1);
    const badge = await getTodoBadge(t.prisma, a.huitong, today, 7);
    expect(badge).toBe(badgeBefore);
    expect(badge).toBe(counts.total + (await countIssueTodos(t.prisma, a.huitong, today)));

    // submitted, it leaves all three
    await saveMonthlyReport(t.prisma, a.huitong, monthlyReportForm({ intent: "submit", version: "1" }));
    expect((await listToReport(t.prisma, parkId)).total).toBe(0);
    expect((await getTodoCounts(t.prisma, a.huitong, today, 7)).toReport).toBe(0);
    expect(await getTodoBadge(t.prisma, a.huitong, today, 7)).toBe(badgeBefore - 1);
  });
});
