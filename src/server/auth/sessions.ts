// Sessions stored in the database; the browser holds only a random token whose SHA-256 is
// the session id. Login throttling: src/server/auth/throttle.ts.
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";
import type { Actor } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginBlock, recordFailure } from "./throttle";
import { cleanStoredText } from "@/lib/schemas/text";
import { writeAudit } from "@/server/audit/write";

export const SESSION_COOKIE = "ppt_session";
export const SESSION_HOURS = 12;

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createSession(prisma: Db, userId: number, userAgent: string | null) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await prisma.session.create({ data: { id: sha256(token), userId, expiresAt, userAgent: cleanStoredText(userAgent, 300) } });
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

/**
 * Checks the password, throttling repeated failures per (user name, address) and per address
 * (src/server/auth/throttle.ts). A failure is recorded here; a success is recorded by `startSession`,
 * together with the session and its audit entry.
 */
export async function checkLogin(prisma: Db, username: string, password: string, address: string | null): Promise<LoginResult> {
  const name = cleanStoredText(username, 40) ?? "";
  const ip = cleanStoredText(address, 64);
  const block = await loginBlock(prisma, name, ip);
  if (block) return { ok: false, message: block.message };
  const user = await prisma.user.findUnique({ where: { username: name } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const success = valid && !!user && user.active && user.username === username;
  if (!success || !user) {
    await prisma.$transaction((tx) => recordFailure(tx, name, ip));
    return { ok: false, message: "用户名或密码不正确。" };
  }
  return { ok: true, actor: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId } };
}

/** A signed-in user's session: the successful attempt, the session row and the audit entry, in one transaction. */
export async function startSession(prisma: Db, actor: Actor, request: { userAgent: string | null; address: string | null }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  const ip = cleanStoredText(request.address, 64);
  await prisma.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sha256(token), userId: actor.id, expiresAt, userAgent: cleanStoredText(request.userAgent, 300) } });
    await tx.loginAttempt.create({ data: { username: actor.username, ip, success: true } });
    await writeAudit(tx, actor, { action: "login", entity: "User", entityId: actor.id, ip });
  });
  return { token, expiresAt };
}
