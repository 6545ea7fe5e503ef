// The office's review of a county-entered report (月度调度, 效益填报), the part both share: the
// refusals before it (src/domain/review-workflow.ts) and the write itself — the report moved to
// 已审核 or 退回 conditionally on the version reviewed, its event and its audit entry, in the
// caller's transaction. What differs (the permission, the period, the 核实说明, what the audit entry
// names) stays with each domain's service.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { writeAudit, type AuditEntry } from "@/server/audit/write";
import { StateError } from "@/server/errors";
import { type Tx, isNoMatch } from "@/server/tx";
import { reviewRefusal } from "@/domain/review-workflow";
import type { ReportStatus } from "@/generated/prisma/enums";

type Reviewed = { id: number; version: number; status: ReportStatus; currentRevisionId: number | null };

/** Refuses a review from a page older than the report (`changed()`) or of a report not 已提交 with a revision. */
export function assertReviewable(report: Reviewed, version: number, changed: () => Error): void {
  if (report.version !== version) throw changed();
  const refusal = reviewRefusal(report.status, report.currentRevisionId !== null);
  if (refusal) throw new StateError(refusal);
}

export type ReviewStep = {
  /** which report: the monthly report (ReportEvent) or the benefit report (BenefitEvent) */
  model: "monthlyReport" | "benefitReport";
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
