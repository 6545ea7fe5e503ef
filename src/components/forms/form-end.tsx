// The end of a form: what the last submission said (its conflict with both sides, or its message),
// then the submit button, disabled while the submission is under way.
import type { ActionState } from "@/server/action-state";
import { FormMessage, buttonClass, secondaryButtonClass } from "./field";
import { ConflictNotice } from "./conflict";

export function Outcome({ state, labels }: { state: ActionState; labels: Record<string, string> }) {
  return state.conflict ? (
    <ConflictNotice message={state.message} conflict={state.conflict} labels={labels} />
  ) : (
    <FormMessage ok={state.ok} message={state.message} link={state.link} />
  );
}

export function FormEnd({
  state,
  pending,
  labels,
  label,
  secondary = false,
}: {
  state: ActionState;
  pending: boolean;
  labels: Record<string, string>;
  label: string;
  secondary?: boolean;
}) {
  return (
    <>
      <Outcome state={state} labels={labels} />
      <button type="submit" disabled={pending} className={secondary ? secondaryButtonClass : buttonClass}>
        {label}
      </button>
    </>
  );
}

/**
 * The end of a county report's form (月度填报, 效益填报): 提交审核 sends it for review (intent
 * "submit"), 保存草稿 keeps it as a draft (intent "save"); both wait while a submission is under way.
 */
export function SubmitOrSaveDraft({ pending }: { pending: boolean }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <button type="submit" name="intent" value="submit" disabled={pending} className={buttonClass}>
        {pending ? "正在提交…" : "提交审核"}
      </button>
      <button type="submit" name="intent" value="save" disabled={pending} className={secondaryButtonClass}>
        保存草稿
      </button>
    </div>
  );
}
