"use client";
import { useActionState } from "react";
import { createProjectAction, updateProjectAction } from "@/server/projects/actions";
import { initialActionState } from "@/server/action-state";
import { ParkSelect } from "@/components/forms/park-select";
import { Field, FormMessage, buttonClass, inputClass } from "@/components/forms/field";
import { ConflictNotice, invalidProps, useResultKey } from "@/components/forms/conflict";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";
import { CONTENT_MAX, METRIC_ROWS } from "@/lib/text-limits";

export type ProjectFormValues = Record<string, string>;

const CONFLICT_LABELS = { name: "项目名称", totalInvestment: "总投资（万元）", status: "状态", version: "版本" };

export function ProjectForm({
  mode,
  version,
  defaults,
  parks,
}: {
  mode: "create" | "edit";
  version: number;
  defaults: ProjectFormValues;
  parks: Array<{ id: number; name: string }>;
}) {
  const [state, action, pending] = useActionState(mode === "create" ? createProjectAction : updateProjectAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const formKey = useResultKey(state);
  const v: ProjectFormValues = { ...defaults, ...(state.ok ? {} : state.values) };
  const text = (name: string, label: string, extra: { hint?: string; type?: string; inputMode?: "decimal" | "numeric"; readOnly?: boolean } = {}) => (
    <Field name={name} label={label} errors={errors[name]} hint={extra.hint}>
      <input
        id={name}
        name={name}
        type={extra.type ?? "text"}
        inputMode={extra.inputMode}
        readOnly={extra.readOnly}
        defaultValue={v[name] ?? ""}
        autoComplete="off"
        className={`${inputClass} ${extra.readOnly ? "bg-slate-100" : ""}`}
        {...invalidProps(errors, name)}
      />
    </Field>
  );
  const atLeast = (name: string) => (
    <label className="mt-1 flex items-center gap-2 text-sm text-slate-600">
      <input type="checkbox" name={name} defaultChecked={v[name] === "on"} className="h-4 w-4" />
      以上（至少）
    </label>
  );

  if (state.ok && mode === "create") {
    return (
      <div className="space-y-3">
        <FormMessage ok message={state.message} />
        <a href={`/admin/projects/${encodeURIComponent(state.values?.code ?? v.code)}/edit`} className="text-sky-700 underline">
          继续编辑该项目
        </a>
      </div>
    );
  }

  return (
    <form key={formKey} action={action} className="space-y-6" noValidate aria-label={mode === "create" ? "新建项目" : "编辑项目"}>
      <input type="hidden" name="version" value={version} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-medium">基本信息</legend>
        {text("code", "项目代码", { hint: mode === "create" ? "终身唯一，创建后不能修改，如 YQ2024-005" : "项目代码终身唯一，不能修改", readOnly: mode === "edit" })}
        {text("name", "项目名称")}
        <ParkSelect label="县区园区" errors={errors.parkId} defaultValue={v.parkId} parks={parks} />
        {text("enterprise", "建设单位（企业）")}
        {text("industry", "所属产业")}
        {text("level", "项目级别", { hint: "如 市级重大项目" })}
        {text("totalInvestment", "总投资（万元）", { inputMode: "decimal", hint: "单位万元，最多两位小数；33亿元 填 330000" })}
        <Field name="status" label="项目状态" errors={errors.status}>
          <select id="status" name="status" defaultValue={v.status ?? "NOT_STARTED"} className={inputClass} {...invalidProps(errors, "status")}>
            {(Object.keys(PROJECT_STATUS_LABEL) as Array<keyof typeof PROJECT_STATUS_LABEL>).map((s) => (
              <option key={s} value={s}>
                {PROJECT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-medium">进度</legend>
        {text("plannedStartMonth", "计划开工月份", { type: "month" })}
        {text("actualStartMonth", "实际开工月份", { type: "month" })}
        {text("plannedProductionMonth", "计划投产月份", { type: "month" })}
        {text("actualProductionMonth", "实际投产月份", { type: "month" })}
      </fieldset>

      <Field name="constructionContent" label="主要建设内容" errors={errors.constructionContent} hint={`按原文填写，不超过${CONTENT_MAX}字`}>
        <textarea
          id="constructionContent"
          name="constructionContent"
          rows={3}
          defaultValue={v.constructionContent ?? ""}
          className={inputClass}
          {...invalidProps(errors, "constructionContent")}
        />
      </Field>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 font-medium">预期效益</legend>
        <div>
          {text("expectedOutput", "预计年产值（万元）", { inputMode: "decimal" })}
          {atLeast("expectedOutputAtLeast")}
        </div>
        <div>
          {text("expectedJobs", "年新增就业（人）", { inputMode: "numeric" })}
          {atLeast("expectedJobsAtLeast")}
        </div>
        <div>
          {text("expectedTax", "预计年税收（万元）", { inputMode: "decimal" })}
          {atLeast("expectedTaxAtLeast")}
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-2 font-medium">其他指标（如 年供热量 约 41 万吨标煤）</legend>
        <div className="space-y-3">
          {Array.from({ length: METRIC_ROWS }, (_, i) => (
            <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid={`metric-row-${i}`}>
              {text(`metricName_${i}`, `指标${i + 1}名称`)}
              <Field name={`metricQualifier_${i}`} label="限定" errors={errors[`metricQualifier_${i}`]}>
                <select id={`metricQualifier_${i}`} name={`metricQualifier_${i}`} defaultValue={v[`metricQualifier_${i}`] ?? ""} className={inputClass}>
                  <option value="">—</option>
                  <option value="约">约</option>
                  <option value="以上">以上</option>
                </select>
              </Field>
              {text(`metricValue_${i}`, "数值", { inputMode: "decimal" })}
              {text(`metricUnit_${i}`, "单位")}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 font-medium">责任人</legend>
        {text("responsibleLeader", "包保领导")}
        {text("contactName", "联系人")}
        {text("contactPhone", "联系电话", { type: "tel" })}
      </fieldset>

      {state.conflict ? (
        <ConflictNotice message={state.message} conflict={state.conflict} labels={CONFLICT_LABELS} />
      ) : (
        <FormMessage ok={state.ok} message={state.message} link={state.link} />
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "正在保存…" : mode === "create" ? "创建项目" : "保存项目"}
      </button>
    </form>
  );
}
