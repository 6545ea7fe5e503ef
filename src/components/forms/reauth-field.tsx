// The administrator's own password, asked again on a sensitive form (src/server/auth/reauth.ts
// checks it on the server; a wrong one counts like a failed sign-in).
import { Field, inputClass } from "@/components/forms/field";

export function ReauthField({ id, errors, hint = "为确认是您本人操作，请再次输入您的登录密码" }: { id: string; errors: Record<string, string[] | undefined>; hint?: string }) {
  return (
    <Field name={id} label="您的登录密码（确认身份）" errors={errors.reauthPassword} hint={hint}>
      <input
        id={id}
        name="reauthPassword"
        type="password"
        autoComplete="current-password"
        className={inputClass}
        {...(errors.reauthPassword?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {})}
      />
    </Field>
  );
}
