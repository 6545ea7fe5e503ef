// Reads for the admin pages: projects and plans to edit, users, and the audit log.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

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
    },
  });
}

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

export async function listUsers(prisma: Db) {
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: { id: true, username: true, displayName: true, role: true, parkId: true, active: true, updatedAt: true, park: { select: { name: true } } },
  });
}

export const AUDIT_PAGE_SIZE = 30;
export type AuditFilters = { entity?: string; user?: string; action?: string; page: number };

export async function listAudit(prisma: Db, f: AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {};
  if (f.entity) where.entity = f.entity;
  if (f.user) where.actor = f.user;
  if (f.action) where.action = { startsWith: f.action };
  // one query at a time: the embedded database serves few connections
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (f.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  const total = await prisma.auditLog.count({ where });
  const entities = await prisma.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } });
  const actors = await prisma.auditLog.findMany({ distinct: ["actor"], select: { actor: true }, orderBy: { actor: "asc" } });
  return {
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entities: entities.map((e) => e.entity),
    actors: actors.map((a) => a.actor),
  };
}
