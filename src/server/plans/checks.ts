// The office's data-consistency prompts about a year's plan (src/domain/plan-gaps.ts): the
// declared figures against the projects on the list, the list's projects without an annual plan
// figure (年度投资完成率 leaves them out), and the entered projects' completion against the declared
// annual plan. Shown in the office's to-do and on the plan page, each with a link to where the
// figure is entered; leaders and official documents see the scope stated plainly instead.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { countGap, investmentGap } from "@/domain/plan-gaps";
import { getOverviewHeadline } from "@/server/figures/overview";

/** How many projects without an annual plan figure a prompt names (it links to all of them). */
export const PLAN_CHECK_LIST = 5;

export type PlanCheck = { key: "count" | "total" | "annual-missing" | "declared-annual"; message: string; href: string; fix: string };

export type PlanChecks = {
  year: number;
  checks: PlanCheck[];
  /** the first PLAN_CHECK_LIST projects on the list without an annual plan figure, and how many there are */
  missingPlan: { total: number; rows: Array<{ code: string; name: string; parkName: string }> };
};

/** The prompts for `year`'s plan, or null without that plan. One aggregate and one bounded list over the list. */
export async function getPlanChecks(prisma: Db, year: number): Promise<PlanChecks | null> {
  const plan = await prisma.annualPlan.findUnique({
    where: { year },
    select: { id: true, declaredProjectCount: true, declaredTotalInvestment: true },
  });
  if (!plan) return null;
  const [[listed], missing, headline] = await Promise.all([
    prisma.$queryRaw<Array<{ count: number; total: Prisma.Decimal; withoutPlan: number }>>(Prisma.sql`
      SELECT count(*)::int AS count, coalesce(sum(p."totalInvestment"), 0) AS total,
             (count(*) - count(e."annualPlannedInvestment"))::int AS "withoutPlan"
        FROM "AnnualPlanEntry" e JOIN "Project" p ON p.id = e."projectId"
       WHERE e."planId" = ${plan.id}`),
    prisma.$queryRaw<Array<{ code: string; name: string; parkName: string }>>(Prisma.sql`
      SELECT p.code, p.name, pk.name AS "parkName"
        FROM "AnnualPlanEntry" e JOIN "Project" p ON p.id = e."projectId" JOIN "Park" pk ON pk.id = p."parkId"
       WHERE e."planId" = ${plan.id} AND e."annualPlannedInvestment" IS NULL
       ORDER BY e."sortOrder", p.code
       LIMIT ${PLAN_CHECK_LIST}`),
    getOverviewHeadline(prisma, year),
  ]);
  const page = `/admin/plans/${year}`;
  const checks: PlanCheck[] = [];
  const count = countGap(plan.declaredProjectCount, listed.count);
  if (count.message) checks.push({ key: "count", message: count.message, href: `${page}#entries`, fix: "核对清单" });
  const total = investmentGap({
    declaredTotal: plan.declaredTotalInvestment,
    computedTotal: listed.total,
    declaredCount: plan.declaredProjectCount,
    computedCount: listed.count,
  });
  if (total.message) checks.push({ key: "total", message: total.message, href: `${page}#declared`, fix: "核对申报数" });
  if (listed.withoutPlan > 0) {
    const first = missing[0];
    checks.push({
      key: "annual-missing",
      message: `清单上${listed.withoutPlan}个项目未填年度计划投资，年度投资完成率只按其余${listed.count - listed.withoutPlan}个项目计算。`,
      href: first ? `${page}#annual_${first.code}` : `${page}#entries`,
      fix: "填写年度计划投资",
    });
  }
  const declaredAnnual = headline?.figures?.declaredInconsistency;
  if (declaredAnnual) checks.push({ key: "declared-annual", message: declaredAnnual, href: `${page}#declared`, fix: "核对申报数" });
  return { year, checks, missingPlan: { total: listed.withoutPlan, rows: missing } };
}
