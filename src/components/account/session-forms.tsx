"use client";
// 结束 one session, or 结束其他所有会话 (src/server/account/actions.ts).
import { useActionState } from "react";
import { endOtherSessionsAction, endSessionAction } from "@/server/account/actions";
import { initialActionState } from "@/server/action-state";
import { FormMessage, secondaryButtonClass } from "@/components/forms/field";

export function EndSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, action, pending] = useActionState(endSessionAction, initialActionState);
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="space-y-2" aria-label={`结束会话：${label}`}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage ok={false} message={state.message} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        结束
      </button>
    </form>
  );
}

export function EndOtherSessionsForm({ others }: { others: number }) {
  const [state, action, pending] = useActionState(endOtherSessionsAction, initialActionState);
  return (
    <form action={action} className="space-y-2" aria-label="结束其他所有会话">
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <button type="submit" disabled={pending || others === 0} className={secondaryButtonClass}>
        结束其他所有会话
      </button>
    </form>
  );
}
