"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/server/db";
import { checkLogin, deleteSession, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName, sessionToken, startSession } from "@/server/auth/sessions";
import { clientAddress, isHttps } from "@/server/auth/current";
import { safeRedirect } from "@/lib/safe-redirect";
import { landingPath } from "@/server/auth/permissions";
import { hygieneErrors } from "@/lib/schemas/text";
import { CHANGE_PASSWORD_PATH } from "@/lib/account-paths";
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
  const https = await isHttps();
  const jar = await cookies();
  jar.set(sessionCookieName(https), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: https,
    path: "/",
    expires: expiresAt,
  });
  // no destination (or /): the account's landing page — 我的待办 for county staff and admins
  const next = safeRedirect(parsed.data.next);
  // a password an administrator set: changed first, then on to where the user was going
  if (result.actor.mustChangePassword) redirect(next === "/" ? CHANGE_PASSWORD_PATH : `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}`);
  redirect(next === "/" ? landingPath(result.actor) : next);
}

/** Ends the session in the database and clears the cookie under both names. */
export async function logoutAction(): Promise<void> {
  const jar = await cookies();
  const https = await isHttps();
  await deleteSession(db(), sessionToken(jar, { https }));
  // a __Host- cookie is only replaced by one with Secure and Path=/; deleting sends exactly that
  if (jar.get(SECURE_SESSION_COOKIE)) jar.set(SECURE_SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 0 });
  if (jar.get(SESSION_COOKIE)) jar.delete(SESSION_COOKIE);
  redirect("/login");
}
