"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/server/db";
import { checkLogin, createSession, deleteSession, SESSION_COOKIE } from "@/server/auth/sessions";
import { clientAddress, isHttps } from "@/server/auth/current";
import { writeAudit } from "@/server/audit/write";
import type { ActionState } from "@/server/action-state";

const loginSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(40, "用户名或密码不正确"),
  password: z.string().min(1, "请输入密码").max(128, "用户名或密码不正确"),
  next: z.string().optional(),
});

function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export async function loginAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse({
    username: formData.get("username") ?? "",
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  const values = { username: String(formData.get("username") ?? "") };
  if (!parsed.success) {
    return { ok: false, message: "请输入用户名和密码。", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const prisma = db();
  const result = await checkLogin(prisma, parsed.data.username, parsed.data.password, await clientAddress());
  if (!result.ok) return { ok: false, message: result.message, values };
  const { token, expiresAt } = await createSession(prisma, result.actor.id, (await headers()).get("user-agent"));
  await writeAudit(prisma, result.actor, { action: "login", entity: "User", entityId: result.actor.id, ip: await clientAddress() });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
  redirect(safeNext(parsed.data.next));
}

export async function logoutAction(): Promise<void> {
  const jar = await cookies();
  await deleteSession(db(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/login");
}
