"use client";
// A county's (or the office's) record of a reached node, and a month's 入统数.
import { useActionState } from "react";
import { recordNodeAction, statsFigureAction } from "@/server/nodes/actions";
import { initialActionState } from "@/server/action-state";
import { FieldErrors, FormMessage, FormatHint, buttonClass, inputClass } from "@/components/forms/field";
import { ConflictNotice, invalidProps } from "@/components/forms/conflict";
import { HiddenFields } from "@/components/forms/hidden-fields";

/** 登记完成: the node's actual date and its evidence (佐证材料). */
export function NodeRecordForm({
  code,
  kind,
  label,
  stamp,
  today,
  submitLabel,
}: {
  code: string;
  kind: string;
  label: string;
  stamp: string;
  today: string;
  submitLabel?: string;
}) {
  const [state, action, pending] = useActionState(recordNodeAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const id = (f: string) => `${f}-${kind}`;
  return (
    <form action={action} className="space-y-2" noValidate aria-label={`登记${label}`}>
      <HiddenFields values={{ code, kind, stamp }} />
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <div className="space-y-1">
          <label htmlFor={id("actualDate")} className="block text-sm text-slate-700">
            {label}实际完成日期
            <FormatHint type="date" />
          </label>
          <input id={id("actualDate")} name="actualDate" type="date" max={today} defaultValue={v.actualDate ?? ""} className={inputClass} {...invalidProps(errors, "actualDate")} />
          <FieldErrors name="actualDate" errors={errors.actualDate} />
        </div>
        <div className="space-y-1">
          <label htmlFor={id("evidence")} className="block text-sm text-slate-700">
            {label}佐证材料
          </label>
          <input
            id={id("evidence")}
            name="evidence"
            placeholder="如 施工许可证编号、验收记录、统计系统截图说明"
            defaultValue={v.evidence ?? ""}
            className={inputClass}
            {...invalidProps(errors, "evidence")}
          />
          <FieldErrors name="evidence" errors={errors.evidence} />
        </div>
      </div>
      {state.conflict ? (
        <ConflictNotice message={state.message} conflict={state.conflict} labels={{ actualDate: "实际完成日期", evidence: "佐证材料" }} />
      ) : (
        <FormMessage ok={state.ok} message={state.message} link={state.link} />
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel ?? `登记${label}完成`}
      </button>
    </form>
  );
}

/** 入统数: the statistics system's cumulative investment at a month (万元), apart from the 调度数. */
export function StatsFigureForm({ code, month }: { code: string; month: string }) {
  const [state, action, pending] = useActionState(statsFigureAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-2" noValidate aria-label="登记入统数">
      <input type="hidden" name="code" value={code} />
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <div className="space-y-1">
          <label htmlFor="stats-month" className="block text-sm text-slate-700">
            入统月份
            <FormatHint type="month" />
          </label>
          <input id="stats-month" name="month" type="month" max={month} defaultValue={v.month ?? month} className={inputClass} {...invalidProps(errors, "month")} />
          <FieldErrors name="month" errors={errors.month} />
        </div>
        <div className="space-y-1">
          <label htmlFor="stats-cumulative" className="block text-sm text-slate-700">
            入统累计投资（万元）
          </label>
          <input
            id="stats-cumulative"
            name="cumulativeInvestment"
            inputMode="decimal"
            defaultValue={v.cumulativeInvestment ?? ""}
            className={inputClass}
            {...invalidProps(errors, "cumulativeInvestment")}
          />
          <FieldErrors name="cumulativeInvestment" errors={errors.cumulativeInvestment} />
        </div>
      </div>
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <button type="submit" disabled={pending} className={buttonClass}>
        保存入统数
      </button>
    </form>
  );
}
