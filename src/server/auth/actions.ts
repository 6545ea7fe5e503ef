"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/server/db";
import { checkLogin, deleteSession, SESSION_COOKIE, startSession } from "@/server/auth/sessions";
import { clientAddress, isHttps } from "@/server/auth/current";
import { safeRedirect } from "@/lib/safe-redirect";
import { landingPath } from "@/server/auth/permissions";
import { hygieneErrors } from "@/lib/schemas/text";
import type { ActionState } from "@/server/action-state";
import { isForm, NOT_A_FORM } from "@/server/safe-action";

const loginSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(40, "用户名或密码不正确"),
  password: z.string().min(1, "请输入密码").max(128, "用户名或密码不正确"),
  next: z.string().optional(),
});

export async function loginAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const parsed = loginSchema.safeParse({
    username: formData.get("username") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  const values = { username: String(formData.get("username") ?? "") };
  const odd = hygieneErrors({ username: values.username }, { username: "用户名" });
  if (odd.username) return { ok: false, message: "请检查标红的字段。", fieldErrors: odd, values: { username: "" } };
  if (!parsed.success) {
    return { ok: false, message: "请输入用户名和密码。", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const prisma = db();
  const address = await clientAddress();
  const result = await checkLogin(prisma, parsed.data.username, parsed.data.password, address);
  if (!result.ok) return { ok: false, message: result.message, values };
  const { token, expiresAt } = await startSession(prisma, result.actor, { userAgent: (await headers()).get("user-agent"), address });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
  // no destination (or /): the account's landing page — 我的待办 for county staff and admins
  const next = safeRedirect(parsed.data.next);
  redirect(next === "/" ? landingPath(result.actor) : next);
}

export async function logoutAction(): Promise<void> {
  const jar = await cookies();
  await deleteSession(db(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/login");
}
