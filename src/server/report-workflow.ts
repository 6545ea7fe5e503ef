// The writes of the review workflow every county-entered report shares (月度调度, 效益填报; its
// rules in src/domain/review-workflow.ts), in the caller's transaction: a save moving the report to
// its new revision, and the office's review — refused unless the report is 已提交 at the version
// reviewed, then moved to 已审核 or 退回 conditionally, with its event and its audit entry. What
// differs (the permission, the revision's fields, the period, the 核实说明, what the audit entry
// names) stays with each domain's service.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { writeAudit, type AuditEntry } from "@/server/audit/write";
import { StateError } from "@/server/errors";
import { type Tx, isNoMatch } from "@/server/tx";
import { reviewRefusal, statusAfterSave } from "@/domain/review-workflow";
import type { ReportStatus } from "@/generated/prisma/enums";

type ReportModel = "monthlyReport" | "benefitReport";

/**
 * A save's move of the report (created or locked by the caller) to its new revision: the status the
 * intent leads to, the version moved on, any 退回 reason cleared, and its SAVE or SUBMIT event.
 * Returns the report's new version.
 */
export async function saveTransition(
  tx: Tx,
  actor: Actor,
  model: ReportModel,
  save: { reportId: number; revisionId: number; intent: "save" | "submit"; fromStatus: ReportStatus | null },
): Promise<number> {
  const status = statusAfterSave(save.intent);
  const update = { where: { id: save.reportId }, data: { status, currentRevisionId: save.revisionId, version: { increment: 1 }, returnReason: null } };
  const updated = await (model === "monthlyReport" ? tx.monthlyReport.update(update) : tx.benefitReport.update(update));
  const event = {
    reportId: save.reportId,
    revisionId: save.revisionId,
    action: save.intent === "submit" ? ("SUBMIT" as const) : ("SAVE" as const),
    fromStatus: save.fromStatus,
    toStatus: status,
    userId: actor.id,
  };
  await (model === "monthlyReport" ? tx.reportEvent.create({ data: event }) : tx.benefitEvent.create({ data: event }));
  return updated.version;
}

type Reviewed = { id: number; version: number; status: ReportStatus; currentRevisionId: number | null };

/** Refuses a review from a page older than the report (`changed()`) or of a report not 已提交 with a revision. */
export function assertReviewable(report: Reviewed, version: number, changed: () => Error): void {
  if (report.version !== version) throw changed();
  const refusal = reviewRefusal(report.status, report.currentRevisionId !== null);
  if (refusal) throw new StateError(refusal);
}

export type ReviewStep = {
  /** which report: the monthly report (ReportEvent) or the benefit report (BenefitEvent) */
  model: ReportModel;
  approve: boolean;
  /** the reason the event keeps: 退回's reason, or an approval's 核实说明 */
  reason: string | null;
  /** the conflict thrown when the report moved since it was read */
  changed: () => Error;
  /** the audit entry (its entity id is the report's) */
  audit: Omit<AuditEntry, "entityId">;
};

/**
 * 审核通过 points the report at its current revision; 退回 keeps the reason on it. The update is
 * conditional on the version read (else `changed()`); the event and the audit entry go in the same
 * transaction. Returns the new status.
 */
export async function reviewTransition(tx: Tx, actor: Actor, report: Reviewed, step: ReviewStep): Promise<ReportStatus> {
  const status: ReportStatus = step.approve ? "APPROVED" : "RETURNED";
  const update = {
    where: { id: report.id, version: report.version },
    data: step.approve
      ? { status, approvedRevisionId: report.currentRevisionId, returnReason: null, version: { increment: 1 } }
      : { status, returnReason: step.reason, version: { increment: 1 } },
  };
  const moved = step.model === "monthlyReport" ? tx.monthlyReport.update(update) : tx.benefitReport.update(update);
  await moved.catch((e: unknown) => {
    throw isNoMatch(e) ? step.changed() : e;
  });
  const event = {
    reportId: report.id,
    revisionId: report.currentRevisionId,
    action: step.approve ? ("APPROVE" as const) : ("RETURN" as const),
    fromStatus: report.status,
    toStatus: status,
    reason: step.reason,
    userId: actor.id,
  };
  await (step.model === "monthlyReport" ? tx.reportEvent.create({ data: event }) : tx.benefitEvent.create({ data: event }));
  await writeAudit(tx, actor, { ...step.audit, entityId: report.id });
  return status;
}
