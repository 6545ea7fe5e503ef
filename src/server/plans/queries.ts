// Annual plans: declared figures and the sums computed from the projects on the list.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { latestReportUpTo } from "@/server/reports/counted-revision";
import { byDeadlineSql } from "@/domain/deadlines";
import { completedThisYearSql } from "./year-completion";

export type PlanSummary = {
  year: number;
  title: string;
  targetText: string;
  startDeadline: Date;
  startTargetLabel: string;
  productionDeadline: Date;
  productionTargetLabel: string;
  factorGuarantees: string[];
  isDemo: boolean;
  declared: { projectCount: number; totalInvestment: string; annualInvestment: string };
  computed: {
    projectCount: number;
    totalInvestment: string;
    /** sum of per-project annual plans, and how many projects have one */
    annualInvestment: string;
    projectsWithAnnualPlan: number;
    startedCount: number;
    startedByDeadline: number;
    inProductionCount: number;
    inProductionByDeadline: number;
    /** sum of each project's latest figure within the plan year (see latestReportUpTo) */
    completedInvestment: string;
    /**
     * investment completed within the plan year: each project's latest figure of the year minus
     * its latest figure up to the previous December (nothing, when it has none)
     */
    completedThisYear: string;
    /** how many of the reported figures are demo data */
    demoReports: number;
    reportedProjects: number;
    /** of those, how many figures await review (submitted, not yet approved) */
    submittedOnly: number;
    /** newest and oldest month among the latest figures: they differ when some projects are stale */
    latestMonth: string | null;
    oldestLatestMonth: string | null;
  };
};

export async function listPlanYears(prisma: Db): Promise<number[]> {
  const rows = await prisma.annualPlan.findMany({ select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

/** The plan of `year` (default: the latest) with its computed sums, aggregated in SQL. */
export async function getPlanSummary(prisma: Db, year?: number): Promise<PlanSummary | null> {
  const plan = await prisma.annualPlan.findFirst({
    where: year === undefined ? {} : { year },
    orderBy: { year: "desc" },
  });
  if (!plan) return null;
  const [row] = await prisma.$queryRaw<
    Array<{
      projectCount: number;
      totalInvestment: Prisma.Decimal;
      annualInvestment: Prisma.Decimal;
      projectsWithAnnualPlan: number;
      startedCount: number;
      startedByDeadline: number;
      inProductionCount: number;
      inProductionByDeadline: number;
      completedInvestment: Prisma.Decimal;
      completedThisYear: Prisma.Decimal;
      demoReports: number;
      reportedProjects: number;
      submittedOnly: number;
      latestMonth: string | null;
      oldestLatestMonth: string | null;
    }>
  >(Prisma.sql`
    SELECT count(*)::int                                                   AS "projectCount",
           coalesce(sum(p."totalInvestment"), 0)                           AS "totalInvestment",
           coalesce(sum(e."annualPlannedInvestment"), 0)                   AS "annualInvestment",
           count(e."annualPlannedInvestment")::int                         AS "projectsWithAnnualPlan",
           count(*) FILTER (WHERE p."actualStartMonth" IS NOT NULL)::int   AS "startedCount",
           count(*) FILTER (WHERE ${byDeadlineSql(Prisma.sql`p."actualStartMonth"`, plan.startDeadline)})::int AS "startedByDeadline",
           count(*) FILTER (WHERE p."actualProductionMonth" IS NOT NULL)::int AS "inProductionCount",
           count(*) FILTER (WHERE ${byDeadlineSql(Prisma.sql`p."actualProductionMonth"`, plan.productionDeadline)})::int AS "inProductionByDeadline",
           coalesce(sum(lr."cumulativeInvestment"), 0)                    AS "completedInvestment",
           ${completedThisYearSql("lr", "base")} AS "completedThisYear",
           count(*) FILTER (WHERE lr."isDemo")::int                       AS "demoReports",
           count(lr.month)::int                                           AS "reportedProjects",
           count(*) FILTER (WHERE lr.status = 'SUBMITTED')::int           AS "submittedOnly",
           max(lr.month)                                                  AS "latestMonth",
           min(lr.month)                                                  AS "oldestLatestMonth"
      FROM "AnnualPlanEntry" e
      JOIN "Project" p ON p.id = e."projectId"
      ${latestReportUpTo(`${plan.year}-12`)}
      ${latestReportUpTo(`${plan.year - 1}-12`, "base")}
     WHERE e."planId" = ${plan.id}`);
  return {
    year: plan.year,
    title: plan.title,
    targetText: plan.targetText,
    startDeadline: plan.startDeadline,
    startTargetLabel: plan.startTargetLabel,
    productionDeadline: plan.productionDeadline,
    productionTargetLabel: plan.productionTargetLabel,
    factorGuarantees: plan.factorGuarantees,
    isDemo: plan.isDemo,
    declared: {
      projectCount: plan.declaredProjectCount,
      totalInvestment: plan.declaredTotalInvestment.toString(),
      annualInvestment: plan.declaredAnnualInvestment.toString(),
    },
    computed: {
      projectCount: row.projectCount,
      totalInvestment: row.totalInvestment.toString(),
      annualInvestment: row.annualInvestment.toString(),
      projectsWithAnnualPlan: row.projectsWithAnnualPlan,
      startedCount: row.startedCount,
      startedByDeadline: row.startedByDeadline,
      inProductionCount: row.inProductionCount,
      inProductionByDeadline: row.inProductionByDeadline,
      completedInvestment: row.completedInvestment.toString(),
      completedThisYear: row.completedThisYear.toString(),
      demoReports: row.demoReports,
      reportedProjects: row.reportedProjects,
      submittedOnly: row.submittedOnly,
      latestMonth: row.latestMonth,
      oldestLatestMonth: row.oldestLatestMonth,
    },
  };
}

/** A plan with every project marked on or off its list, for the plan page. */
export async function getPlanForEdit(prisma: Db, year: number) {
  const plan = await prisma.annualPlan.findUnique({ where: { year }, include: { entries: { select: { projectId: true, annualPlannedInvestment: true } } } });
  if (!plan) return null;
  const projects = await prisma.project.findMany({ orderBy: { code: "asc" }, include: { park: { select: { name: true } } } });
  return {
    plan,
    projects: projects.map((p) => {
      const entry = plan.entries.find((e) => e.projectId === p.id);
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
