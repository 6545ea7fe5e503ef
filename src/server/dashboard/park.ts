// A county park's page (/parks/[id]): the publication leaders read for the year, scoped to the
// park — its stored sums, its month chart, one page of its projects, the top of its red and
// yellow warnings, its issue counts and the top of its issues. Every read is bounded: the page
// costs the same number of queries and rows whatever the size of the park.
import "server-only";
import { Prisma, type IssueCategory, type IssueStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { getReadPublication } from "@/server/periods/queries";
import { getMonthlySeries, getPublicationTotals, listFigures, type FigureRow } from "@/server/figures/queries";
import { getIssueSummary } from "@/server/issues/queries";
import { escalatedSql, overdueSql } from "@/domain/overdue";

/** projects per page of the park's list */
export const PARK_PROJECTS_PAGE = 20;
/** how many red (and how many yellow) warnings, and how many issues, the park page shows */
export const PARK_TOP = 5;

export type ParkIssue = {
  id: number;
  category: IssueCategory;
  title: string;
  status: IssueStatus;
  overdue: boolean;
  escalated: boolean;
  responsibleLeader: string | null;
  dueDate: Date | null;
  isDemo: boolean;
  projectCode: string | null;
  projectName: string | null;
};

/** The park's issues of the year, overdue first, closed last, at most `limit`. */
async function listParkIssues(prisma: Db, parkId: number, year: number, today: string, limit: number): Promise<ParkIssue[]> {
  return prisma.$queryRaw<ParkIssue[]>(Prisma.sql`
    SELECT i.id, i.category, i.title, i.status, ${overdueSql(today)} AS overdue, ${escalatedSql(today)} AS escalated, i."responsibleLeader", i."dueDate", i."isDemo",
           p.code AS "projectCode", p.name AS "projectName"
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
     WHERE i.year = ${year} AND (i."parkId" = ${parkId} OR p."parkId" = ${parkId})
     ORDER BY ${overdueSql(today)} DESC, (i.status = 'CLOSED'), i."dueDate" NULLS LAST, i."sortOrder", i.id
     LIMIT ${limit}`);
}

export async function getParkDashboard(prisma: Db, parkId: number, year: number, today: string, page: number) {
  const pub = await getReadPublication(prisma, year);
  const scope = pub ? { publicationId: pub.publicationId, parkId } : null;
  const empty = { total: 0, rows: [] as FigureRow[] };
  const [totals, series, projects, red, yellow, issueSummary, issues] = await Promise.all([
    scope ? getPublicationTotals(prisma, { ...scope, month: pub!.month }) : null,
    getMonthlySeries(prisma, year, pub?.publicationId ?? null, parkId),
    scope ? listFigures(prisma, { ...scope, page, size: PARK_PROJECTS_PAGE }) : empty,
    scope ? listFigures(prisma, { ...scope, warning: "red", sort: "lag", dir: "desc", page: 1, size: PARK_TOP }) : empty,
    scope ? listFigures(prisma, { ...scope, warning: "yellow", sort: "lag", dir: "desc", page: 1, size: PARK_TOP }) : empty,
    getIssueSummary(prisma, { year, today, parkId }),
    listParkIssues(prisma, parkId, year, today, PARK_TOP),
  ]);
  return { pub, totals, series, projects, warnings: { red, yellow }, issueSummary, issues };
}
