"use client";
import { useActionState, useState } from "react";
import { saveReportAction } from "@/server/monthly-reports/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { SubmitOrSaveDraft } from "@/components/forms/form-end";
import { ConflictNotice, invalidProps } from "@/components/forms/conflict";
import { formatWan } from "@/lib/money";
import { startsAutoCumulative, suggestedCumulative } from "@/domain/cumulative";
import { formatMonth } from "@/lib/month";
import { EXPLANATION_MAX, PROGRESS_MAX } from "@/lib/text-limits";
import { PROGRESS_STAGE_LABEL } from "@/lib/labels";
import type { PhotoRef } from "@/server/photos/queries";
import { PhotoField } from "./photo-field";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { FUNDING_SOURCE_LABEL, FUNDING_SOURCES, FUNDS_COLUMN, type FundingSource, type FundsColumn } from "@/domain/funding-sources";

/** Enter in a one-line field (a figure, a month) never submits the report: only the buttons do. */
function keepEnterFromSubmitting(e: React.KeyboardEvent<HTMLFormElement>) {
  const target = e.target as HTMLElement;
  if (e.key === "Enter" && target instanceof HTMLInputElement && target.type !== "submit") e.preventDefault();
}

export type ReportFormDefaults = {
  monthInvestment: string;
  cumulativeInvestment: string;
  progressText: string;
  /** 形象进度阶段 (a key of PROGRESS_STAGE_LABEL; "" none) */
  progressStage: string;
  actualStartMonth: string;
  actualProductionMonth: string;
  explanation: string;
} & Record<FundsColumn, string>;

const CONFLICT_LABELS: Record<string, string> = {
  monthInvestment: "本月完成投资（万元）",
  cumulativeInvestment: "累计完成投资（万元）",
  progressText: "形象进度",
  status: "状态",
};

export function ReportForm({
  projectCode,
  month,
  version,
  defaults,
  previous,
  totalInvestment,
  locked,
  photos,
  fundingPlans,
}: {
  projectCode: string;
  month: string;
  version: number;
  defaults: ReportFormDefaults;
  previous: { month: string; cumulativeInvestment: string; funds: Record<FundsColumn, string | null> } | null;
  /** 资金计划 by source (万元; absent: not planned) */
  fundingPlans: Partial<Record<FundingSource, string>>;
  totalInvestment: string;
  locked: string | null;
  /** the current revision's photos, offered to keep */
  photos: PhotoRef[];
}) {
  const [state, action, pending] = useActionState(saveReportAction, initialActionState);
  const v = { ...defaults, ...(state.ok ? {} : state.values) };
  const [monthInvestment, setMonthInvestment] = useState(v.monthInvestment);
  const [cumulative, setCumulative] = useState(v.cumulativeInvestment);
  const errors = state.fieldErrors ?? {};
  // 累计 is worked out from the previous cumulative + this month as the county types (each
  // figure entered once); typing a different cumulative stops that, and asks for an explanation
  const sum = (month: string) => suggestedCumulative(previous?.cumulativeInvestment ?? null, month);
  const [auto, setAuto] = useState(() => startsAutoCumulative(previous?.cumulativeInvestment ?? null, v.monthInvestment, v.cumulativeInvestment));
  const suggestion = sum(monthInvestment);
  const onMonthInvestment = (value: string) => {
    setMonthInvestment(value);
    const next = sum(value);
    if (auto && next !== null) setCumulative(next);
  };
  const onCumulative = (value: string) => {
    setCumulative(value);
    setAuto(suggestion !== null && value.trim() === suggestion);
  };
  const invalid = (name: string) => invalidProps(errors, name);

  if (state.ok) {
    return (
      <div className="space-y-3">
        <FormMessage ok message={state.message} />
        <a href={`/monthly-report?month=${month}`} className={secondaryButtonClass}>
          返回本月填报列表
        </a>
      </div>
    );
  }
  if (locked) return <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{locked}</p>;

  return (
    <form action={action} className="space-y-4" noValidate onKeyDown={keepEnterFromSubmitting}>
      <HiddenFields values={{ projectCode, month, version }} />
      {errors.projectCode && <FormMessage ok={false} message={errors.projectCode.join("；")} />}
      {errors.month && <FormMessage ok={false} message={errors.month.join("；")} />}
      {errors.version && <FormMessage ok={false} message={errors.version.join("；")} />}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="monthInvestment" label="本月完成投资（万元）" errors={errors.monthInvestment}>
          <AmountInput name="monthInvestment" value={monthInvestment} onChange={onMonthInvestment} invalidProps={invalid("monthInvestment")} />
        </Field>
        <Field
          name="cumulativeInvestment"
          label="累计完成固定资产投资（万元）"
          errors={errors.cumulativeInvestment}
          hint={
            previous
              ? `上期（${formatMonth(previous.month)}）累计 ${formatWan(previous.cumulativeInvestment)}；项目总投资 ${formatWan(totalInvestment)}`
              : `项目总投资 ${formatWan(totalInvestment)}`
          }
        >
          <AmountInput name="cumulativeInvestment" value={cumulative} onChange={onCumulative} invalidProps={invalid("cumulativeInvestment")} />
          {auto && suggestion !== null && (
            <p className="mt-1 text-xs text-slate-600" data-testid="cumulative-auto">
              已按上期累计 + 本月自动计算；如需更正可直接修改，并在说明中写明原因
            </p>
          )}
          {suggestion !== null && suggestion !== cumulative.trim() && (
            <button
              type="button"
              onClick={() => {
                setCumulative(suggestion);
                setAuto(true);
              }}
              className="mt-1 text-sm text-sky-700 underline"
            >
              按上期累计 + 本月填入 {formatWan(suggestion)}
            </button>
          )}
        </Field>
      </div>

      <Field name="progressText" label="形象进度" errors={errors.progressText} hint={`不超过${PROGRESS_MAX}字，如：主体厂房完成70%，设备开始进场`}>
        <textarea id="progressText" name="progressText" rows={3} defaultValue={v.progressText} className={inputClass} {...invalid("progressText")} />
      </Field>

      <Field name="progressStage" label="形象进度阶段（选填）" errors={errors.progressStage} hint="项目目前所处的阶段，审核时与累计完成投资对照">
        <select id="progressStage" name="progressStage" defaultValue={v.progressStage} className={inputClass} {...invalid("progressStage")}>
          <option value="">不选</option>
          {Object.entries(PROGRESS_STAGE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="funds">
        <legend className="px-1 text-sm font-medium text-slate-800">资金到位（开工至今累计，万元，选填）</legend>
        <p className="text-xs text-slate-600">填各来源至本月末累计到位的资金；留空的来源沿用上期数{previous ? `（${formatMonth(previous.month)}）` : ""}。</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {FUNDING_SOURCES.map((s) => {
            const name = FUNDS_COLUMN[s];
            const planned = fundingPlans[s];
            const last = previous?.funds[name] ?? null;
            const hint = [planned !== undefined ? `计划 ${formatWan(planned)}` : "未列计划", last !== null ? `上期 ${formatWan(last)}` : null].filter(Boolean).join("；");
            return (
              <Field key={s} name={name} label={`${FUNDING_SOURCE_LABEL[s]}（万元）`} errors={errors[name]} hint={hint}>
                <input id={name} name={name} inputMode="decimal" autoComplete="off" defaultValue={v[name]} className={inputClass} {...invalid(name)} />
              </Field>
            );
          })}
        </div>
      </fieldset>

      <PhotoField photos={photos} errors={errors.photos} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="actualStartMonth" label="实际开工月份（选填）" errors={errors.actualStartMonth}>
          <input id="actualStartMonth" name="actualStartMonth" type="month" defaultValue={v.actualStartMonth} className={inputClass} {...invalid("actualStartMonth")} />
        </Field>
        <Field name="actualProductionMonth" label="实际投产月份（选填）" errors={errors.actualProductionMonth}>
          <input
            id="actualProductionMonth"
            name="actualProductionMonth"
            type="month"
            defaultValue={v.actualProductionMonth}
            className={inputClass}
            {...invalid("actualProductionMonth")}
          />
        </Field>
      </div>

      <Field name="explanation" label="说明（更正数据或累计超过总投资时必填）" errors={errors.explanation} hint={`不超过${EXPLANATION_MAX}字`}>
        <textarea id="explanation" name="explanation" rows={2} defaultValue={v.explanation} className={inputClass} {...invalid("explanation")} />
      </Field>

      {state.conflict && <ConflictNotice message={state.message} conflict={state.conflict} labels={CONFLICT_LABELS} />}
      {!state.conflict && <FormMessage ok={false} message={state.message} />}

      <SubmitOrSaveDraft pending={pending} />
    </form>
  );
}

/** An amount in 万元 as typed (the schema reads it; a phone shows its decimal keypad). */
function AmountInput({ name, value, onChange, invalidProps }: { name: string; value: string; onChange: (value: string) => void; invalidProps: object }) {
  return <input id={name} name={name} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} {...invalidProps} />;
}
