"use client";
// 资金计划: the project's planned funding per source, 万元 (the office, with the project's facts).
import { useActionState } from "react";
import { FormEnd } from "@/components/forms/form-end";
import { initialActionState } from "@/server/action-state";
import { fundingPlanAction } from "@/server/funding/actions";
import { AmountField } from "@/components/forms/amount-field";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { FUNDING_SOURCE_LABEL, FUNDING_SOURCES } from "@/domain/funding-sources";

const LABELS = { version: "版本" };

export function FundingPlanForm({ code, version, plans }: { code: string; version: number; plans: Record<string, string> }) {
  const [state, action, pending] = useActionState(fundingPlanAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = { ...plans, ...(state.ok ? {} : state.values) };
  return (
    <form action={action} className="space-y-3" noValidate aria-label="资金计划">
      <HiddenFields values={{ code, version }} />
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {FUNDING_SOURCES.map((s) => (
          <AmountField key={s} name={`plan_${s}`} label={`${FUNDING_SOURCE_LABEL[s]}（万元）`} value={v[`plan_${s}`] ?? ""} errors={errors} />
        ))}
      </div>
      <p className="text-xs text-slate-500">各来源计划资金之和为项目的计划资金；资金到位率 = 累计到位资金 ÷ 计划资金。不列的来源留空。</p>
      <FormEnd state={state} pending={pending} labels={LABELS} label="保存资金计划" />
    </form>
  );
}
