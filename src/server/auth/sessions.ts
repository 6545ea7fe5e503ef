// Sessions stored in the database; the browser holds only a random token whose SHA-256 is
// the session id. A session ends 12 hours after sign-in (SESSION_HOURS) or after
// SESSION_IDLE_MINUTES without a request (src/domain/session-rules.ts), whichever comes first.
// Login throttling: src/server/auth/throttle.ts.
import crypto from "node:crypto";
import type { Db } from "@/server/db/client";
import type { User } from "@/generated/prisma/client";
import type { Actor } from "./actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginBlock, recordFailure } from "./throttle";
import { cleanStoredText } from "@/lib/schemas/text";
import { lastSeenStale, sessionAlive, sessionExpiry, sessionIdleMinutes, type SessionTimes } from "@/domain/session-rules";
import { writeAudit } from "@/server/audit/write";

export { SESSION_HOURS } from "@/domain/session-rules";

/** The session cookie's name over plain HTTP. */
export const SESSION_COOKIE = "ppt_session";
/**
 * Its name over HTTPS: the `__Host-` prefix makes the browser accept it only with Secure, Path=/
 * and no Domain, so neither a sibling subdomain nor a plain-HTTP page can plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = "__Host-ppt_session";

/** The cookie name a response sets: `__Host-ppt_session` when served over HTTPS, else `ppt_session`. */
export function sessionCookieName(https: boolean): string {
  return https ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/**
 * Whether a request came over HTTPS: COOKIE_SECURE (`true`/`false`) when set, else the
 * X-Forwarded-Proto header of the reverse proxy in front.
 */
export function requestIsHttps(headers: { get(name: string): string | null }): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE === "true";
  return headers.get("x-forwarded-proto") === "https";
}

type CookieReader = { get(name: string): { value: string } | undefined };

/**
 * The session token a request carries, under either cookie name (`__Host-ppt_session` first).
 * With `https: true` only the `__Host-` cookie counts: over HTTPS a plain `ppt_session` may have
 * been planted by someone else. Every reader of the session cookie goes through here (the proxy,
 * pages and actions through `currentActor`, sign-out, the server's request gate).
 */
export function sessionToken(cookies: CookieReader, options: { https?: boolean } = {}): string | undefined {
  const secure = cookies.get(SECURE_SESSION_COOKIE)?.value;
  if (secure || options.https) return secure || undefined;
  return cookies.get(SESSION_COOKIE)?.value || undefined;
}

/** The session id stored for a token (its SHA-256): the token itself is never stored. */
export const sessionIdOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The Actor of a user row. */
export function actorOf(u: Pick<User, "id" | "username" | "displayName" | "role" | "parkId" | "mustChangePassword">): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, parkId: u.parkId, mustChangePassword: u.mustChangePassword };
}

/** A session without the sign-in's records (test fixtures). */
export async function createSession(prisma: Db, userId: number, userAgent: string | null, address: string | null = null) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = sessionExpiry(new Date());
  await prisma.session.create({
    data: { id: sessionIdOf(token), userId, expiresAt, userAgent: cleanStoredText(userAgent, 300), ip: cleanStoredText(address, 64) },
  });
  return { token, expiresAt };
}

/**
 * The signed-in user of a session token, or null (no such session, past its 12 hours, idle for
 * longer than SESSION_IDLE_MINUTES, or the account deactivated). The one check every request
 * passes (the proxy, pages, actions, the server's request gate). Keeps the session's last-seen
 * time current, writing it only when it is more than a minute old.
 */
export async function actorForToken(prisma: Db, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const id = sessionIdOf(token);
  // one plain statement: every request makes this check (twice for most pages), and Prisma's client
  // engine compiles a plan for each ORM call on the request's thread (2.9 ms of CPU for this
  // lookup written as findUnique with its user, 0.6 ms as SQL; docs/benchmark.md, the rush)
  const [session] = await prisma.$queryRaw<Array<SessionTimes & { user: Pick<User, "id" | "username" | "displayName" | "role" | "parkId" | "mustChangePassword" | "active"> }>>`
    SELECT s."expiresAt", s."lastSeenAt",
           json_build_object('id', u.id, 'username', u.username, 'displayName', u."displayName", 'role', u.role,
                             'parkId', u."parkId", 'mustChangePassword', u."mustChangePassword", 'active', u.active) AS "user"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${id}`;
  const now = new Date();
  if (!session || !sessionAlive(session, now, sessionIdleMinutes()) || !session.user.active) return null;
  if (lastSeenStale(session.lastSeenAt, now)) {
    // conditional: of several requests at once, one writes
    await prisma.session.updateMany({ where: { id, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } });
  }
  return actorOf(session.user);
}

export async function deleteSession(prisma: Db, token: string | undefined) {
  if (token) await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
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
  return { ok: true, actor: actorOf(user) };
}

/**
 * A signed-in user's session: the successful attempt, the session row (with its address and
 * browser) and the audit entry, in one transaction. The user's sessions that have ended are
 * removed on the way.
 */
export async function startSession(prisma: Db, actor: Actor, request: { userAgent: string | null; address: string | null }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = sessionExpiry(now);
  const ip = cleanStoredText(request.address, 64);
  const idleSince = new Date(now.getTime() - sessionIdleMinutes() * 60_000);
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: actor.id, OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } });
    await tx.session.create({
      data: { id: sessionIdOf(token), userId: actor.id, createdAt: now, lastSeenAt: now, expiresAt, userAgent: cleanStoredText(request.userAgent, 300), ip },
    });
    await tx.loginAttempt.create({ data: { username: actor.username, ip, success: true } });
    await writeAudit(tx, actor, { action: "login", entity: "User", entityId: actor.id, ip });
  });
  return { token, expiresAt };
}
