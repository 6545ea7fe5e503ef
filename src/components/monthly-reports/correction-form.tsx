"use client";
// 申请更正: on the form of a published month, the county asks the office to re-open it, with a reason.
import { useActionState } from "react";
import { requestCorrectionAction } from "@/server/periods/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { HiddenFields } from "@/components/forms/hidden-fields";

export function CorrectionRequestForm({ projectCode, month, max }: { projectCode: string; month: string; max: number }) {
  const [state, action, busy] = useActionState(requestCorrectionAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="space-y-2" aria-label="申请更正">
      <HiddenFields values={{ projectCode, month }} />
      <Field name="correction-reason" label="更正原因（必填：要更正什么、为什么）" errors={state.fieldErrors?.reason} hint={`不超过${max}字`}>
        <textarea
          id="correction-reason"
          name="reason"
          rows={3}
          defaultValue={state.values?.reason}
          className={inputClass}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
        />
      </Field>
      {!state.fieldErrors?.reason && <FormMessage ok={false} message={state.message} />}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        {busy ? "正在提交…" : "申请更正"}
      </button>
    </form>
  );
}
