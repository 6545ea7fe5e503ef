// One's own account (/account): the password's state and the sessions still signed in.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { describeUserAgent } from "@/lib/user-agent";
import { sessionEndsAt, sessionIdleMinutes } from "@/domain/session-rules";

export type OwnSession = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** when it ends if nothing more happens: idle timeout or the 12-hour lifetime, the earlier */
  endsAt: Date;
  ip: string | null;
  /** the browser in words: "Chrome 126 · Windows" */
  browser: string;
  current: boolean;
};

/**
 * The user's sessions still good now (not past their 12 hours, not idle too long), the current
 * one first, then the most recently active.
 */
export async function listOwnSessions(prisma: Db, actor: Actor, currentSessionId: string | null, now = new Date()): Promise<OwnSession[]> {
  const idle = sessionIdleMinutes();
  const rows = await prisma.session.findMany({
    where: { userId: actor.id, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idle * 60_000) } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
    take: 100,
  });
  const sessions = rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    endsAt: sessionEndsAt(s, idle),
    ip: s.ip,
    browser: describeUserAgent(s.userAgent),
    current: s.id === currentSessionId,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/** The account as its owner sees it on /account. */
export async function getOwnAccount(prisma: Db, actor: Actor) {
  return prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { username: true, displayName: true, role: true, createdAt: true, passwordChangedAt: true, mustChangePassword: true, park: { select: { name: true } } },
  });
}
