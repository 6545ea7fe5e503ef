// Admin writes beyond permission: projects (versions, metrics, audit), the plan's list and
// stamp, 倒排工期 and milestones, and user accounts (self-protection, sessions, passwords).
import { describe, expect, it } from "vitest";
import { createProject, saveMilestones, savePlannedInvestment, updateProject } from "@/server/projects/service";
import { savePlan, setPlanEntries } from "@/server/plans/service";
import { resetUserPassword, setUserActive, updateUser } from "@/server/users/service";
import { milestonesSchema, planEntriesSchema, planSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { checkLogin, actorForToken } from "@/server/auth/sessions";
import { getOverviewHeadline } from "@/server/figures/overview";
import { publishedIfNow } from "../helpers/publication";
import { ConflictError, StateError, ValidationError } from "@/server/errors";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { projectFields, storedPlanFields } from "../helpers/admin-forms";
import { sessionToken, type Actors } from "../helpers/actors";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

const project = async (code: string) => t.prisma.project.findUniqueOrThrow({ where: { code }, include: { metrics: { orderBy: { sortOrder: "asc" } } } });

describe("projects", () => {
  it("creates a project with exact amounts, 以上 flags and named metrics, audited", async () => {
    const p = await createProject(
      t.prisma,
      a.admin,
      projectSchema.parse({
        code: "YQ2025-001",
        version: "0",
        name: "华润电力二期",
        parkId: String(a.dongkou.parkId),
        totalInvestment: "123456789012.34",
        status: "NOT_STARTED",
        plannedStartMonth: "2099-03",
        expectedOutput: "500000",
        expectedOutputAtLeast: "on",
        expectedJobs: "200",
        expectedJobsAtLeast: "on",
        metricName_0: "年供热量",
        metricQualifier_0: "约",
        metricValue_0: "41",
        metricUnit_0: "万吨标煤",
        metricName_1: "年供电量",
        metricQualifier_1: "约",
        metricValue_1: "13.0001",
        metricUnit_1: "亿千瓦时",
      }),
    );
    const saved = await project("YQ2025-001");
    expect(saved.totalInvestment.toString()).toBe("123456789012.34");
    expect(saved.plannedStartMonth).toBe("2099-03");
    expect([saved.expectedOutputAtLeast, saved.expectedJobsAtLeast, saved.expectedTaxAtLeast]).toEqual([true, true, false]);
    expect(saved.metrics.map((m) => [m.name, m.qualifier, m.value.toString(), m.unit])).toEqual([
      ["年供热量", "约", "41", "万吨标煤"],
      ["年供电量", "约", "13.0001", "亿千瓦时"],
    ]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "Project", entityId: p.code } });
    expect(audit).toMatchObject({ action: "project.create", actor: "admin" });
    expect(audit.after).toMatchObject({ totalInvestment: "123456789012.34", metrics: ["年供热量 约41万吨标煤", "年供电量 约13.0001亿千瓦时"] });
  });

  it("an edit bumps the version, replaces metrics and records both sides; a stale edit gets a conflict and changes nothing", async () => {
    const before = await project("YQ2024-004");
    const form = (over: Record<string, string>) =>
      projectSchema.parse({
        code: before.code,
        name: before.name,
        parkId: String(before.parkId),
        totalInvestment: "305000",
        status: before.status,
        actualStartMonth: before.actualStartMonth!,
        version: String(before.version),
        ...over,
      });
    await updateProject(t.prisma, a.admin, form({ metricName_0: "年供热量", metricValue_0: "41", metricUnit_0: "万吨标煤" }));
    const after = await project("YQ2024-004");
    expect(after.version).toBe(before.version + 1);
    expect(after.totalInvestment.toString()).toBe("305000");
    expect(after.metrics.map((m) => m.name)).toEqual(["年供热量"]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "Project", entityId: "YQ2024-004", action: "project.update" } });
    expect(audit.before).toMatchObject({ totalInvestment: "300000", version: before.version, metrics: ["年供热量 约41万吨标煤", "年供电量 约13亿千瓦时"] });
    expect(audit.after).toMatchObject({ totalInvestment: "305000", version: after.version, metrics: ["年供热量 41万吨标煤"] });

    const stale = await updateProject(t.prisma, a.admin, form({ totalInvestment: "999" })).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.details.theirs).toMatchObject({ totalInvestment: "305000" });
    expect(stale.details.yours).toMatchObject({ totalInvestment: "999" });
    expect(stale.details.by).toBe("admin");
    expect((await project("YQ2024-004")).totalInvestment.toString()).toBe("305000");
  });

  it("two admins saving the same project at once: one wins, the other sees a conflict", async () => {
    const p = await project("YQ2024-003");
    const form = (total: string) => projectSchema.parse(projectFields(p, { totalInvestment: total }));
    const results = await Promise.allSettled(["300100", "300200", "300300", "300400"].map((x) => updateProject(t.prisma, a.admin, form(x))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    const after = await project("YQ2024-003");
    expect(after.version).toBe(p.version + 1);
    expect(await t.prisma.auditLog.count({ where: { entity: "Project", entityId: "YQ2024-003", action: "project.update" } })).toBe(1);
  });

  it("倒排工期 replaces the year's months, never decreasing, even across years; milestones are kept in order", async () => {
    const v = async () => String((await project("YQ2024-001")).version);
    await savePlannedInvestment(
      t.prisma,
      a.admin,
      plannedInvestmentSchema.parse({ code: "YQ2024-001", version: await v(), year: "2024", "m_2024-10": "120000", "m_2024-12": "160000.50" }),
    );
    await savePlannedInvestment(
      t.prisma,
      a.admin,
      plannedInvestmentSchema.parse({ code: "YQ2024-001", version: await v(), year: "2024", "m_2024-11": "140000", "m_2024-12": "160000.50" }),
    );
    const months = await t.prisma.plannedInvestment.findMany({ where: { project: { code: "YQ2024-001" } }, orderBy: { month: "asc" } });
    expect(months.map((m) => [m.month, m.cumulativePlanned.toString()])).toEqual([
      ["2024-11", "140000"],
      ["2024-12", "160000.5"],
    ]);
    const below = await savePlannedInvestment(
      t.prisma,
      a.admin,
      plannedInvestmentSchema.parse({ code: "YQ2024-001", version: await v(), year: "2025", "m_2025-01": "150000" }),
    ).catch((e) => e);
    expect(below).toBeInstanceOf(ValidationError);
    expect(below.fieldErrors["m_2025-01"][0]).toBe("计划累计投资不能少于2024-12的 160000.5万元");

    await saveMilestones(
      t.prisma,
      a.admin,
      milestonesSchema.parse({ code: "YQ2024-001", version: await v(), planned_START: "2024-04-30", actual_START: "2024-09-15", planned_PRODUCTION: "2025-06-30" }),
    );
    const bad = await saveMilestones(
      t.prisma,
      a.admin,
      milestonesSchema.parse({ code: "YQ2024-001", version: await v(), planned_START: "2024-04-30", planned_MAIN_STRUCTURE: "2024-03-01" }),
    ).catch((e) => e);
    expect(bad.fieldErrors.planned_MAIN_STRUCTURE[0]).toBe("计划日期不能早于「开工」的计划日期（2024-04-30）");
    const ms = await t.prisma.milestone.findMany({ where: { project: { code: "YQ2024-001" } }, orderBy: { sortOrder: "asc" } });
    expect(ms.map((m) => [m.name, m.plannedDate?.toISOString().slice(0, 10) ?? null, m.actualDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["开工", "2024-04-30", "2024-09-15"],
      ["投产", "2025-06-30", null],
    ]);
  });
});

describe("annual plan", () => {
  const stamp = async () => (await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } })).updatedAt.toISOString();

  it("declared figures are saved as written and the overview keeps showing the computed sums beside them", async () => {
    const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    await savePlan(
      t.prisma,
      a.admin,
      planSchema.parse(storedPlanFields(plan, { stamp: await stamp(), declaredProjectCount: "51", declaredTotalInvestment: "1340000", declaredAnnualInvestment: "336000" })),
    );
    expect((await getOverviewHeadline(t.prisma, 2024))!.plan.declared).toMatchObject({ projectCount: 51, totalInvestment: "1340000" });
    expect((await publishedIfNow(t.prisma, "2024-11", "2024-12-10")).totals.projectCount).toBe(4);
    const stale = await savePlan(
      t.prisma,
      a.admin,
      planSchema.parse(storedPlanFields(plan, { declaredProjectCount: "50", declaredTotalInvestment: "1336000", declaredAnnualInvestment: "336000" })),
    ).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } })).declaredProjectCount).toBe(51);
  });

  it("the list: adding a project with its annual plan, removing one, and both sides audited", async () => {
    await setPlanEntries(
      t.prisma,
      a.admin,
      planEntriesSchema.parse({
        year: "2024",
        stamp: await stamp(),
        "on_YQ2024-001": "on",
        "on_YQ2024-002": "on",
        "on_YQ2024-003": "on",
        "on_YQ2025-001": "on",
        "annual_YQ2025-001": "20000.5",
      }),
    );
    const entries = await t.prisma.annualPlanEntry.findMany({ where: { plan: { year: 2024 } }, include: { project: true }, orderBy: { sortOrder: "asc" } });
    expect(entries.map((e) => [e.project.code, e.annualPlannedInvestment?.toString() ?? null])).toEqual([
      ["YQ2024-001", null],
      ["YQ2024-002", null],
      ["YQ2024-003", null],
      ["YQ2025-001", "20000.5"],
    ]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { entity: "AnnualPlan", action: "plan.entries" }, orderBy: { id: "desc" } });
    expect(Object.keys((audit.before as { entries: object }).entries)).toContain("YQ2024-004");
    expect(Object.keys((audit.after as { entries: object }).entries)).not.toContain("YQ2024-004");
    const bad = await setPlanEntries(t.prisma, a.admin, planEntriesSchema.parse({ year: "2024", stamp: await stamp(), "on_NOPE-1": "on" })).catch((e) => e);
    expect(bad.fieldErrors["on_NOPE-1"][0]).toBe("项目代码「NOPE-1」不存在");
  });
});

describe("user accounts", () => {
  const user = (username: string) => t.prisma.user.findUniqueOrThrow({ where: { username } });

  it("an admin cannot change their own role or deactivate themselves", async () => {
    const me = await user("admin");
    const role = await updateUser(t.prisma, a.admin, updateUserSchema.parse({ userId: String(me.id), stamp: me.updatedAt.toISOString(), displayName: "x", role: "LEADER" })).catch(
      (e) => e,
    );
    expect(role.fieldErrors.role[0]).toContain("不能修改自己的角色");
    const off = await setUserActive(t.prisma, a.admin, setUserActiveSchema.parse({ userId: String(me.id), stamp: me.updatedAt.toISOString(), active: "false" })).catch((e) => e);
    expect(off).toBeInstanceOf(StateError);
    expect((await user("admin")).active).toBe(true);
  });

  it("moving a county account to another park ends its sessions, so the new scope applies at once", async () => {
    const xupu = await user("xupu");
    const token = await sessionToken(t.prisma, { id: xupu.id, username: xupu.username, displayName: xupu.displayName, role: xupu.role, parkId: xupu.parkId });
    await updateUser(
      t.prisma,
      a.admin,
      updateUserSchema.parse({
        userId: String(xupu.id),
        stamp: xupu.updatedAt.toISOString(),
        displayName: xupu.displayName,
        role: "COUNTY",
        parkId: String(a.huitong.parkId),
        reauthPassword: "demo2024",
      }),
    );
    expect(await actorForToken(t.prisma, token)).toBeNull();
    expect((await user("xupu")).parkId).toBe(a.huitong.parkId);
    const stale = await updateUser(
      t.prisma,
      a.admin,
      updateUserSchema.parse({ userId: String(xupu.id), stamp: xupu.updatedAt.toISOString(), displayName: "旧页面", role: "LEADER", reauthPassword: "demo2024" }),
    ).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await user("xupu")).role).toBe("COUNTY");
  });

  it("a password reset lets the new password in, keeps the old one out, and ends sessions; deactivation refuses login", async () => {
    const x = await user("xinhuang");
    const token = await sessionToken(t.prisma, { id: x.id, username: x.username, displayName: x.displayName, role: x.role, parkId: x.parkId });
    await resetUserPassword(t.prisma, a.admin, resetPasswordSchema.parse({ userId: String(x.id), password: "Xinhuang2025ab", reauthPassword: "demo2024" }));
    expect(await actorForToken(t.prisma, token)).toBeNull();
    expect((await checkLogin(t.prisma, "xinhuang", "demo2024", "10.0.0.9")).ok).toBe(false);
    expect((await checkLogin(t.prisma, "xinhuang", "Xinhuang2025ab", "10.0.0.9")).ok).toBe(true);
    const now = await user("xinhuang");
    await setUserActive(t.prisma, a.admin, setUserActiveSchema.parse({ userId: String(now.id), stamp: now.updatedAt.toISOString(), active: "false" }));
    expect((await checkLogin(t.prisma, "xinhuang", "Xinhuang2025ab", "10.0.0.9")).ok).toBe(false);
    const off = await user("xinhuang");
    await setUserActive(t.prisma, a.admin, setUserActiveSchema.parse({ userId: String(off.id), stamp: off.updatedAt.toISOString(), active: "true" }));
    expect((await checkLogin(t.prisma, "xinhuang", "Xinhuang2025ab", "10.0.0.9")).ok).toBe(true);
    const actions = (await t.prisma.auditLog.findMany({ where: { entity: "User", entityId: String(x.id) }, orderBy: { id: "asc" } })).map((l) => l.action);
    expect(actions.slice(-3)).toEqual(["user.reset-password", "user.deactivate", "user.reactivate"]);
  });
});
