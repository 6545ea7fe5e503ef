// The audit log's retention and its only deletion. The database keeps the rules (migration
// 20261206130800_audit_log_immutable): it refuses every UPDATE and TRUNCATE of "AuditLog" and the
// DELETE of an entry younger than the retention ("AuditSettings".retentionDays, never below 180 days
// by a CHECK). Here: reading and setting that retention (AUDIT_RETENTION_DAYS, `npm run
// audit:retention`) and the operator's purge of older entries (`npm run audit:purge`), each audited.
// Nothing deletes entries automatically. No "server-only" marker: the command-line scripts load it.
import os from "node:os";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { businessDate, startOfDay } from "@/lib/month";
import { writeAudit } from "./write";

/** The least number of days an entry is kept (the database's CHECK and its trigger say the same). */
export const AUDIT_RETENTION_FLOOR = 180;
/** The most the setting accepts (a hundred years). */
export const AUDIT_RETENTION_MAX = 36_500;

/** A refused retention or purge request, in Chinese, for the command line and the start-up. */
export class RetentionError extends Error {}

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

function checkDays(days: number, source: string): number {
  if (!Number.isInteger(days) || days < AUDIT_RETENTION_FLOOR || days > AUDIT_RETENTION_MAX) {
    throw new RetentionError(`${source}须为${AUDIT_RETENTION_FLOOR}到${AUDIT_RETENTION_MAX}之间的整数（天）：操作日志至少保存${AUDIT_RETENTION_FLOOR}天。`);
  }
  return days;
}

/**
 * The retention asked for by AUDIT_RETENTION_DAYS (or a command's --days): null when unset or
 * empty (the database keeps what it has); a whole number of days from 180; anything else refused.
 */
export function parseRetentionDays(raw: string | undefined, source = "AUDIT_RETENTION_DAYS"): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const v = raw.trim();
  if (!/^[0-9]{1,6}$/.test(v)) throw new RetentionError(`${source}须为${AUDIT_RETENTION_FLOOR}到${AUDIT_RETENTION_MAX}之间的整数（天）：「${v.slice(0, 20)}」不是天数。`);
  return checkDays(Number(v), source);
}

/** The retention the database enforces now, in days. */
export async function getRetentionDays(prisma: Pick<Db, "$queryRaw">): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ days: number }>>`SELECT "audit_retention_days"() AS days`;
  return Number(row.days);
}

/** Who ran a command on the server: its operating-system account and host, recorded with the entry. */
export function serverOperator(): string {
  let user = "unknown";
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry for the process's uid (some containers)
  }
  return `${user}@${os.hostname()}`.slice(0, 120);
}

export type RetentionChange = { before: number; after: number; changed: boolean };

/** Sets the retention (180 days or more); a change is audited (audit.retention), the same value writes nothing. */
export async function setRetentionDays(prisma: Db, days: number, operator = serverOperator()): Promise<RetentionChange> {
  checkDays(days, "保存期限");
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ retentionDays: number }>>`SELECT "retentionDays" FROM "AuditSettings" WHERE "id" = 1 FOR UPDATE`;
    const before = row ? Number(row.retentionDays) : AUDIT_RETENTION_FLOOR;
    if (before === days) return { before, after: days, changed: false };
    await tx.auditSettings.upsert({ where: { id: 1 }, create: { id: 1, retentionDays: days }, update: { retentionDays: days } });
    await writeAudit(tx, null, { action: "audit.retention", entity: "AuditSettings", entityId: 1, before: { retentionDays: before }, after: { retentionDays: days, operator } });
    return { before, after: days, changed: true };
  });
}

/**
 * Applies AUDIT_RETENTION_DAYS when it is set (refusing a value below 180 with a Chinese message);
 * null when unset. For the start-up after migrations, and `npm run db:migrate`.
 */
export async function applyRetentionFromEnv(prisma: Db, env: Record<string, string | undefined> = process.env): Promise<RetentionChange | null> {
  const days = parseRetentionDays(env.AUDIT_RETENTION_DAYS);
  return days === null ? null : setRetentionDays(prisma, days);
}

export type PurgeResult = {
  /** the day asked for: entries created before its start (business time zone) */
  before: string;
  retentionDays: number;
  /** the latest `before` the retention allows today */
  latestAllowed: string;
  /** entries deleted (or, in a dry run, that would be) */
  deleted: number;
  dryRun: boolean;
};

/**
 * Deletes the entries created before the day `before` (YYYY-MM-DD, business time zone) — only if
 * that whole range is older than the retention; then records the purge (audit.purge) in the same
 * transaction. The database's own trigger checks every deleted row again. `dryRun` only counts.
 */
export async function purgeAuditLog(prisma: Db, options: { before: string; dryRun?: boolean; operator?: string }): Promise<PurgeResult> {
  const before = options.before?.trim() ?? "";
  if (!DAY.test(before) || Number.isNaN(Date.parse(`${before}T00:00:00Z`)) || new Date(`${before}T00:00:00Z`).toISOString().slice(0, 10) !== before) {
    throw new RetentionError("--before 须为日期 YYYY-MM-DD（例如 2024-01-01）：清理该日之前的操作日志。");
  }
  const cutoff = startOfDay(before);
  const operator = options.operator ?? serverOperator();
  return prisma.$transaction(
    async (tx) => {
      // the database's clock and retention, as its trigger will judge them in this transaction
      const [{ limit, days }] = await tx.$queryRaw<Array<{ limit: Date; days: number }>>`
        SELECT now() - make_interval(days => "audit_retention_days"()) AS "limit", "audit_retention_days"() AS days`;
      const retentionDays = Number(days);
      const latestAllowed = businessDate(limit);
      if (cutoff.getTime() > limit.getTime()) {
        throw new RetentionError(`操作日志至少保存${retentionDays}天：只能清理${latestAllowed}之前的记录（--before 最晚为 ${latestAllowed}）。`);
      }
      if (options.dryRun) {
        const [{ n }] = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "AuditLog" WHERE "createdAt" < ${cutoff}`;
        return { before, retentionDays, latestAllowed, deleted: Number(n), dryRun: true };
      }
      const deleted = await tx.$executeRaw(Prisma.sql`DELETE FROM "AuditLog" WHERE "createdAt" < ${cutoff}`);
      await writeAudit(tx, null, { action: "audit.purge", entity: "AuditLog", entityId: before, after: { purgedBefore: before, deleted, retentionDays, operator } });
      return { before, retentionDays, latestAllowed, deleted, dryRun: false };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
