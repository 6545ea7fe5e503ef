"use client";
import { useActionState } from "react";
import { reviewReportAction } from "@/server/monthly-reports/actions";
import { initialActionState } from "@/server/action-state";
import { FieldErrors, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { VERIFICATION_MAX } from "@/lib/text-limits";
import { bumpLiveCounts } from "@/components/common/live-count";
import type { ActionState } from "@/server/action-state";

/**
 * 审核通过 / 退回; a report with 数据质量提示 (`flagged`) asks for a one-line 核实说明 to approve it.
 * A decision moves the page's counts and the menu's 我的待办 badge at once (`counts`: the names of
 * the live counts it leaves, src/components/common/live-count.tsx); the item stays, with its answer.
 * The same form reviews 效益填报 (`reviewAction`: reviewBenefitAction), which has the same workflow.
 */
export function ReviewForm({
  reportId,
  version,
  label,
  flagged = false,
  counts = { left: [], approved: null, returned: null },
  reviewAction = reviewReportAction,
}: {
  reportId: number;
  version: number;
  label: string;
  flagged?: boolean;
  counts?: { left: string[]; approved: string | null; returned: string | null };
  /** the server action deciding (default: the monthly report's) */
  reviewAction?: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, action, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const answer = await reviewAction(previous, form);
    if (answer.ok) {
      const joined = form.get("decision") === "approve" ? counts.approved : counts.returned;
      bumpLiveCounts({ ...Object.fromEntries(counts.left.map((name) => [name, -1])), ...(joined ? { [joined]: 1 } : {}) });
    }
    return answer;
  }, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  const reasonError = state.fieldErrors?.reason;
  const noteError = state.fieldErrors?.note;
  return (
    <form action={action} className="space-y-2" aria-label={`审核 ${label}`}>
      <HiddenFields values={{ reportId, version }} />
      {(flagged || noteError) && (
        <div className="space-y-1">
          <label className="block text-sm font-medium text-amber-900" htmlFor={`note-${reportId}`}>
            核实说明（有数据质量提示，审核通过时必填，不超过{VERIFICATION_MAX}字）
          </label>
          <input
            id={`note-${reportId}`}
            name="note"
            type="text"
            maxLength={VERIFICATION_MAX}
            autoComplete="off"
            defaultValue={state.values?.note}
            placeholder="如：已电话核实，本月设备款集中支付，有发票"
            className={inputClass}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `note-${reportId}-error` : undefined}
          />
          <FieldErrors name={`note-${reportId}`} errors={noteError} />
        </div>
      )}
      <label className="block text-sm text-slate-600" htmlFor={`reason-${reportId}`}>
        退回原因（退回时必填）
      </label>
      <textarea id={`reason-${reportId}`} name="reason" rows={2} defaultValue={state.values?.reason} className={inputClass} aria-invalid={reasonError ? true : undefined} />
      {reasonError?.map((e) => (
        <p key={e} className="text-sm text-red-600" role="alert">
          {e}
        </p>
      ))}
      {!reasonError && !noteError && <FormMessage ok={false} message={state.message} />}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass}>
          审核通过
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>
          退回
        </button>
      </div>
    </form>
  );
}
