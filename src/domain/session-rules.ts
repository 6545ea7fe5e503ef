// Session lifetime rules (pure; the database side is src/server/auth/sessions.ts). A session ends
// SESSION_HOURS after sign-in whatever happens (absolute lifetime), and earlier when it has seen
// no request for SESSION_IDLE_MINUTES (idle timeout). Its last-seen time is written at most once
// a minute, so an ordinary request reads the session without writing it.

/** Absolute lifetime: a session ends this many hours after sign-in. */
export const SESSION_HOURS = 12;
export const SESSION_IDLE_DEFAULT_MINUTES = 30;
/** lastSeenAt is moved on only when it is older than this: at most one write a minute per session. */
export const LAST_SEEN_STEP_MS = 60_000;

/**
 * The idle timeout in minutes: SESSION_IDLE_MINUTES, a whole number taken within 1 to 720 (the
 * 12-hour lifetime); unset or unreadable, the default 30.
 */
export function sessionIdleMinutes(raw: string | undefined = process.env.SESSION_IDLE_MINUTES): number {
  const value = raw?.trim();
  if (!value || !/^[0-9]{1,5}$/.test(value)) return SESSION_IDLE_DEFAULT_MINUTES;
  return Math.min(Math.max(Number(value), 1), SESSION_HOURS * 60);
}

/** When a session signed in at `now` ends at the latest. */
export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_HOURS * 3600_000);
}

export type SessionTimes = { expiresAt: Date; lastSeenAt: Date };

/** Whether a session is still good at `now`: before its absolute end and not idle too long. */
export function sessionAlive(session: SessionTimes, now: Date, idleMinutes = sessionIdleMinutes()): boolean {
  return session.expiresAt.getTime() > now.getTime() && now.getTime() - session.lastSeenAt.getTime() < idleMinutes * 60_000;
}

/** When an idle session stops being good (the earlier of its idle end and its absolute end). */
export function sessionEndsAt(session: SessionTimes, idleMinutes = sessionIdleMinutes()): Date {
  return new Date(Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + idleMinutes * 60_000));
}

/** Whether a request at `now` should move the session's last-seen time on (older than a minute). */
export function lastSeenStale(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_STEP_MS;
}
