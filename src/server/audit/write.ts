// Every write records who, when, what and the before/after values, in the same transaction.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import type { AuditAction } from "./names";
import { cleanStoredText } from "@/lib/schemas/text";

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

export type AuditEntry = { action: AuditAction; entity: string; entityId: string | number; before?: unknown; after?: unknown; ip?: string | null };

function auditData(actor: Actor | null, entry: AuditEntry) {
  return {
    userId: actor?.id ?? null,
    actor: actor?.username ?? "system",
    action: entry.action,
    entity: entry.entity,
    entityId: cleanStoredText(String(entry.entityId), 60) ?? "",
    before: toJson(entry.before),
    after: toJson(entry.after),
    ip: cleanStoredText(entry.ip, 64),
  };
}

/** Many entries of one write at once (an import of thousands of rows): one INSERT of arrays. */
export async function writeAuditMany(tx: Pick<Prisma.TransactionClient, "$executeRaw">, actor: Actor | null, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => auditData(actor, e));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const json = (k: "before" | "after") => rows.map((r) => (r[k] === undefined ? null : JSON.stringify(r[k])));
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "AuditLog" ("userId", actor, action, entity, "entityId", before, after, ip)
    SELECT * FROM unnest(${col("userId")}::int[], ${col("actor")}::text[], ${col("action")}::text[], ${col("entity")}::text[],
                         ${col("entityId")}::text[], ${json("before")}::jsonb[], ${json("after")}::jsonb[], ${col("ip")}::text[])`);
}

/**
 * One entry, by the same statement as writeAuditMany: SQL rather than the ORM's create, which
 * Prisma 6 compiles afresh on the request's thread for every call (about 1.5 ms of CPU; every
 * write of the deadline-day rush writes one, docs/benchmark.md).
 */
export async function writeAudit(tx: Pick<Prisma.TransactionClient, "$executeRaw">, actor: Actor | null, entry: AuditEntry) {
  await writeAuditMany(tx, actor, [entry]);
}
