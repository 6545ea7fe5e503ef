"use client";
// The admin's edit forms for the report's stored text: one form per paragraph (小标题 + 正文), a
// form to add a paragraph to a section, and deleting one. Conflicts show both versions.
import { useActionState } from "react";
import { deleteReportSectionAction, saveReportSectionAction } from "@/server/documents/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { ConflictNotice, invalidProps, useResultKey } from "@/components/forms/conflict";
import { HiddenFields } from "@/components/forms/hidden-fields";

const LABELS = { title: "小标题", body: "正文" };

export type SectionFormProps = {
  year: number;
  sectionKey: string;
  /** null: a new paragraph */
  id: number | null;
  version: number;
  title: string;
  body: string;
  /** "一是" / "（一）" as the report numbers it */
  numberLabel: string;
};

export function SectionForm(p: SectionFormProps) {
  const [state, action, busy] = useActionState(saveReportSectionAction, initialActionState);
  const key = useResultKey(state);
  const errors = state.fieldErrors ?? {};
  const prefix = `section-${p.id ?? `new-${p.sectionKey}`}`;
  const values = state.ok || !state.values ? { title: p.title, body: p.body } : { title: state.values.title ?? "", body: state.values.body ?? "" };
  return (
    <form key={key} action={action} className="space-y-2 rounded-md border border-slate-200 bg-white p-3" aria-label={p.id ? `编辑段落${p.numberLabel}` : "新增段落"}>
      <HiddenFields values={{ year: p.year, key: p.sectionKey, id: p.id ?? "", version: p.version }} />
      <Field name={`${prefix}-title`} label={`${p.numberLabel} 小标题`} errors={errors.title}>
        <input id={`${prefix}-title`} name="title" defaultValue={values.title} className={inputClass} {...invalidProps(errors, "title")} />
      </Field>
      <Field name={`${prefix}-body`} label="正文" errors={errors.body}>
        <textarea id={`${prefix}-body`} name="body" rows={p.id ? 6 : 3} defaultValue={values.body} className={inputClass} {...invalidProps(errors, "body")} />
      </Field>
      {state.conflict ? (
        <ConflictNotice message={state.message} conflict={state.conflict} labels={LABELS} />
      ) : (
        <FormMessage ok={state.ok} message={state.message} link={state.link} />
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={buttonClass}>
          {p.id ? "保存段落" : "新增段落"}
        </button>
      </div>
    </form>
  );
}

export function DeleteSectionForm({ year, id, version, numberLabel }: { year: number; id: number; version: number; numberLabel: string }) {
  const [state, action, busy] = useActionState(deleteReportSectionAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`删除段落${numberLabel}？删除后报告中不再出现这一段（操作日志保留原文）。`)) e.preventDefault();
      }}
      className="flex flex-wrap items-center gap-2"
      aria-label={`删除段落${numberLabel}`}
    >
      <HiddenFields values={{ year, id, version }} />
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        删除段落{numberLabel}
      </button>
      {state.conflict ? (
        <ConflictNotice message={state.message} conflict={state.conflict} labels={LABELS} />
      ) : (
        <FormMessage ok={state.ok} message={state.message} link={state.link} />
      )}
    </form>
  );
}
