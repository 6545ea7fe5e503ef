"use client";
// 修改密码: the current password, the new one twice (src/server/account/actions.ts).
import { useActionState } from "react";
import { changePasswordAction } from "@/server/account/actions";
import { initialActionState } from "@/server/action-state";
import { Field, FormMessage, buttonClass, inputClass } from "@/components/forms/field";
import { invalidProps, useResultKey } from "@/components/forms/conflict";
import { passwordRuleText } from "@/domain/password-rule";

export function ChangePasswordForm({ passwordMin, next, first = false }: { passwordMin: number; next?: string; first?: boolean }) {
  const [state, action, pending] = useActionState(changePasswordAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  // a fresh form after every answer: nothing typed lingers, and nothing typed next is reset
  const formKey = useResultKey(state);
  return (
    <form key={formKey} action={action} className="max-w-sm space-y-4" noValidate aria-label="修改密码">
      {next && <input type="hidden" name="next" value={next} />}
      <Field name="currentPassword" label={first ? "当前密码（管理员告知的初始密码）" : "当前密码"} errors={errors.currentPassword}>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" className={inputClass} {...invalidProps(errors, "currentPassword")} />
      </Field>
      <Field name="newPassword" label="新密码" errors={errors.newPassword} hint={passwordRuleText(passwordMin)}>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" className={inputClass} {...invalidProps(errors, "newPassword")} />
      </Field>
      <Field name="newPasswordAgain" label="再次输入新密码" errors={errors.newPasswordAgain}>
        <input id="newPasswordAgain" name="newPasswordAgain" type="password" autoComplete="new-password" className={inputClass} {...invalidProps(errors, "newPasswordAgain")} />
      </Field>
      <FormMessage ok={state.ok} message={state.message} link={state.link} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "正在修改…" : "修改密码"}
      </button>
    </form>
  );
}
