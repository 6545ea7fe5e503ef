// Reads of the published 资金到位 (frozen with each publication: ProjectFigure and
// PublicationParkTotal, src/server/figures/publish.ts): per county park and for the whole list in
// one aggregate over the stored park sums, and the 资金缺口 of the issue ledger by source and park.
import "server-only";
import { Prisma, type FundingSource } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { FUNDS_COLUMNS, fundingRate, type FundsBySource } from "@/domain/funding";
import { projectFigureRow } from "@/server/figures/queries";
import { decimalText } from "@/lib/money";

export type FundingSums = {
  projectCount: number;
  withFundingPlan: number;
  /** Σ 计划资金 of the projects with a plan, Σ 到位资金 of those same projects (the rate's pair) */
  fundingPlanned: string;
  fundingInPlaceOfPlanned: string;
  /** Σ 到位资金 of every project (with or without a plan) */
  fundingInPlace: string;
  /** 资金到位率 in percent (null: no plan) */
  rate: string | null;
};

export type PublicationFunding = {
  /** false: published before 资金到位 was counted (its pages say so, never 0%) */
  counted: boolean;
  total: FundingSums;
  parks: Array<FundingSums & { parkId: number; parkName: string }>;
};

type Raw = { parkId: number | null; parkName: string | null; projectCount: number; withFundingPlan: number } & Record<
  "fundingPlanned" | "fundingInPlaceOfPlanned" | "fundingInPlace",
  Prisma.Decimal
>;

const sums = (r: Raw): FundingSums => {
  const rate = fundingRate(r);
  return {
    projectCount: r.projectCount,
    withFundingPlan: r.withFundingPlan,
    fundingPlanned: r.fundingPlanned.toString(),
    fundingInPlaceOfPlanned: r.fundingInPlaceOfPlanned.toString(),
    fundingInPlace: r.fundingInPlace.toString(),
    rate: rate === null ? null : rate.toString(),
  };
};

/** A publication's 资金到位 by county park and for the whole list (one statement over the park sums). */
export async function getPublicationFunding(prisma: Db, publicationId: number): Promise<PublicationFunding> {
  const [pub, rows] = await Promise.all([
    prisma.periodPublication.findUnique({ where: { id: publicationId }, select: { fundingCounted: true } }),
    prisma.$queryRaw<Raw[]>(Prisma.sql`
      SELECT t."parkId", t."parkName", sum(t.projects)::int AS "projectCount", sum(t."withFundingPlan")::int AS "withFundingPlan",
             coalesce(sum(t."fundingPlanned"), 0) AS "fundingPlanned",
             coalesce(sum(t."fundingInPlaceOfPlanned"), 0) AS "fundingInPlaceOfPlanned",
             coalesce(sum(t."fundingInPlace"), 0) AS "fundingInPlace"
        FROM "PublicationParkTotal" t
       WHERE t."publicationId" = ${publicationId}
       GROUP BY GROUPING SETS ((t."parkId", t."parkName", t."parkSortOrder"), ())
       ORDER BY (t."parkId" IS NULL), t."parkSortOrder", t."parkName"`),
  ]);
  const total = rows.find((r) => r.parkId === null);
  const empty: Raw = {
    parkId: null,
    parkName: null,
    projectCount: 0,
    withFundingPlan: 0,
    fundingPlanned: new Prisma.Decimal(0),
    fundingInPlaceOfPlanned: new Prisma.Decimal(0),
    fundingInPlace: new Prisma.Decimal(0),
  };
  return {
    counted: pub?.fundingCounted ?? false,
    total: sums(total ?? empty),
    parks: rows.filter((r) => r.parkId !== null).map((r) => ({ ...sums(r), parkId: r.parkId!, parkName: r.parkName! })),
  };
}

export type FundingGapRow = { parkId: number | null; parkName: string | null; source: FundingSource | null; issues: number; gap: string };

/**
 * 资金缺口 of the year's 资金问题 issues that name a source or an amount, summed by source and county
 * park in SQL (grouping sets: each park × source, each source, and the whole), open issues only
 * unless `includeClosed`. A park of null is the park's own issues (园区本级) in a park × source row,
 * and every park in a source total; a source of null is 未注明来源.
 */
export async function getFundingGaps(prisma: Db, year: number, options: { includeClosed?: boolean } = {}) {
  const open = options.includeClosed ? Prisma.empty : Prisma.sql`AND i.status <> 'CLOSED'`;
  const rows = await prisma.$queryRaw<
    Array<{ parkId: number | null; parkName: string | null; source: FundingSource | null; issues: number; gap: Prisma.Decimal; byPark: boolean; bySource: boolean }>
  >(
    Prisma.sql`
    SELECT coalesce(i."parkId", p."parkId") AS "parkId", pk.name AS "parkName", i."fundingSource" AS source,
           count(*)::int AS issues, coalesce(sum(i."fundingGap"), 0) AS gap,
           GROUPING(coalesce(i."parkId", p."parkId"), pk.name) = 0 AS "byPark", GROUPING(i."fundingSource") = 0 AS "bySource"
      FROM "Issue" i
      LEFT JOIN "Project" p ON p.id = i."projectId"
      LEFT JOIN "Park" pk ON pk.id = coalesce(i."parkId", p."parkId")
     WHERE i.year = ${year} AND i.category = 'FUNDING' AND (i."fundingSource" IS NOT NULL OR i."fundingGap" IS NOT NULL) ${open}
     GROUP BY GROUPING SETS ((coalesce(i."parkId", p."parkId"), pk.name, i."fundingSource"), (i."fundingSource"), ())
     ORDER BY 6 DESC, 7 DESC, 2 NULLS LAST, 3 NULLS LAST`,
  );
  const row = (r: (typeof rows)[number]): FundingGapRow => ({ parkId: r.parkId, parkName: r.parkName, source: r.source, issues: r.issues, gap: r.gap.toString() });
  return {
    byParkAndSource: rows.filter((r) => r.byPark && r.bySource).map(row),
    bySource: rows.filter((r) => !r.byPark && r.bySource).map(row),
    total: row(rows.find((r) => !r.byPark && !r.bySource) ?? { parkId: null, parkName: null, source: null, issues: 0, gap: new Prisma.Decimal(0), byPark: false, bySource: false }),
  };
}

export type ProjectFunding = {
  fundingPlanned: string | null;
  /** by source, in FUNDING_SOURCES order (null: never stated) */
  funds: Array<string | null>;
  fundingInPlace: string | null;
  fundingRate: string | null;
  figureMonth: string | null;
  missing: boolean;
  isDemo: boolean;
};

/** One project's 资金到位 as frozen in a publication (null when it is not on it). */
export async function getProjectFunding(prisma: Db, publicationId: number, projectId: number): Promise<ProjectFunding | null> {
  const r = await projectFigureRow<
    FundsBySource<Prisma.Decimal | null> & {
      fundingPlanned: Prisma.Decimal | null;
      fundingInPlace: Prisma.Decimal | null;
      fundingRate: Prisma.Decimal | null;
      figureMonth: string | null;
      missing: boolean;
      isDemo: boolean;
    }
  >(
    prisma,
    publicationId,
    projectId,
    Prisma.sql`f."fundingPlanned", f."fundsFiscal", f."fundsBond", f."fundsBank", f."fundsSelf", f."fundsOther", f."fundingInPlace", f."fundingRate",
           f."figureMonth", f.missing, f."isDemo"`,
  );
  if (!r) return null;
  return {
    fundingPlanned: decimalText(r.fundingPlanned),
    funds: FUNDS_COLUMNS.map((c) => decimalText(r[c])),
    fundingInPlace: decimalText(r.fundingInPlace),
    fundingRate: decimalText(r.fundingRate),
    figureMonth: r.figureMonth,
    missing: r.missing,
    isDemo: r.isDemo,
  };
}
