import { z } from "zod";
import { PASSWORD_MAX, passwordMinLength, passwordProblems } from "@/domain/password-rule";

export const ROLES = ["ADMIN", "COUNTY", "LEADER", "AUDITOR"] as const;

const AUDITOR_PARK = "审计员不绑定县区园区，请选择“无”";

export const REAUTH_REQUIRED = "请输入您的登录密码以确认身份";

export const usernameField = z
  .string()
  .trim()
  .min(3, "用户名至少3个字符")
  .max(40, "用户名不能超过40个字符")
  .regex(/^[a-zA-Z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和短横线");

/**
 * A password being set, by the one rule (src/domain/password-rule.ts): the configured minimum
 * (PASSWORD_MIN_LENGTH, read when the form is checked on the server), letters and digits.
 */
export const passwordField = z.string({ error: "请填写密码" }).superRefine((p, ctx) => {
  for (const message of passwordProblems(p, passwordMinLength())) ctx.addIssue({ code: "custom", message });
});

/**
 * The administrator's own password, asked again before a sensitive change (creating an account,
 * changing a role or park, resetting a password, re-opening a published period); the service
 * checks it (src/server/auth/reauth.ts).
 */
export const reauthField = z.string({ error: REAUTH_REQUIRED }).min(1, REAUTH_REQUIRED).max(PASSWORD_MAX, "密码不正确");

/** Name, role and county park: what an administrator sets on a new account and changes later. */
const accountFields = {
  displayName: z.string().trim().min(1, "请填写姓名").max(60, "姓名不能超过60个字"),
  role: z.enum(ROLES, { error: "请选择角色" }),
  parkId: z
    .string()
    .optional()
    .transform((s) => (s ? Number(s) : null))
    .refine((n) => n === null || (Number.isInteger(n) && n > 0), "请选择县区园区"),
};

const newAccountFields = { username: usernameField, ...accountFields, password: passwordField };

/** A county account belongs to a county park; a 审计员 to none. */
const countyNeedsPark = (v: { role: string; parkId: number | null }, ctx: z.RefinementCtx) => {
  if (v.role === "COUNTY" && v.parkId === null) ctx.addIssue({ code: "custom", path: ["parkId"], message: "县区填报员须绑定一个县区园区" });
  if (v.role === "AUDITOR" && v.parkId !== null) ctx.addIssue({ code: "custom", path: ["parkId"], message: AUDITOR_PARK });
};

/** An account created by an administrator on 用户管理: with the administrator's own password again. */
export const createUserSchema = z.object({ ...newAccountFields, reauthPassword: reauthField }).superRefine(countyNeedsPark);
/** An account created on the server's command line (npm run user:create): nobody to re-authenticate. */
export const bootstrapUserSchema = z.object(newAccountFields).superRefine(countyNeedsPark);
export type CreateUserInput = z.infer<typeof bootstrapUserSchema> & { reauthPassword?: string };

const userIdField = z.coerce.number({ error: "用户无效" }).int("用户无效").positive("用户无效");
const stamp = z.string({ error: "表单已过期，请刷新页面" }).refine((s) => !Number.isNaN(Date.parse(s)), "表单已过期，请刷新页面");

/** Role, park and name of an existing account. */
export const updateUserSchema = z
  .object({
    userId: userIdField,
    stamp,
    ...accountFields,
    /** needed only when the role or the park changes (the service decides) */
    reauthPassword: z
      .string()
      .max(PASSWORD_MAX, "密码不正确")
      .optional()
      .transform((s) => s ?? ""),
  })
  .superRefine(countyNeedsPark);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  userId: userIdField,
  stamp,
  active: z.enum(["true", "false"], { error: "无效的操作" }).transform((s) => s === "true"),
});
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const resetPasswordSchema = z.object({ userId: userIdField, password: passwordField, reauthPassword: reauthField });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

// ------------------------------------------------------------------ one's own account (/account)

/** 修改密码: the current password, the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(PASSWORD_MAX, "当前密码不正确"),
    newPassword: passwordField,
    newPasswordAgain: z.string({ error: "请再次输入新密码" }).min(1, "请再次输入新密码"),
    /** where to go after a first-sign-in change (same-site paths only; checked by safeRedirect) */
    next: z.string().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.newPasswordAgain !== "" && v.newPasswordAgain !== v.newPassword) {
      ctx.addIssue({ code: "custom", path: ["newPasswordAgain"], message: "两次输入的新密码不一致" });
    }
    if (v.newPassword !== "" && v.newPassword === v.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "新密码不能与当前密码相同" });
    }
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** 结束 one of one's own sessions (its id, the SHA-256 of its token, as the session list shows it). */
export const endSessionSchema = z.object({
  sessionId: z.string({ error: "会话无效" }).regex(/^[0-9a-f]{64}$/, "会话无效"),
});
export type EndSessionInput = z.infer<typeof endSessionSchema>;
