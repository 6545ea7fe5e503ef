// The audit log, filtered and paged, for /admin/audit.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";

export const AUDIT_PAGE_SIZE = 30;
export type AuditFilters = { entity?: string; user?: string; action?: string; page: number };

/**
 * One page of the log, newest first, filtered in SQL; a page past the end shows the last one.
 * Four statements whatever the log's length: the count, the page, and the distinct objects and
 * actors for the filter (SELECT DISTINCT in SQL: Prisma's `distinct` would fetch every row).
 */
export async function listAudit(prisma: Db, f: AuditFilters) {
  const where: Prisma.AuditLogWhereInput = {};
  if (f.entity) where.entity = f.entity;
  if (f.user) where.actor = f.user;
  if (f.action) where.action = { startsWith: f.action };
  // one query at a time: the embedded database serves few connections
  const total = await prisma.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(f.page) || 1), pages);
  const rows = await prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE });
  // the objects by a skip scan of the (entity, entityId) index: one probe per distinct object
  const entities = await prisma.$queryRaw<Array<{ entity: string }>>(Prisma.sql`
    WITH RECURSIVE e AS (
      SELECT min(entity) AS entity FROM "AuditLog"
      UNION ALL
      SELECT (SELECT min(a.entity) FROM "AuditLog" a WHERE a.entity > e.entity) FROM e WHERE e.entity IS NOT NULL
    )
    SELECT entity FROM e WHERE entity IS NOT NULL ORDER BY entity`);
  const actors = await prisma.$queryRaw<Array<{ actor: string }>>(Prisma.sql`SELECT DISTINCT actor FROM "AuditLog" ORDER BY actor`);
  return {
    rows: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    page,
    pages,
    entities: entities.map((e) => e.entity),
    actors: actors.map((a) => a.actor),
  };
}
