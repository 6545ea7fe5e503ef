"use client";
import { useActionState } from "react";
import { loginAction } from "@/server/auth/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass } from "@/components/forms/field";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(loginAction, initialActionState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? "/"} />
      <Field name="username" label="用户名" errors={state.fieldErrors?.username}>
        <input id="username" name="username" autoComplete="username" required defaultValue={state.values?.username} className={inputClass} />
      </Field>
      <Field name="password" label="密码" errors={state.fieldErrors?.password}>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <button type="submit" disabled={pending} className={`${buttonClass} w-full`}>
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
