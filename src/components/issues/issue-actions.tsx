"use client";
import { useActionState } from "react";
import { assignIssueAction, closeIssueAction, issueProgressAction } from "@/server/issues/actions";
import { initialActionState, type ActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { ConflictNotice, invalidProps } from "@/components/forms/conflict";

const CONFLICT_LABELS = {
  status: "状态",
  responsibleUnit: "责任单位",
  responsibleLeader: "包保领导",
  dueDate: "办结时限",
  resolution: "办结情况",
  latestUpdate: "最新进展",
};

function Outcome({ state }: { state: ActionState }) {
  if (state.conflict) return <ConflictNotice message={state.message} conflict={state.conflict} labels={CONFLICT_LABELS} />;
  return <FormMessage ok={state.ok} message={state.message} />;
}

type Common = { issueId: number; version: number };

export function AssignForm({ issueId, version, defaults }: Common & { defaults: { responsibleUnit: string; responsibleLeader: string; dueDate: string } }) {
  const [state, action, pending] = useActionState(assignIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.ok ? {} : state.values) };
  return (
    <form action={action} className="space-y-3" noValidate aria-label="交办">
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="responsibleUnit" label="责任单位" errors={errors.responsibleUnit}>
          <input id="responsibleUnit" name="responsibleUnit" defaultValue={v.responsibleUnit} className={inputClass} {...invalidProps(errors, "responsibleUnit")} />
        </Field>
        <Field name="responsibleLeader" label="包保领导" errors={errors.responsibleLeader}>
          <input id="responsibleLeader" name="responsibleLeader" defaultValue={v.responsibleLeader} className={inputClass} {...invalidProps(errors, "responsibleLeader")} />
        </Field>
        <Field name="dueDate" label="办结时限" errors={errors.dueDate}>
          <input id="dueDate" name="dueDate" type="date" defaultValue={v.dueDate} className={inputClass} {...invalidProps(errors, "dueDate")} />
        </Field>
      </div>
      <Outcome state={state} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        保存交办
      </button>
    </form>
  );
}

export function ProgressForm({ issueId, version }: Common) {
  const [state, action, pending] = useActionState(issueProgressAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate aria-label="更新进展">
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
      <Field name="text" label="办理进展" errors={errors.text}>
        <textarea id="text" name="text" rows={2} defaultValue={state.ok ? "" : state.values?.text} className={inputClass} {...invalidProps(errors, "text")} />
      </Field>
      <Outcome state={state} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        记录进展
      </button>
    </form>
  );
}

export function CloseForm({ issueId, version, today }: Common & { today: string }) {
  const [state, action, pending] = useActionState(closeIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-3" noValidate aria-label="办结">
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
      <Field name="resolution" label="办结情况" errors={errors.resolution}>
        <textarea id="resolution" name="resolution" rows={2} defaultValue={v.resolution} className={inputClass} {...invalidProps(errors, "resolution")} />
      </Field>
      <Field name="closedDate" label="办结日期" errors={errors.closedDate}>
        <input id="closedDate" name="closedDate" type="date" defaultValue={v.closedDate ?? today} max={today} className={inputClass} {...invalidProps(errors, "closedDate")} />
      </Field>
      <Outcome state={state} />
      <button type="submit" disabled={pending} className={buttonClass}>
        办结
      </button>
    </form>
  );
}
