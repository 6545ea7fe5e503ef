// Whether an error means that the database connection was lost, or that none could be had: the
// server went away or restarted, the socket was cut, the backend was terminated, no connection
// was free or could be opened in time. A transaction that met such an error stored nothing; the
// user is told so and asked to try again. Recognised from the exact shapes pg, adapter-pg and
// Prisma give them; programming errors and everything the database refused on purpose (a
// constraint, a conflict) are not matched and stay unexpected errors.
//
// One case is different: the connection lost while COMMIT was on its way. PostgreSQL may or may
// not have committed, and the client cannot know; pg-compat.ts raises CommitOutcomeUnknown then.

/** What pg's client and pool throw when the connection ends, breaks or cannot be had. */
const PG_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Connection terminated due to connection timeout",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
  "timeout exceeded when trying to connect",
]);
/** Node's socket errors (they carry a `syscall`). */
const SOCKET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** adapter-pg's error kinds for a lost or unreachable server. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** Prisma's codes for the same: can't reach, timed out, operation timed out, server closed the connection. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);

/** SQLSTATE class 08 (connection exception), and the server shutting down or not yet accepting (57P01–57P03). */
function isConnectionSqlState(code: unknown): boolean {
  return typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03");
}

type Shape = {
  message?: unknown;
  code?: unknown;
  syscall?: unknown;
  severity?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  clientVersion?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function matches(e: object): boolean {
  const x = e as Shape;
  if (e instanceof Error && typeof x.message === "string" && PG_MESSAGES.has(x.message)) return true;
  if (typeof x.syscall === "string" && typeof x.code === "string" && SOCKET_CODES.has(x.code)) return true;
  // adapter-pg's description of a driver error (a DriverAdapterError's cause)
  if (typeof x.kind === "string" && (ADAPTER_KINDS.has(x.kind) || isConnectionSqlState(x.code) || isConnectionSqlState(x.originalCode))) return true;
  // pg's DatabaseError as the server sent it
  if (typeof x.severity === "string" && isConnectionSqlState(x.code)) return true;
  if (typeof x.clientVersion === "string" && typeof x.code === "string" && PRISMA_CODES.has(x.code)) return true;
  return false;
}

/** True when `error` (or what it wraps) is a lost or unobtainable database connection. */
export function isConnectionLost(error: unknown): boolean {
  const pending: unknown[] = [error];
  const seen = new Set<object>();
  while (pending.length > 0 && seen.size < 10) {
    const e = pending.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (matches(e)) return true;
    const x = e as Shape;
    pending.push(x.cause, x.meta?.driverAdapterError);
  }
  return false;
}

/** The connection was lost while COMMIT was on its way: the transaction may or may not be stored. */
export class CommitOutcomeUnknown extends Error {
  constructor(readonly cause: unknown) {
    super("database connection lost during COMMIT");
  }
}

export type ConnectionFailure = "lost" | "commit-unknown";

export function connectionFailure(error: unknown): ConnectionFailure | null {
  if (error instanceof CommitOutcomeUnknown) return "commit-unknown";
  return isConnectionLost(error) ? "lost" : null;
}

/** What the user reads (the form keeps what was typed). */
export const CONNECTION_FAILURE_MESSAGE: Record<ConnectionFailure, string> = {
  lost: "数据库连接中断，本次操作未保存，请稍后重试。",
  "commit-unknown": "数据库连接在保存的最后一步中断，无法确认是否已保存。请刷新页面核对；如未保存，请重新操作。",
};
