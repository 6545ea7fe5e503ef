// County parks (县区园区).
import "server-only";
import type { Db } from "@/server/db/client";

export type ParkOption = { id: number; name: string; county: string; isDemo: boolean };

export async function listParks(prisma: Db): Promise<ParkOption[]> {
  return prisma.park.findMany({ select: { id: true, name: true, county: true, isDemo: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

export async function getPark(prisma: Db, id: number): Promise<ParkOption | null> {
  return prisma.park.findUnique({ where: { id }, select: { id: true, name: true, county: true, isDemo: true } });
}
