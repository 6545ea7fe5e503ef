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
