// Reads of projects themselves: one project's facts and history, and the lists admins pick from.
// (The year's figures — lists, colours, sums — are read from published 调度期: src/server/figures.)
import "server-only";
import type { Db } from "@/server/db/client";
import { REVISION_PHOTOS_SELECT } from "@/server/photos/queries";

// ---------------------------------------------------------------------------------------------
// One project with everything a leader may read about it.

export async function getProjectDetail(prisma: Db, code: string) {
  return prisma.project.findUnique({
    where: { code },
    include: {
      park: true,
      metrics: { orderBy: { sortOrder: "asc" } },
      milestones: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      planEntries: { include: { plan: { select: { year: true, title: true, startDeadline: true } } }, orderBy: { plan: { year: "desc" } } },
      monthlyReports: {
        orderBy: { month: "desc" },
        include: {
          revisions: { orderBy: { revisionNo: "desc" }, include: { createdBy: { select: { displayName: true } }, photos: REVISION_PHOTOS_SELECT } },
          events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { user: { select: { displayName: true } } } },
        },
      },
    },
  });
}
export type ProjectDetail = NonNullable<Awaited<ReturnType<typeof getProjectDetail>>>;

// ---------------------------------------------------------------------------------------------
// For the admin pages: every project (whatever its lists) and one project to edit.

export async function listAllProjects(prisma: Db) {
  const rows = await prisma.project.findMany({
    orderBy: { code: "asc" },
    include: { park: { select: { name: true } }, planEntries: { select: { plan: { select: { year: true } } } } },
  });
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    parkName: p.park.name,
    totalInvestment: p.totalInvestment.toString(),
    status: p.status,
    years: p.planEntries.map((e) => e.plan.year).sort(),
  }));
}

export async function getProjectForEdit(prisma: Db, code: string) {
  return prisma.project.findUnique({
    where: { code },
    include: {
      metrics: { orderBy: { sortOrder: "asc" } },
      plannedMonths: { orderBy: { month: "asc" } },
      milestones: { orderBy: { sortOrder: "asc" } },
      planEntries: { include: { plan: { select: { year: true } } } },
      park: { select: { name: true } },
      fundingPlans: true,
    },
  });
}

/** Projects a user may pick when raising an issue: all (parkId null) or those of one county park. */
export async function listProjectChoices(prisma: Db, parkId: number | null) {
  return prisma.project.findMany({
    where: parkId === null ? {} : { parkId },
    orderBy: { code: "asc" },
    select: { code: true, name: true, parkId: true },
  });
}
