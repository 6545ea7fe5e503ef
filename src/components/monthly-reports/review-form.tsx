"use client";
import { useActionState } from "react";
import { reviewReportAction } from "@/server/monthly-reports/actions";
import { initialActionState } from "@/server/action-state";
import { FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { HiddenFields } from "@/components/forms/hidden-fields";

export function ReviewForm({ reportId, version, label }: { reportId: number; version: number; label: string }) {
  const [state, action, pending] = useActionState(reviewReportAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  const reasonError = state.fieldErrors?.reason;
  return (
    <form action={action} className="space-y-2" aria-label={`审核 ${label}`}>
      <HiddenFields values={{ reportId, version }} />
      <label className="block text-sm text-slate-600" htmlFor={`reason-${reportId}`}>
        退回原因（退回时必填）
      </label>
      <textarea id={`reason-${reportId}`} name="reason" rows={2} defaultValue={state.values?.reason} className={inputClass} aria-invalid={reasonError ? true : undefined} />
      {reasonError?.map((e) => (
        <p key={e} className="text-sm text-red-600" role="alert">
          {e}
        </p>
      ))}
      {!reasonError && <FormMessage ok={false} message={state.message} />}
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
