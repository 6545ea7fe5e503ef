// Reads of a publication's 数据质量 flags (PublicationQualityFlag, stored when it was published and
// never changed): the counts by kind and by county park that the 通报, the cockpit and the period
// page state, and the office's paged list of the flags with their evidence and 核实说明. The
// project's code and name and the park's name are those printed with the publication
// (ProjectFigure, PublicationParkTotal), never the project or park as it is now.
import "server-only";
import { Prisma, type QualityKind } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { QUALITY_KIND_LABEL } from "@/lib/labels";

export type QualityCount = { count: number; projects: number };

/**
 * A publication's flags counted: `checked` — the checks ran when it was published (false: published
 * before they existed, so no flags); `total`, `projects`, `unverified` — flags, flagged projects,
 * flags without a 核实说明; `byKind` — the kinds flagged, in the checks' order
 * (src/domain/data-quality.ts); `byPark` — the county parks flagged, most flags first, then in the
 * parks' order.
 */
export type QualitySummary = {
  checked: boolean;
  total: number;
  projects: number;
  unverified: number;
  byKind: Array<{ kind: QualityKind } & QualityCount>;
  byPark: Array<{ parkId: number; parkName: string } & QualityCount>;
};

type SummaryRow = {
  checked: boolean;
  noKind: number;
  noPark: number;
  kind: QualityKind | null;
  parkId: number | null;
  parkName: string | null;
  count: number;
  projects: number;
  unverified: number;
};

/** A publication's flags counted in all, by kind and by county park: one grouped statement. */
export async function publicationQualitySummary(prisma: Db, publicationId: number): Promise<QualitySummary> {
  const rows = await prisma.$queryRaw<SummaryRow[]>(Prisma.sql`
    SELECT (SELECT pub."qualityChecked" FROM "PeriodPublication" pub WHERE pub.id = ${publicationId}) AS checked,
           grouping(f.kind)::int AS "noKind", grouping(f."parkId")::int AS "noPark",
           f.kind, f."parkId", min(t."parkName") AS "parkName",
           count(*)::int AS count, count(DISTINCT f."projectId")::int AS projects,
           count(*) FILTER (WHERE f.verification IS NULL)::int AS unverified
      FROM "PublicationQualityFlag" f
      LEFT JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
     WHERE f."publicationId" = ${publicationId}
     GROUP BY GROUPING SETS ((), (f.kind), (f."parkId"))
     ORDER BY count(*) DESC, min(t."parkSortOrder"), min(t."parkName"), f.kind`);
  const all = rows.find((r) => r.noKind && r.noPark);
  return {
    checked: all?.checked ?? false,
    total: all?.count ?? 0,
    projects: all?.projects ?? 0,
    unverified: all?.unverified ?? 0,
    byKind: rows
      .filter((r) => !r.noKind)
      .map((r) => ({ kind: r.kind!, count: r.count, projects: r.projects }))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)),
    byPark: rows.filter((r) => !r.noPark).map((r) => ({ parkId: r.parkId!, parkName: r.parkName ?? "", count: r.count, projects: r.projects })),
  };
}

/** The checks' order, as src/domain/data-quality.ts runs them and the labels list them. */
const KIND_ORDER = Object.keys(QUALITY_KIND_LABEL) as QualityKind[];

/** The flag count of each publication of `month` that ran the checks, by publication number: one statement. */
export async function qualityCountsOfMonth(prisma: Db, month: string): Promise<Map<number, QualityCount>> {
  const rows = await prisma.$queryRaw<Array<{ publicationNo: number } & QualityCount>>(Prisma.sql`
    SELECT pub."publicationNo", count(f."projectId")::int AS count, count(DISTINCT f."projectId")::int AS projects
      FROM "ReportingPeriod" rp
      JOIN "PeriodPublication" pub ON pub."periodId" = rp.id AND pub."qualityChecked"
      LEFT JOIN "PublicationQualityFlag" f ON f."publicationId" = pub.id
     WHERE rp.month = ${month}
     GROUP BY pub."publicationNo"`);
  return new Map(rows.map((r) => [r.publicationNo, { count: r.count, projects: r.projects }]));
}

export type QualityFlagRow = {
  code: string;
  name: string;
  parkName: string;
  kind: QualityKind;
  message: string;
  verification: string | null;
  isDemo: boolean;
};

/**
 * One page of a publication's flags, filtered by county park and kind, in the parks' order, then
 * the list's, then the checks': a count and a LIMIT/OFFSET page, both in SQL.
 */
export async function listPublicationQualityFlags(
  prisma: Db,
  options: { publicationId: number; parkId?: number; kind?: QualityKind; page: number; size: number },
): Promise<{ total: number; rows: QualityFlagRow[] }> {
  const filter = Prisma.sql`f."publicationId" = ${options.publicationId}
    ${options.parkId !== undefined ? Prisma.sql`AND f."parkId" = ${options.parkId}` : Prisma.empty}
    ${options.kind !== undefined ? Prisma.sql`AND f.kind = ${options.kind}::"QualityKind"` : Prisma.empty}`;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "PublicationQualityFlag" f WHERE ${filter}`),
    prisma.$queryRaw<QualityFlagRow[]>(Prisma.sql`
      SELECT coalesce(pf.code, '') AS code, coalesce(pf.name, '') AS name, coalesce(t."parkName", '') AS "parkName",
             f.kind, f.message, f.verification, coalesce(pf."isDemo", false) AS "isDemo"
        FROM "PublicationQualityFlag" f
        LEFT JOIN "ProjectFigure" pf ON pf."publicationId" = f."publicationId" AND pf."projectId" = f."projectId"
        LEFT JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
       WHERE ${filter}
       ORDER BY t."parkSortOrder", t."parkName", pf."listOrder", pf.code, f.kind
       LIMIT ${options.size} OFFSET ${(Math.max(1, options.page) - 1) * options.size}`),
  ]);
  return { total: count[0]?.n ?? 0, rows };
}
