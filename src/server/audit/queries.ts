// The audit log, filtered and paged, for /admin/audit.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

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
