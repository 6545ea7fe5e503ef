"use client";
import { FormEnd } from "@/components/forms/form-end";
import { useActionState } from "react";
import { milestonesAction, plannedInvestmentAction } from "@/server/projects/actions";
import { initialActionState } from "@/server/action-state";
import { FieldErrors, FormatHint, inputClass } from "@/components/forms/field";
import { AmountField } from "@/components/forms/amount-field";
import { invalidProps } from "@/components/forms/conflict";
import { MILESTONE_KIND_LABEL } from "@/lib/labels";
import { NODE_KINDS as MILESTONE_KINDS } from "@/domain/node-order";
import { HiddenFields } from "@/components/forms/hidden-fields";

const LABELS = { name: "项目名称", totalInvestment: "总投资（万元）", status: "状态", version: "版本" };

/** 倒排工期: one row per month of the year, the planned cumulative investment at its end. */
export function PlannedInvestmentForm({ code, version, year, months }: { code: string; version: number; year: number; months: Record<string, string> }) {
  const [state, action, pending] = useActionState(plannedInvestmentAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = { ...months, ...(state.ok ? {} : state.values) };
  const keys = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="倒排工期">
      <HiddenFields values={{ code, version, year }} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
        {keys.map((m) => (
          <AmountField key={m} name={`m_${m}`} label={`${Number(m.slice(5))}月末累计（万元）`} value={v[`m_${m}`] ?? ""} errors={errors} />
        ))}
      </div>
      <p className="text-xs text-slate-500">累计数逐月不减；空着的月份不设计划。季度目标即3、6、9、12月末的累计数。</p>
      <FormEnd state={state} pending={pending} labels={LABELS} label="保存倒排工期" />
    </form>
  );
}

const NODE_FIELDS = [
  { key: "planned", label: "计划日期", type: "date" },
  { key: "actual", label: "实际日期", type: "date" },
  { key: "unit", label: "责任单位", type: "text" },
  { key: "person", label: "责任人", type: "text" },
  { key: "evidence", label: "佐证材料", type: "text" },
] as const;

/** 节点计划: per typical node its planned date, owners, and (when reached) the actual date with evidence. */
export function MilestonesForm({ code, version, dates, today }: { code: string; version: number; dates: Record<string, string>; today: string }) {
  const [state, action, pending] = useActionState(milestonesAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = { ...dates, ...(state.ok ? {} : state.values) };
  return (
    <form action={action} className="space-y-3" noValidate aria-label="节点目标">
      <HiddenFields values={{ code, version }} />
      <p className="text-xs text-slate-500">不设的节点留空。实际日期不能早于前序节点（如投产不早于开工）；入库的实际日期即项目入库时间。</p>
      <div className="divide-y divide-slate-100">
        {MILESTONE_KINDS.map((k) => (
          <fieldset key={k} className="grid grid-cols-2 gap-2 py-3 lg:grid-cols-[5rem_repeat(5,minmax(0,1fr))] lg:items-start">
            <legend className="sr-only">{MILESTONE_KIND_LABEL[k]}</legend>
            <p aria-hidden className="col-span-2 pt-1 font-medium lg:col-span-1 lg:pt-7">
              {MILESTONE_KIND_LABEL[k]}
            </p>
            {NODE_FIELDS.map((f) => {
              const name = `${f.key}_${k}`;
              return (
                <div key={name} className={`space-y-1 ${f.key === "evidence" ? "col-span-2 lg:col-span-1" : ""}`}>
                  <label htmlFor={name} className="block text-sm text-slate-700">
                    <span className="sr-only">{MILESTONE_KIND_LABEL[k]}</span>
                    {f.label}
                    {f.type === "date" && <FormatHint type="date" short />}
                  </label>
                  <input
                    id={name}
                    name={name}
                    type={f.type}
                    max={f.key === "actual" ? today : undefined}
                    defaultValue={v[name] ?? ""}
                    className={inputClass}
                    {...invalidProps(errors, name)}
                  />
                  <FieldErrors name={name} errors={errors[name]} />
                </div>
              );
            })}
          </fieldset>
        ))}
      </div>
      <FormEnd state={state} pending={pending} labels={LABELS} label="保存节点目标" />
    </form>
  );
}
