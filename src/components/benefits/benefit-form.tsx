"use client";
// 效益填报 of one year or quarter: 产值, 税收 (万元), 新增就业 (人) and the project's own named
// metrics in their units; 保存草稿 or 提交审核. Posts saveBenefitAction; errors stand by their fields.
import { useActionState } from "react";
import { saveBenefitAction } from "@/server/benefits/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, inputClass } from "@/components/forms/field";
import { SubmitOrSaveDraft } from "@/components/forms/form-end";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { EXPLANATION_MAX } from "@/lib/text-limits";

export type BenefitFormProps = {
  projectCode: string;
  year: number;
  quarter: number;
  version: number;
  periodLabel: string;
  metrics: Array<{ name: string; unit: string }>;
  /** the current revision's figures, as typed (strings) */
  initial: { output: string; tax: string; jobs: string; note: string; metrics: string[] };
};

export function BenefitForm(props: BenefitFormProps) {
  const [state, action, pending] = useActionState(saveBenefitAction, initialActionState);
  const v = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];
  const input = (name: string, fallback: string, mode: "decimal" | "numeric" = "decimal") => (
    <input
      id={name}
      name={name}
      inputMode={mode}
      autoComplete="off"
      defaultValue={v(name, fallback)}
      className={inputClass}
      aria-invalid={err(name) ? true : undefined}
      aria-describedby={err(name) ? `${name}-error` : undefined}
    />
  );
  return (
    <form action={action} className="space-y-3" aria-label={`填报${props.periodLabel}效益`} key={`${props.year}-${props.quarter}-${props.version}`}>
      <HiddenFields values={{ projectCode: props.projectCode, year: props.year, quarter: props.quarter, version: props.version }} />
      {(err("year") || err("quarter")) && <FormMessage ok={false} message={[...(err("year") ?? []), ...(err("quarter") ?? [])].join("；")} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="output" label="产值（万元）" errors={err("output")}>
          {input("output", props.initial.output)}
        </Field>
        <Field name="tax" label="税收（万元）" errors={err("tax")}>
          {input("tax", props.initial.tax)}
        </Field>
        <Field name="jobs" label="新增就业（人）" errors={err("jobs")}>
          {input("jobs", props.initial.jobs, "numeric")}
        </Field>
        {props.metrics.map((m, i) => (
          <Field key={m.name} name={`metric_${i}`} label={`${m.name}（${m.unit}）`} errors={err(`metric_${i}`)}>
            {input(`metric_${i}`, props.initial.metrics[i] ?? "")}
          </Field>
        ))}
      </div>
      <Field name="note" label={`说明（可选，不超过${EXPLANATION_MAX}字）`} errors={err("note")}>
        <textarea id="note" name="note" rows={2} maxLength={EXPLANATION_MAX} defaultValue={v("note", props.initial.note)} className={inputClass} />
      </Field>
      {!state.fieldErrors && <FormMessage ok={state.ok} message={state.message} link={state.link} />}
      {state.fieldErrors && !err("year") && !err("quarter") && <FormMessage ok={false} message={state.message} />}
      <SubmitOrSaveDraft pending={pending} />
    </form>
  );
}
