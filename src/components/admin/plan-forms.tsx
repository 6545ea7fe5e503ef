"use client";
import { FormEnd, Outcome } from "@/components/forms/form-end";
import { useActionState, useState } from "react";
import { createPlanAction, planEntriesAction, savePlanAction } from "@/server/plans/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FieldErrors, buttonClass, inputClass } from "@/components/forms/field";
import { invalidProps, useResultKey } from "@/components/forms/conflict";
import { formatYi } from "@/lib/money";
import { HiddenFields } from "@/components/forms/hidden-fields";

const LABELS = { declaredTotalInvestment: "计划总投资（万元）", declaredAnnualInvestment: "年度计划投资（万元）" };

/** A year's declared figures: editing an existing plan, or (`create`) a new year's plan. */
export function PlanForm({ year, stamp, defaults, create = false }: { year: number; stamp: string; defaults: Record<string, string>; create?: boolean }) {
  const [state, action, pending] = useActionState(create ? createPlanAction : savePlanAction, initialActionState);
  const [typedYear, setTypedYear] = useState(String(year));
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.ok ? {} : state.values) };
  const field = (name: string, label: string, extra: { type?: string; hint?: string; inputMode?: "decimal" | "numeric" } = {}) => (
    <Field name={name} label={label} errors={errors[name]} hint={extra.hint}>
      <input id={name} name={name} type={extra.type ?? "text"} inputMode={extra.inputMode} defaultValue={v[name] ?? ""} className={inputClass} {...invalidProps(errors, name)} />
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate aria-label="计划申报数">
      {create ? (
        <Field name="year" label="年度" errors={errors.year}>
          <input
            id="year"
            name="year"
            inputMode="numeric"
            defaultValue={v.year ?? String(year)}
            onChange={(e) => setTypedYear(e.target.value.trim())}
            className={inputClass}
            {...invalidProps(errors, "year")}
          />
        </Field>
      ) : (
        <input type="hidden" name="year" value={year} />
      )}
      <input type="hidden" name="stamp" value={stamp} />
      {field("title", "计划名称")}
      <div className="grid gap-4 sm:grid-cols-3">
        {field("declaredProjectCount", "计划项目个数", { inputMode: "numeric" })}
        {field("declaredTotalInvestment", "计划总投资（万元）", { inputMode: "decimal", hint: "按计划文件申报数填写，133.6亿元 填 1336000" })}
        {field("declaredAnnualInvestment", "年度计划投资（万元）", { inputMode: "decimal" })}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("startDeadline", "开工截止日期", { type: "date" })}
        {field("startTargetLabel", "开工目标", { hint: "如 全部开工" })}
        {field("productionDeadline", "投产截止日期", { type: "date" })}
        {field("productionTargetLabel", "投产目标", { hint: "如 大部分投产" })}
      </div>
      {field("targetText", "目标表述（原文）")}
      <Outcome state={state} labels={LABELS} />
      {create && state.ok && (
        <p className="text-sm">
          下一步：
          <a href={`/admin/plans/${typedYear}`} className="text-sky-700 underline">
            选择列入{typedYear}年清单的项目
          </a>
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {create ? "新建计划" : "保存计划"}
      </button>
    </form>
  );
}

export function PlanEntriesForm({
  year,
  stamp,
  projects,
}: {
  year: number;
  stamp: string;
  projects: Array<{ code: string; name: string; parkName: string; totalInvestment: string; onList: boolean; annual: string }>;
}) {
  const [state, action, pending] = useActionState(planEntriesAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const submitted = state.ok ? null : state.values;
  const formKey = useResultKey(state);
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate aria-label="年度清单">
      <HiddenFields values={{ year, stamp }} />
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {projects.map((p) => {
          const on = `on_${p.code}`;
          const annual = `annual_${p.code}`;
          const checked = submitted ? submitted[on] === "on" : p.onList;
          return (
            <li key={p.code} className="grid gap-2 p-3 sm:grid-cols-[1fr_14rem] sm:items-center">
              <label className="flex items-start gap-2">
                <input type="checkbox" name={on} defaultChecked={checked} className="mt-1 h-4 w-4" aria-label={`${p.name} 列入${year}年清单`} />
                <span className="min-w-0">
                  <span className="font-medium">{p.name}</span>
                  <span className="block text-xs text-slate-500">
                    {p.code} · {p.parkName} · 总投资 {formatYi(p.totalInvestment)}
                  </span>
                  {errors[on]?.map((e) => (
                    <span key={e} className="block text-sm text-red-600" role="alert">
                      {e}
                    </span>
                  ))}
                </span>
              </label>
              <div>
                <label htmlFor={annual} className="block text-xs text-slate-600">
                  年度计划投资（万元，选填）
                </label>
                <input id={annual} name={annual} inputMode="decimal" defaultValue={submitted?.[annual] ?? p.annual} className={inputClass} {...invalidProps(errors, annual)} />
                <FieldErrors name={annual} errors={errors[annual]} />
              </div>
            </li>
          );
        })}
      </ul>
      <FormEnd state={state} pending={pending} labels={LABELS} label="保存清单" />
    </form>
  );
}
