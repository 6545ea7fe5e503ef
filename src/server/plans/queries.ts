// Annual plans: the years, a plan for editing, the year a dashboard shows. (The sums leaders
// read are the published figures: src/server/figures.)
import "server-only";
import type { Db } from "@/server/db/client";
import { sum } from "@/lib/money";

export async function listPlanYears(prisma: Db): Promise<number[]> {
  const rows = await prisma.annualPlan.findMany({ select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

/** A plan with every project marked on or off its list, for the plan page. */
export async function getPlanForEdit(prisma: Db, year: number) {
  const plan = await prisma.annualPlan.findUnique({ where: { year }, include: { entries: { select: { projectId: true, annualPlannedInvestment: true } } } });
  if (!plan) return null;
  const projects = await prisma.project.findMany({ orderBy: { code: "asc" }, include: { park: { select: { name: true } } } });
  const entries = new Map(plan.entries.map((e) => [e.projectId, e]));
  const onList = projects.filter((p) => entries.has(p.id));
  return {
    plan,
    /** the projects on the plan's list: how many, and their total investment (万元) */
    listed: { count: onList.length, totalInvestment: sum(onList.map((p) => p.totalInvestment.toString())) },
    projects: projects.map((p) => {
      const entry = entries.get(p.id);
      return {
        code: p.code,
        name: p.name,
        parkName: p.park.name,
        totalInvestment: p.totalInvestment.toString(),
        onList: !!entry,
        annual: entry?.annualPlannedInvestment?.toString() ?? "",
      };
    }),
  };
}

/**
 * The plan year a dashboard shows: the requested one when a plan exists for it, else the newest.
 * `year` is undefined when there is no plan at all.
 */
export async function resolvePlanYear(prisma: Db, requested: number | undefined): Promise<{ years: number[]; year: number | undefined }> {
  const years = await listPlanYears(prisma);
  return { years, year: requested !== undefined && years.includes(requested) ? requested : years[0] };
}
