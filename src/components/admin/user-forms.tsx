"use client";
import { FormEnd, Outcome } from "@/components/forms/form-end";
import { useActionState } from "react";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/server/users/actions";
import { ParkSelect } from "@/components/forms/park-select";
import { initialActionState } from "@/server/action-state";
import { Field, inputClass, secondaryButtonClass } from "@/components/forms/field";
import { invalidProps, useResultKey } from "@/components/forms/conflict";
import { ROLE_LABEL } from "@/lib/labels";
import { passwordRuleText } from "@/domain/password-rule";
import { ReauthField } from "@/components/forms/reauth-field";
import { HiddenFields } from "@/components/forms/hidden-fields";

type Park = { id: number; name: string };
const LABELS = { displayName: "姓名", role: "角色", active: "状态" };

function RoleParkFields({ errors, values, parks, idPrefix }: { errors: Record<string, string[] | undefined>; values: Record<string, string>; parks: Park[]; idPrefix: string }) {
  return (
    <>
      <Field name={`${idPrefix}role`} label="角色" errors={errors.role}>
        <select id={`${idPrefix}role`} name="role" defaultValue={values.role ?? ""} className={inputClass} {...invalidProps(errors, "role")}>
          <option value="">请选择</option>
          {Object.entries(ROLE_LABEL).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <ParkSelect id={`${idPrefix}parkId`} label="县区园区（县区填报员必选）" errors={errors.parkId} defaultValue={values.parkId} parks={parks} emptyLabel="无" />
    </>
  );
}

export function CreateUserForm({ parks, passwordMin }: { parks: Park[]; passwordMin: number }) {
  const [state, action, pending] = useActionState(createUserAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const formKey = useResultKey(state);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate aria-label="新建用户">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="username" label="用户名" errors={errors.username} hint="登录用，字母、数字、下划线、点或短横线">
          <input id="username" name="username" autoComplete="off" defaultValue={v.username ?? ""} className={inputClass} {...invalidProps(errors, "username")} />
        </Field>
        <Field name="displayName" label="姓名" errors={errors.displayName}>
          <input id="displayName" name="displayName" defaultValue={v.displayName ?? ""} className={inputClass} {...invalidProps(errors, "displayName")} />
        </Field>
        <RoleParkFields errors={errors} values={v} parks={parks} idPrefix="" />
        <Field name="password" label="初始密码" errors={errors.password} hint={`${passwordRuleText(passwordMin)}；本人首次登录时须修改`}>
          <input id="password" name="password" type="password" autoComplete="new-password" className={inputClass} {...invalidProps(errors, "password")} />
        </Field>
        <ReauthField id="create-reauthPassword" errors={errors} />
      </div>
      <FormEnd state={state} pending={pending} labels={LABELS} label="创建用户" />
    </form>
  );
}

type UserRow = { id: number; username: string; displayName: string; role: string; parkId: number | null; active: boolean; stamp: string };

export function EditUserForm({ user, parks }: { user: UserRow; parks: Park[] }) {
  const [state, action, pending] = useActionState(updateUserAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const formKey = useResultKey(state);
  const v = { displayName: user.displayName, role: user.role, parkId: user.parkId ? String(user.parkId) : "", ...(state.ok ? {} : state.values) };
  const p = `u${user.id}-`;
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate aria-label={`修改 ${user.username}`}>
      <HiddenFields values={{ userId: user.id, stamp: user.stamp }} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name={`${p}displayName`} label="姓名" errors={errors.displayName}>
          <input id={`${p}displayName`} name="displayName" defaultValue={v.displayName} className={inputClass} {...invalidProps(errors, "displayName")} />
        </Field>
        <RoleParkFields errors={errors} values={v} parks={parks} idPrefix={p} />
      </div>
      <div className="sm:max-w-xs">
        <ReauthField id={`${p}reauthPassword`} errors={errors} hint="修改角色或县区园区时须输入；只改姓名可不填" />
      </div>
      <FormEnd state={state} pending={pending} labels={LABELS} label="保存角色和园区" secondary />
    </form>
  );
}

export function ActiveForm({ user }: { user: UserRow }) {
  const [state, action, pending] = useActionState(setUserActiveAction, initialActionState);
  return (
    <form action={action} className="space-y-2" aria-label={`${user.active ? "停用" : "启用"} ${user.username}`}>
      <HiddenFields values={{ userId: user.id, stamp: user.stamp, active: user.active ? "false" : "true" }} />
      <Outcome state={state} labels={LABELS} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {user.active ? "停用账号" : "重新启用"}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ user, passwordMin }: { user: UserRow; passwordMin: number }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialActionState);
  const errors = state.fieldErrors ?? {};
  const id = `u${user.id}-password`;
  return (
    <form key={state.ok ? state.message : "form"} action={action} className="space-y-2" noValidate aria-label={`重置 ${user.username} 的密码`}>
      <input type="hidden" name="userId" value={user.id} />
      <Field name={id} label="新密码" errors={errors.password} hint={`${passwordRuleText(passwordMin)}；本人下次登录时须修改`}>
        <input id={id} name="password" type="password" autoComplete="new-password" className={inputClass} {...invalidProps(errors, "password")} />
      </Field>
      <ReauthField id={`u${user.id}-reset-reauthPassword`} errors={errors} />
      <FormEnd state={state} pending={pending} labels={LABELS} label="重置密码" secondary />
    </form>
  );
}
