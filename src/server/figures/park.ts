// A county park's page (/parks/[id]), one loader per section: the publication leaders read for
// the year, scoped to the park — its stored sums with their rates, one page of its projects, the
// top of its red and yellow warnings (its month chart: getMonthlySeries; its issues:
// src/server/issues/queries.ts). Every read is bounded: the page costs the same number of
// queries and rows whatever the size of the park.
import "server-only";
import type { Db } from "@/server/db/client";
import type { PublicationRef } from "@/server/periods/queries";
import { getPublicationTotals, listFigures, type FigureRow, type PublicationTotals } from "@/server/figures/queries";
import { annualRate } from "@/domain/annual-rate";
import { rate } from "@/lib/progress";
import type { Decimal } from "@/lib/money";

/** projects per page of the park's list */
export const PARK_PROJECTS_PAGE = 20;
/** how many red (and how many yellow) warnings, and how many issues, the park page shows */
export const PARK_TOP = 5;

export type ParkStats = PublicationTotals & {
  /** 年度投资完成率, like for like (src/domain/annual-rate.ts) */
  annualRate: Decimal | null;
  /** 开累完成率: 开工至今累计 ÷ 总投资 */
  totalRate: Decimal | null;
};

/** The park's stored sums in the publication, with their rates. */
export async function getParkStats(prisma: Db, pub: PublicationRef, parkId: number): Promise<ParkStats> {
  const totals = await getPublicationTotals(prisma, { publicationId: pub.publicationId, parkId, month: pub.month });
  return { ...totals, annualRate: annualRate(totals), totalRate: rate(totals.cumulative, totals.totalInvestment) };
}

export type Bounded = { total: number; rows: FigureRow[] };

/** The top PARK_TOP red and the top PARK_TOP yellow warnings of the park, most behind first. */
export async function getParkWarnings(prisma: Db, pub: PublicationRef, parkId: number): Promise<{ red: Bounded; yellow: Bounded }> {
  const scope = { publicationId: pub.publicationId, parkId };
  const [red, yellow] = await Promise.all([
    listFigures(prisma, { ...scope, warning: "red", sort: "lag", dir: "desc", page: 1, size: PARK_TOP }),
    listFigures(prisma, { ...scope, warning: "yellow", sort: "lag", dir: "desc", page: 1, size: PARK_TOP }),
  ]);
  return { red, yellow };
}

/** One page (PARK_PROJECTS_PAGE) of the park's projects in list order, with the number of pages. */
export async function getParkProjects(prisma: Db, pub: PublicationRef, parkId: number, page: number): Promise<Bounded & { page: number; pages: number }> {
  const result = await listFigures(prisma, { publicationId: pub.publicationId, parkId, page, size: PARK_PROJECTS_PAGE });
  return { ...result, page, pages: Math.max(1, Math.ceil(result.total / PARK_PROJECTS_PAGE)) };
}
