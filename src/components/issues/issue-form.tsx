"use client";
import { useActionState } from "react";
import { createIssueAction } from "@/server/issues/actions";
import { initialActionState } from "@/server/action-state";
import { ParkSelect } from "@/components/forms/park-select";
import { Field, FormMessage, buttonClass, inputClass } from "@/components/forms/field";
import { invalidProps, useResultKey } from "@/components/forms/conflict";
import { ISSUE_TOP_CATEGORIES, ISSUE_TOP_CATEGORY_LABEL, subCategoriesOf } from "@/domain/issue-categories";
import { ISSUE_TEXT_MAX, ISSUE_TITLE_MAX } from "@/lib/text-limits";
import { FUNDING_SOURCE_LABEL, FUNDING_SOURCES } from "@/domain/funding-sources";

/**
 * 问题类别 in two levels: one select grouped by the seed report's three categories, each with its
 * sub-categories (src/domain/issue-categories.ts); the server derives the top category from it.
 */
function CategoryField({ errors, values }: { errors: Record<string, string[] | undefined>; values: Record<string, string> }) {
  return (
    <Field name="subCategory" label="问题类别" errors={errors.subCategory ?? errors.category}>
      <select id="subCategory" name="subCategory" defaultValue={values.subCategory ?? ""} className={inputClass} {...invalidProps(errors, "subCategory")}>
        <option value="">请选择</option>
        {ISSUE_TOP_CATEGORIES.map((c) => (
          <optgroup key={c} label={ISSUE_TOP_CATEGORY_LABEL[c]}>
            {subCategoriesOf(c).map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

export function IssueForm({
  projects,
  parks,
  fixedProject,
  compact = false,
}: {
  projects: Array<{ code: string; name: string }>;
  parks: Array<{ id: number; name: string }>;
  /** the monthly entry page raises issues for its own project only */
  fixedProject?: { code: string; name: string };
  compact?: boolean;
}) {
  const [state, action, pending] = useActionState(createIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  // remounted after every submission: empty after a success, as submitted after a failure
  const formKey = useResultKey(state);

  return (
    <form key={formKey} action={action} className="space-y-4" noValidate aria-label="反映问题">
      {fixedProject ? (
        <input type="hidden" name="projectCode" value={fixedProject.code} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="projectCode" label="所属项目" errors={errors.projectCode} hint="园区层面的问题可不选项目，改选县区园区">
            <select id="projectCode" name="projectCode" defaultValue={v.projectCode ?? ""} className={inputClass} {...invalidProps(errors, "projectCode")}>
              <option value="">（不针对具体项目）</option>
              {projects.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} {p.name}
                </option>
              ))}
            </select>
          </Field>
          <ParkSelect label="县区园区（不选项目时）" errors={errors.parkId} defaultValue={v.parkId} parks={parks} />
        </div>
      )}
      {fixedProject && errors.projectCode && <FormMessage ok={false} message={errors.projectCode.join("；")} />}
      <CategoryField errors={errors} values={v} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="fundingSource" label="资金来源（资金问题选填）" errors={errors.fundingSource}>
          <select id="fundingSource" name="fundingSource" defaultValue={v.fundingSource ?? ""} className={inputClass} {...invalidProps(errors, "fundingSource")}>
            <option value="">不注明</option>
            {FUNDING_SOURCES.map((s) => (
              <option key={s} value={s}>
                {FUNDING_SOURCE_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="fundingGap" label="资金缺口（万元，资金问题选填）" errors={errors.fundingGap}>
          <input id="fundingGap" name="fundingGap" inputMode="decimal" defaultValue={v.fundingGap ?? ""} className={inputClass} {...invalidProps(errors, "fundingGap")} />
        </Field>
      </div>
      <Field name="title" label="问题标题" errors={errors.title} hint={`不超过${ISSUE_TITLE_MAX}字，同一年度内不能重复`}>
        <input id="title" name="title" defaultValue={v.title ?? ""} className={inputClass} {...invalidProps(errors, "title")} />
      </Field>
      <Field name="description" label="问题描述" errors={errors.description} hint={`不超过${ISSUE_TEXT_MAX}字`}>
        <textarea id="description" name="description" rows={compact ? 2 : 4} defaultValue={v.description ?? ""} className={inputClass} {...invalidProps(errors, "description")} />
      </Field>
      {!compact && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="responsibleUnit" label="责任单位（选填）" errors={errors.responsibleUnit}>
            <input id="responsibleUnit" name="responsibleUnit" defaultValue={v.responsibleUnit ?? ""} className={inputClass} {...invalidProps(errors, "responsibleUnit")} />
          </Field>
          <Field name="responsibleLeader" label="包保领导（选填）" errors={errors.responsibleLeader}>
            <input id="responsibleLeader" name="responsibleLeader" defaultValue={v.responsibleLeader ?? ""} className={inputClass} {...invalidProps(errors, "responsibleLeader")} />
          </Field>
          <Field name="dueDate" label="办结时限（选填）" errors={errors.dueDate}>
            <input id="dueDate" name="dueDate" type="date" defaultValue={v.dueDate ?? ""} className={inputClass} {...invalidProps(errors, "dueDate")} />
          </Field>
          <Field name="raisedDate" label="提出日期（默认今天）" errors={errors.raisedDate}>
            <input id="raisedDate" name="raisedDate" type="date" defaultValue={v.raisedDate ?? ""} className={inputClass} {...invalidProps(errors, "raisedDate")} />
          </Field>
        </div>
      )}
      {state.conflict ? null : <FormMessage ok={state.ok} message={state.message} link={state.link} />}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "正在提交…" : "登记问题"}
      </button>
    </form>
  );
}
