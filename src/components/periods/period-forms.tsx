"use client";
// The office's 调度期 controls: publish (confirming what is left 未报), re-open with a reason,
// decline a 申请更正 with a reply, open a month / change its deadline.
import { useActionState } from "react";
import Link from "next/link";
import { declineCorrectionAction, openPeriodAction, publishPeriodAction, reopenPeriodAction } from "@/server/periods/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { ReauthField } from "@/components/forms/reauth-field";
import { HiddenFields } from "@/components/forms/hidden-fields";

export function PublishForm({
  month,
  version,
  pending,
  title,
  confirm,
}: {
  month: string;
  version: number;
  pending: number;
  title: string;
  /** when projects would be published as 未报: the counts in words and as sent back (src/domain/periods.ts) */
  confirm: { text: string; token: string } | null;
}) {
  const [state, action, busy] = useActionState(publishPeriodAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  const confirmError = state.fieldErrors?.leftBehind;
  return (
    <form action={action} className="space-y-2" aria-label={`发布${title}`}>
      <HiddenFields values={{ month, version }} />
      <p className="text-sm text-slate-600">
        发布后，领导驾驶舱、项目库、园区页和预警均按本期已审核数据显示；未审核通过的项目按上期数据结转并标注“未报”。
        {pending > 0 && (
          <span className="text-amber-800">
            还有{pending}份报表等待审核，审核后才能发布。
            <Link href={`/review?month=${month}`} className="font-medium underline underline-offset-2">
              去审核
            </Link>
          </span>
        )}
      </p>
      {confirm && pending === 0 && (
        <div className={`rounded-md border px-3 py-2 text-sm ${confirmError ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="leftBehind" value={confirm.token} className="mt-1" aria-invalid={confirmError ? true : undefined} data-testid="publish-confirm" />
            <span>
              我已核对上面的名单，确认发布：<strong>{confirm.text}</strong>。发布后县区不能再填报本月，如需更正须向园区申请重新开放。
            </span>
          </label>
          {confirmError && (
            <p className="mt-1 text-red-700" role="alert">
              {confirmError.join("；")}
            </p>
          )}
        </div>
      )}
      {!confirmError && <FormMessage ok={false} message={state.message} />}
      <button type="submit" disabled={busy || pending > 0} className={buttonClass}>
        {busy ? "正在计算并发布…" : `发布${title}`}
      </button>
    </form>
  );
}

export function ReopenForm({ month, version, title, reason }: { month: string; version: number; title: string; reason?: string }) {
  const [state, action, busy] = useActionState(reopenPeriodAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="space-y-2" aria-label={`重新开放${title}`}>
      <HiddenFields values={{ month, version }} />
      <Field name="reopen-reason" label="重新开放原因（必填，记入操作日志和下次发布）" errors={state.fieldErrors?.reason}>
        <textarea
          id="reopen-reason"
          name="reason"
          rows={2}
          required
          defaultValue={state.values?.reason ?? reason}
          className={inputClass}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
        />
      </Field>
      <div className="sm:max-w-xs">
        <ReauthField id={`reopen-reauth-${month}`} errors={state.fieldErrors ?? {}} hint="重新开放会改变领导看到的数据，请再次输入您的登录密码" />
      </div>
      {!state.fieldErrors?.reason && !state.fieldErrors?.reauthPassword && <FormMessage ok={false} message={state.message} />}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        重新开放
      </button>
    </form>
  );
}

export function DeadlineForm({ month, deadline, label }: { month?: string; deadline?: string; label: string }) {
  const [state, action, busy] = useActionState(openPeriodAction, initialActionState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label={label}>
      {month ? (
        <input type="hidden" name="month" value={month} />
      ) : (
        <Field name="open-month" label="调度月份" errors={state.fieldErrors?.month}>
          <input id="open-month" name="month" type="month" required defaultValue={state.values?.month} className={inputClass} />
        </Field>
      )}
      <Field name={`deadline-${month ?? "new"}`} label="县区报送截止日" errors={state.fieldErrors?.deadline}>
        <input id={`deadline-${month ?? "new"}`} name="deadline" type="date" required defaultValue={state.values?.deadline ?? deadline} className={inputClass} />
      </Field>
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        {label}
      </button>
      <div className="w-full">
        <FormMessage ok={state.ok} message={state.message} link={state.link} />
      </div>
    </form>
  );
}

/** 不同意: the office declines one 申请更正 with a reply the county reads. */
export function DeclineCorrectionForm({ requestId, version }: { requestId: number; version: number }) {
  const [state, action, busy] = useActionState(declineCorrectionAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  const id = `decline-reply-${requestId}`;
  return (
    <form action={action} className="space-y-2" aria-label="答复不同意">
      <HiddenFields values={{ requestId, version }} />
      <Field name={id} label="不同意时的答复（必填，县区可见）" errors={state.fieldErrors?.reply}>
        <textarea id={id} name="reply" rows={2} defaultValue={state.values?.reply} className={inputClass} aria-invalid={state.fieldErrors?.reply ? true : undefined} />
      </Field>
      {!state.fieldErrors?.reply && <FormMessage ok={false} message={state.message} />}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        不同意
      </button>
    </form>
  );
}
