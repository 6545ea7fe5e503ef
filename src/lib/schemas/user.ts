import { z } from "zod";

export const ROLES = ["ADMIN", "COUNTY", "LEADER", "AUDITOR"] as const;

const AUDITOR_PARK = "审计员不绑定县区园区，请选择“无”";

export const usernameField = z
  .string()
  .trim()
  .min(3, "用户名至少3个字符")
  .max(40, "用户名不能超过40个字符")
  .regex(/^[a-zA-Z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和短横线");

export const passwordField = z
  .string()
  .min(8, "密码至少8位")
  .max(128, "密码不能超过128位")
  .refine((p) => /[a-zA-Z]/.test(p) && /[0-9]/.test(p), "密码须同时包含字母和数字");

export const createUserSchema = z
  .object({
    username: usernameField,
    displayName: z.string().trim().min(1, "请填写姓名").max(60, "姓名不能超过60个字"),
    role: z.enum(ROLES, { error: "请选择角色" }),
    parkId: z
      .string()
      .optional()
      .transform((s) => (s ? Number(s) : null))
      .refine((n) => n === null || (Number.isInteger(n) && n > 0), "请选择县区园区"),
    password: passwordField,
  })
  .superRefine((v, ctx) => {
    if (v.role === "COUNTY" && v.parkId === null) ctx.addIssue({ code: "custom", path: ["parkId"], message: "县区填报员须绑定一个县区园区" });
    if (v.role === "AUDITOR" && v.parkId !== null) ctx.addIssue({ code: "custom", path: ["parkId"], message: AUDITOR_PARK });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

const userIdField = z.coerce.number({ error: "用户无效" }).int("用户无效").positive("用户无效");
const stamp = z.string({ error: "表单已过期，请刷新页面" }).refine((s) => !Number.isNaN(Date.parse(s)), "表单已过期，请刷新页面");

/** Role, park and name of an existing account. */
export const updateUserSchema = z
  .object({
    userId: userIdField,
    stamp,
    displayName: z.string().trim().min(1, "请填写姓名").max(60, "姓名不能超过60个字"),
    role: z.enum(ROLES, { error: "请选择角色" }),
    parkId: z
      .string()
      .optional()
      .transform((s) => (s ? Number(s) : null))
      .refine((n) => n === null || (Number.isInteger(n) && n > 0), "请选择县区园区"),
  })
  .superRefine((v, ctx) => {
    if (v.role === "COUNTY" && v.parkId === null) ctx.addIssue({ code: "custom", path: ["parkId"], message: "县区填报员须绑定一个县区园区" });
    if (v.role === "AUDITOR" && v.parkId !== null) ctx.addIssue({ code: "custom", path: ["parkId"], message: AUDITOR_PARK });
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  userId: userIdField,
  stamp,
  active: z.enum(["true", "false"], { error: "无效的操作" }).transform((s) => s === "true"),
});
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const resetPasswordSchema = z.object({ userId: userIdField, password: passwordField });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
