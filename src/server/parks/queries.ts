// County parks (县区园区).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

export type ParkOption = { id: number; name: string; county: string; isDemo: boolean };

export async function listParks(prisma: Db): Promise<ParkOption[]> {
  return prisma.park.findMany({ select: { id: true, name: true, county: true, isDemo: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

export async function getPark(prisma: Db, id: number): Promise<ParkOption | null> {
  return prisma.park.findUnique({ where: { id }, select: { id: true, name: true, county: true, isDemo: true } });
}

/** The industries on `year`'s list, for the project filter: distinct in SQL (Prisma's `distinct` reads every row into JavaScript). */
export async function listIndustries(prisma: Db, year: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ industry: string }>>(Prisma.sql`
    SELECT DISTINCT p.industry
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
     WHERE ap.year = ${year} AND p.industry IS NOT NULL
     ORDER BY p.industry`);
  return rows.map((r) => r.industry);
}
