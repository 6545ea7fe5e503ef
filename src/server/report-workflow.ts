// The writes of the review workflow every county-entered report shares (月度调度, 效益填报; its
// rules in src/domain/review-workflow.ts), in the caller's transaction: a save moving the report to
// its new revision, and the office's review — refused unless the report is 已提交 at the version
// reviewed, then moved to 已审核 or 退回 conditionally, with its event and its audit entry. What
// differs (the permission, the revision's fields, the period, the 核实说明, what the audit entry
// records) stays with each domain's service.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { writeAudit } from "@/server/audit/write";
import type { AuditAction } from "@/server/audit/names";
import type { AuditEntity } from "@/server/audit/labels";
import { ConflictError, NotFoundError, StateError } from "@/server/errors";
import type { Tx } from "@/server/tx";
import { reviewRefusal, statusAfterSave } from "@/domain/review-workflow";
import type { ReportStatus } from "@/generated/prisma/enums";

/** The two reports the workflow runs on, and what differs between them in its refusals and its audit entries. */
const KINDS = {
  monthlyReport: {
    notFound: "报表不存在。",
    changed: "该报表在您打开页面之后已被修改或审核，请刷新页面后再审核。",
    entity: "MonthlyReport",
    approve: "report.approve",
    return: "report.return",
  },
  benefitReport: {
    notFound: "效益填报不存在。",
    changed: "该效益填报在您打开页面之后已被修改或审核，请刷新页面后再审核。",
    entity: "BenefitReport",
    approve: "benefit.approve",
    return: "benefit.return",
  },
} as const satisfies Record<string, { notFound: string; changed: string; entity: AuditEntity; approve: AuditAction; return: AuditAction }>;

/** Which report: the monthly report (ReportEvent) or the benefit report (BenefitEvent). */
export type ReportKind = keyof typeof KINDS;

/**
 * Each kind's report and event tables. The workflow's writes are SQL, each move and its event one
 * statement: the ORM's update and create cost a plan compiled afresh on the request's thread per
 * call under Prisma 6 (docs/benchmark.md, the deadline-day rush).
 */
const TABLES = {
  monthlyReport: { report: Prisma.raw(`"MonthlyReport"`), event: Prisma.raw(`"ReportEvent"`) },
  benefitReport: { report: Prisma.raw(`"BenefitReport"`), event: Prisma.raw(`"BenefitEvent"`) },
} as const satisfies Record<ReportKind, unknown>;

/**
 * A save's move of the report (created or locked by the caller) to its new revision: the status the
 * intent leads to, the version moved on, any 退回 reason cleared, and its SAVE or SUBMIT event.
 * Returns the report's new version.
 */
export async function saveTransition(
  tx: Tx,
  actor: Actor,
  kind: ReportKind,
  save: { reportId: number; revisionId: number; intent: "save" | "submit"; fromStatus: ReportStatus | null },
): Promise<number> {
  const status = statusAfterSave(save.intent);
  const t = TABLES[kind];
  const action = save.intent === "submit" ? "SUBMIT" : "SAVE";
  const rows = await tx.$queryRaw<Array<{ version: number }>>(Prisma.sql`
    WITH moved AS (
      UPDATE ${t.report}
         SET status = ${status}::"ReportStatus", "currentRevisionId" = ${save.revisionId}::int, version = version + 1, "returnReason" = NULL, "updatedAt" = now()
       WHERE id = ${save.reportId}::int
   RETURNING id, version),
    event AS (
      INSERT INTO ${t.event} ("reportId", "revisionId", action, "fromStatus", "toStatus", "userId")
      SELECT id, ${save.revisionId}::int, ${action}::"ReportAction", ${save.fromStatus}::"ReportStatus", ${status}::"ReportStatus", ${actor.id}::int FROM moved)
    SELECT version FROM moved`);
  if (rows.length === 0) throw new NotFoundError(KINDS[kind].notFound);
  return rows[0].version;
}

type Reviewed = { id: number; version: number; status: ReportStatus; currentRevisionId: number | null };

const changed = (kind: ReportKind) => new ConflictError(KINDS[kind].changed);

/**
 * Refuses a review of a report that does not exist, from a page older than the report (a conflict),
 * or of a report not 已提交 with a revision.
 */
export function assertReviewable<R extends Reviewed>(kind: ReportKind, report: R | null, version: number): asserts report is R {
  if (!report) throw new NotFoundError(KINDS[kind].notFound);
  if (report.version !== version) throw changed(kind);
  const refusal = reviewRefusal(report.status, report.currentRevisionId !== null);
  if (refusal) throw new StateError(refusal);
}

export type ReviewStep = {
  approve: boolean;
  /** the reason the event keeps: 退回's reason, or an approval's 核实说明 */
  reason: string | null;
  /** what the audit entry records of the report before and after */
  before: unknown;
  after: unknown;
};

/**
 * 审核通过 points the report at its current revision; 退回 keeps the reason on it. The update is
 * conditional on the version read (else a conflict); the event and the audit entry go in the same
 * transaction. Returns the new status.
 */
export async function reviewTransition(tx: Tx, actor: Actor, kind: ReportKind, report: Reviewed, step: ReviewStep): Promise<ReportStatus> {
  const status: ReportStatus = step.approve ? "APPROVED" : "RETURNED";
  const t = TABLES[kind];
  // approving points at the current revision and clears a reason; returning keeps the reason
  const moved = await tx.$queryRaw<Array<{ id: number }>>(Prisma.sql`
    WITH moved AS (
      UPDATE ${t.report}
         SET status = ${status}::"ReportStatus",
             "approvedRevisionId" = ${step.approve ? Prisma.sql`${report.currentRevisionId}::int` : Prisma.sql`"approvedRevisionId"`},
             "returnReason" = ${step.approve ? null : step.reason}::text,
             version = version + 1, "updatedAt" = now()
       WHERE id = ${report.id}::int AND version = ${report.version}::int
   RETURNING id),
    event AS (
      INSERT INTO ${t.event} ("reportId", "revisionId", action, "fromStatus", "toStatus", reason, "userId")
      SELECT id, ${report.currentRevisionId}::int, ${step.approve ? "APPROVE" : "RETURN"}::"ReportAction", ${report.status}::"ReportStatus", ${status}::"ReportStatus", ${step.reason}::text, ${actor.id}::int
        FROM moved)
    SELECT id FROM moved`);
  if (moved.length === 0) throw changed(kind);
  const names = KINDS[kind];
  await writeAudit(tx, actor, { action: step.approve ? names.approve : names.return, entity: names.entity, entityId: report.id, before: step.before, after: step.after });
  return status;
}
