// Sessions stored in the database; the browser holds only a random token whose SHA-256 is
// the session id. Login throttling by username and by client address.
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Actor } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";

export const SESSION_COOKIE = "ppt_session";
export const SESSION_HOURS = 12;
export const THROTTLE = { windowMinutes: 15, perUsername: 5, perAddress: 20 } as const;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createSession(prisma: Db, userId: number, userAgent: string | null) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await prisma.session.create({ data: { id: sha256(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null } });
  return { token, expiresAt };
}

export async function actorForToken(prisma: Db, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const session = await prisma.session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
  if (!session || session.expiresAt <= new Date() || !session.user.active) return null;
  const u = session.user;
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId };
}

export async function deleteSession(prisma: Db, token: string | undefined) {
  if (token) await prisma.session.deleteMany({ where: { id: sha256(token) } });
}

export type LoginResult = { ok: true; actor: Actor } | { ok: false; message: string };

/** Checks the password, throttling repeated failures; records every attempt. */
export async function checkLogin(prisma: Db, username: string, password: string, address: string | null): Promise<LoginResult> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byName, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
    address ? prisma.loginAttempt.count({ where: { ip: address, success: false, createdAt: { gte: since } } }) : 0,
  ]);
  if (byName >= THROTTLE.perUsername || byAddress >= THROTTLE.perAddress) {
    return { ok: false, message: `登录失败次数过多，请${THROTTLE.windowMinutes}分钟后再试。` };
  }
  const user = await prisma.user.findUnique({ where: { username } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const success = valid && !!user && user.active;
  await prisma.loginAttempt.create({ data: { username: username.slice(0, 40), ip: address?.slice(0, 64) ?? null, success } });
  if (!success || !user) return { ok: false, message: "用户名或密码不正确。" };
  return { ok: true, actor: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId } };
}
