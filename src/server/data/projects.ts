// Projects on a year's list, with their latest reported cumulative investment.
import "server-only";
import { Prisma, type ProjectStatus, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { LATEST_REPORT } from "./sql";

export type ProjectRow = {
  id: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  industry: string | null;
  totalInvestment: string;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  status: ProjectStatus;
  isDemo: boolean;
  /** latest month with an approved or submitted figure, and that figure */
  reportedMonth: string | null;
  reportedStatus: ReportStatus | null;
  completedInvestment: string | null;
};

/**
 * The projects of `year`'s list in list order. The completed investment is the newest
 * approved figure; where a later month is only submitted, that later figure is shown with
 * its status so the reader can tell.
 */
export async function listPlanProjects(prisma: Db, year: number): Promise<ProjectRow[]> {
  const rows = await prisma.$queryRaw<
    Array<Omit<ProjectRow, "totalInvestment" | "completedInvestment"> & {
      totalInvestment: Prisma.Decimal;
      completedInvestment: Prisma.Decimal | null;
    }>
  >(Prisma.sql`
    SELECT p.id, p.code, p.name, p."parkId", pk.name AS "parkName", p.industry,
           p."totalInvestment", p."actualStartMonth", p."actualProductionMonth", p.status, p."isDemo",
           lr.month AS "reportedMonth", lr.status AS "reportedStatus", lr."cumulativeInvestment" AS "completedInvestment"
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      ${LATEST_REPORT}
     WHERE ap.year = ${year}
     ORDER BY e."sortOrder", p.code`);
  return rows.map((r) => ({
    ...r,
    totalInvestment: r.totalInvestment.toString(),
    completedInvestment: r.completedInvestment?.toString() ?? null,
  }));
}
