import { describe, expect, it } from "vitest";
import { createPlan } from "@/server/plans/service";
import { planSchema } from "@/lib/schemas/project";
import { ValidationError } from "@/server/errors";
import { listPlanYears, resolvePlanYear } from "@/server/plans/queries";
import { publishedIfNow } from "../helpers/publication";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";

const form = (over: Record<string, string> = {}) =>
  planSchema.parse({
    year: "2025",
    stamp: new Date(0).toISOString(),
    title: "市工业园区2025年重大项目计划",
    declaredProjectCount: "60",
    declaredTotalInvestment: "1500000.25",
    declaredAnnualInvestment: "400000",
    startDeadline: "2025-04-30",
    startTargetLabel: "全部开工",
    productionDeadline: "2025-06-30",
    productionTargetLabel: "大部分投产",
    targetText: "四月底前全部开工，六月底前大部分投产",
    ...over,
  });

describe("creating a year's plan", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  it("an admin creates the next year's plan; it becomes the default year with nothing listed yet", async () => {
    await createPlan(t.prisma, a.admin, form());
    expect(await listPlanYears(t.prisma)).toEqual([2025, 2024]);
    const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2025 } });
    expect(plan.declaredTotalInvestment.toFixed(2)).toBe("1500000.25");
    expect(plan.startDeadline.toISOString().slice(0, 10)).toBe("2025-04-30");
    expect((await resolvePlanYear(t.prisma, undefined)).year).toBe(2025);
    expect((await publishedIfNow(t.prisma, "2025-01", "2025-01-31")).totals.projectCount).toBe(0);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "plan.create" } });
    expect([audit.actor, audit.entityId]).toEqual(["admin", "2025"]);
  });

  it("a year that already has a plan is refused next to the year field, and nothing changes", async () => {
    const before = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    const error = (await createPlan(t.prisma, a.admin, form({ year: "2024", startDeadline: "2024-04-30", productionDeadline: "2024-06-30" })).catch((e) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.year).toEqual(["2024年的年度计划已存在，请在该年计划页修改"]);
    expect(await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } })).toEqual(before);
    expect(await t.prisma.annualPlan.count()).toBe(2);
  });
});
