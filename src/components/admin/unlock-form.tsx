"use client";
import { useActionState } from "react";
import { unlockLoginAction } from "@/server/users/actions";
import { initialActionState } from "@/server/action-state";
import { FormMessage, secondaryButtonClass } from "@/components/forms/field";

/** 解除登录限制: lifts the login delays on an account after a storm of wrong passwords. */
export function UnlockLoginForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(unlockLoginAction, initialActionState);
  return (
    <form action={action} className="space-y-2" aria-label={`解除 ${username} 的登录限制`}>
      <input type="hidden" name="username" value={username} />
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        解除登录限制
      </button>
    </form>
  );
}
