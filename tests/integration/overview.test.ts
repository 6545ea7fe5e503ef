// The overview's headline figures (src/server/dashboard/overview.ts) on the seed report: what a
// leader reads at the top of 概览, computed in one function the page only lays out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/server/seed";
import { countWarnings, getOverviewHeadline } from "@/server/dashboard/overview";
import { listYearProjects } from "@/server/projects/queries";
import { resolvePlanYear } from "@/server/plans/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("the overview's headline figures", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
  });
  afterAll(async () => t?.drop());

  it("states the plan against the platform, the year's completion against 序时进度 and the start target", async () => {
    const h = (await getOverviewHeadline(t.prisma, 2024))!;
    expect(h.plan.title).toBe("市工业园区2024年重大项目计划");
    expect(h.startDeadline).toBe("2024年4月30日");
    expect(h.flags.count).toBe("计划申报50个项目，平台已录入4个，尚缺46个。");
    expect(h.flags.total).toContain("比计划申报的50个项目总投资133.6亿元多13.2亿元");
    expect(h.flags.start).toBe("4个项目在2024年4月30日之后才开工。");
    // 本年完成 42.3亿元 of the declared 33.6亿元: 125.9%, at 2024-11 (序时进度 11/12 = 91.7%)
    expect(h.annual).toMatchObject({ planned: "336000", completed: "423000", rate: "125.9%", schedule: "91.7%", scheduleMonth: "2024-11" });
    expect(h.annual.vsSchedule).toMatchObject({ kind: "ahead", text: "超序时进度 34.2 个百分点" });
    expect(h.notStarted).toBe(0);
    expect(h.completedTotal).toBe("423000");
    expect(h.completedShare).toBe("28.8%");
  });

  it("has no headline for a year without a plan, and picks the newest year unless another is asked for", async () => {
    expect(await getOverviewHeadline(t.prisma, 1999)).toBeNull();
    expect(await resolvePlanYear(t.prisma, undefined)).toEqual({ years: [2024], year: 2024 });
    expect(await resolvePlanYear(t.prisma, 1999)).toEqual({ years: [2024], year: 2024 });
  });

  it("counts the warning colours: on the seed report all four projects are yellow", async () => {
    const projects = await listYearProjects(t.prisma, { year: 2024, today: "2026-11-26" });
    expect(countWarnings(projects.items)).toEqual({ red: 0, yellow: 4, green: 0, stale: 0 });
  });
});
