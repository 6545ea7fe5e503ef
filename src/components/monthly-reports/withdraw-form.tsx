"use client";
// 撤回: the county takes back its submitted report while the office has not reviewed it.
import { useActionState } from "react";
import { withdrawReportAction } from "@/server/monthly-reports/actions";
import { initialActionState } from "@/server/action-state";
import { FormMessage, secondaryButtonClass } from "@/components/forms/field";
import { HiddenFields } from "@/components/forms/hidden-fields";

export function WithdrawForm({ reportId, version }: { reportId: number; version: number }) {
  const [state, action, pending] = useActionState(withdrawReportAction, initialActionState);
  if (state.ok) {
    return (
      <div className="mt-3 space-y-2">
        <FormMessage ok message={state.message} />
        <a href="" className={secondaryButtonClass}>
          修改本月报表
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="mt-3 flex flex-wrap items-center gap-2" aria-label="撤回报表">
      <HiddenFields values={{ reportId, version }} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? "正在撤回…" : "撤回报表"}
      </button>
      <span className="text-sm text-slate-600">撤回后报表回到草稿，修改后再提交。</span>
      <div className="w-full">
        <FormMessage ok={false} message={state.message} />
      </div>
    </form>
  );
}
