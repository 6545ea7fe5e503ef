"use client";
import { FormEnd, Outcome } from "@/components/forms/form-end";
// The 督办 loop's forms on an issue's page; the page shows only the steps the transition table
// allows from the issue's status and the signed-in account may take (src/domain/issue-loop.ts).
import { useActionState } from "react";
import { acknowledgeIssueAction, assignIssueAction, closeIssueAction, feedbackIssueAction, issueProgressAction, reviewIssueAction } from "@/server/issues/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { invalidProps } from "@/components/forms/conflict";
import { HiddenFields } from "@/components/forms/hidden-fields";

const CONFLICT_LABELS = {
  status: "状态",
  responsibleUnit: "责任单位",
  responsibleLeader: "包保领导",
  dueDate: "办结时限",
  resolution: "办结情况",
  feedback: "办理结果",
  reviewComment: "复核意见",
  latestUpdate: "最新进展",
};

type Common = { issueId: number; version: number };

function Hidden({ issueId, version }: Common) {
  return (
    <>
      <HiddenFields values={{ issueId, version }} />
    </>
  );
}

export function AssignForm({
  issueId,
  version,
  defaults,
  adjusting,
}: Common & { defaults: { responsibleUnit: string; responsibleLeader: string; dueDate: string }; adjusting: boolean }) {
  const [state, action, pending] = useActionState(assignIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = { ...defaults, ...(state.ok ? {} : state.values) };
  return (
    <form action={action} className="space-y-3" noValidate aria-label="交办">
      <Hidden issueId={issueId} version={version} />
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
      <Outcome state={state} labels={CONFLICT_LABELS} />
      <button type="submit" disabled={pending} className={adjusting ? secondaryButtonClass : buttonClass}>
        {adjusting ? "保存调整" : "交办"}
      </button>
    </form>
  );
}

export function AcknowledgeForm({ issueId, version }: Common) {
  const [state, action, pending] = useActionState(acknowledgeIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate aria-label="签收">
      <Hidden issueId={issueId} version={version} />
      <Field name="note" label="签收说明（选填）" errors={errors.note} hint="如具体承办人、办理计划">
        <input id="note" name="note" defaultValue={state.ok ? "" : state.values?.note} className={inputClass} {...invalidProps(errors, "note")} />
      </Field>
      <FormEnd state={state} pending={pending} labels={CONFLICT_LABELS} label="签收" />
    </form>
  );
}

/** `funding`: a 资金问题, whose progress may state its 资金缺口 now (`gap`: the one it has, in words). */
export function ProgressForm({ issueId, version, funding }: Common & { funding?: { gap: string } }) {
  const [state, action, pending] = useActionState(issueProgressAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate aria-label="记录办理进展">
      <Hidden issueId={issueId} version={version} />
      <Field name="text" label="办理进展" errors={errors.text}>
        <textarea id="text" name="text" rows={2} defaultValue={state.ok ? "" : state.values?.text} className={inputClass} {...invalidProps(errors, "text")} />
      </Field>
      {funding && (
        <Field name="fundingGap" label="现在的资金缺口（万元，选填）" errors={errors.fundingGap} hint={`现为${funding.gap}；资金部分到位或缺口变化时填写，不变则留空`}>
          <input
            id="fundingGap"
            name="fundingGap"
            inputMode="decimal"
            defaultValue={state.ok ? "" : state.values?.fundingGap}
            className={inputClass}
            {...invalidProps(errors, "fundingGap")}
          />
        </Field>
      )}
      <FormEnd state={state} pending={pending} labels={CONFLICT_LABELS} label="记录进展" secondary />
    </form>
  );
}

export function FeedbackForm({ issueId, version }: Common) {
  const [state, action, pending] = useActionState(feedbackIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate aria-label="反馈办理结果">
      <Hidden issueId={issueId} version={version} />
      <Field name="feedback" label="办理结果" errors={errors.feedback} hint="说明已做了什么、问题是否解决；提交后由园区复核">
        <textarea id="feedback" name="feedback" rows={3} defaultValue={state.ok ? "" : state.values?.feedback} className={inputClass} {...invalidProps(errors, "feedback")} />
      </Field>
      <FormEnd state={state} pending={pending} labels={CONFLICT_LABELS} label="反馈办结" />
    </form>
  );
}

export function ReviewForm({ issueId, version, today }: Common & { today: string }) {
  const [state, action, pending] = useActionState(reviewIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-3" noValidate aria-label="复核">
      <Hidden issueId={issueId} version={version} />
      <Field name="comment" label="复核意见" errors={errors.comment} hint="退回重办时必填（退回原因）">
        <textarea id="comment" name="comment" rows={2} defaultValue={v.comment} className={inputClass} {...invalidProps(errors, "comment")} />
      </Field>
      <Field name="closedDate" label="办结日期（复核通过时）" errors={errors.closedDate}>
        <input id="closedDate" name="closedDate" type="date" defaultValue={v.closedDate ?? today} max={today} className={inputClass} {...invalidProps(errors, "closedDate")} />
      </Field>
      {errors.decision && <FormMessage ok={false} message={errors.decision.join("；")} />}
      <Outcome state={state} labels={CONFLICT_LABELS} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="accept" disabled={pending} className={buttonClass}>
          复核通过，办结
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>
          退回重办
        </button>
      </div>
    </form>
  );
}

export function CloseForm({ issueId, version, today }: Common & { today: string }) {
  const [state, action, pending] = useActionState(closeIssueAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="space-y-3" noValidate aria-label="直接办结">
      <Hidden issueId={issueId} version={version} />
      <Field name="resolution" label="办结情况" errors={errors.resolution}>
        <textarea id="resolution" name="resolution" rows={2} defaultValue={v.resolution} className={inputClass} {...invalidProps(errors, "resolution")} />
      </Field>
      <Field name="closedDate" label="办结日期" errors={errors.closedDate}>
        <input id="closedDate" name="closedDate" type="date" defaultValue={v.closedDate ?? today} max={today} className={inputClass} {...invalidProps(errors, "closedDate")} />
      </Field>
      <FormEnd state={state} pending={pending} labels={CONFLICT_LABELS} label="直接办结" secondary />
    </form>
  );
}
