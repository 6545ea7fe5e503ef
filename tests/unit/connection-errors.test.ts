// A lost database connection is told apart from everything else, by the exact shapes pg,
// adapter-pg and Prisma give it; a programming error or a refusal by the database is not.
import { describe, expect, it, vi } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { CONNECTION_FAILURE_MESSAGE, CommitOutcomeUnknown, connectionFailure } from "@/server/db/connection-errors";
import { ValidationError } from "@/server/errors";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
const { toActionState } = await import("@/server/safe-action");

const socketError = (code: string) => Object.assign(new Error(`read ${code}`), { code, syscall: "read", errno: -104 });
const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error("adapter"), { name: "DriverAdapterError", cause });
const prismaError = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError(`error ${code}`, { code, clientVersion: "6.19.3", meta });
const serverError = (code: string, severity = "ERROR") => Object.assign(new Error(`server ${code}`), { code, severity, length: 100 });

describe("a lost database connection is recognised", () => {
  it.each([
    ["pg: the socket ended mid-query", new Error("Connection terminated unexpectedly")],
    ["pg: a client that broke earlier", new Error("Client has encountered a connection error and is not queryable")],
    ["pg pool: no connection in time", new Error("timeout exceeded when trying to connect")],
    ["a socket reset", socketError("ECONNRESET")],
    ["a refused connection", socketError("ECONNREFUSED")],
    ["adapter-pg: connection closed", adapterError({ kind: "ConnectionClosed" })],
    ["adapter-pg: server unreachable", adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    [
      "adapter-pg: backend terminated by an administrator",
      adapterError({ kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" }),
    ],
    ["pg: the server shutting down", serverError("57P01", "FATAL")],
    ["pg: connection failure", serverError("08006", "FATAL")],
    ["Prisma: server closed the connection", prismaError("P1017")],
    ["Prisma: can't reach the server", prismaError("P1001")],
    ["Prisma raw query: backend terminated", prismaError("P2010", { driverAdapterError: adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01" }) })],
    ["wrapped as a cause", new Error("outer", { cause: new Error("Connection terminated unexpectedly") })],
  ])("%s", (_what, error) => {
    expect(connectionFailure(error)).toBe("lost");
  });

  it("a connection lost during COMMIT is told apart: the outcome is unknown", () => {
    expect(connectionFailure(new CommitOutcomeUnknown(new Error("Connection terminated unexpectedly")))).toBe("commit-unknown");
  });
});

describe("everything else is not a lost connection", () => {
  it.each([
    ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a message that only looks alike", new Error("Connection terminated unexpectedly while parsing the sheet")],
    ["a code without a socket behind it", Object.assign(new Error("x"), { code: "ECONNRESET" })],
    ["a unique key taken", prismaError("P2002")],
    ["a conditional write that matched nothing", prismaError("P2025")],
    ["a transaction that could not start in time", prismaError("P2028")],
    ["a constraint refused by the server", serverError("23505")],
    ["adapter-pg: unique violation", adapterError({ kind: "UniqueConstraintViolation" })],
    ["adapter-pg: another server error", adapterError({ kind: "postgres", code: "42P01" })],
    ["a validation error", new ValidationError({ x: ["bad"] })],
    ["not an error at all", "Connection terminated unexpectedly"],
    ["nothing", undefined],
  ])("%s", (_what, error) => {
    expect(connectionFailure(error)).toBeNull();
  });
});

describe("what the form says", () => {
  it("a lost connection: nothing was saved, try again; what was typed is kept", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const state = toActionState(new Error("Connection terminated unexpectedly"), { progressText: "主体封顶" });
    expect(state).toEqual({ ok: false, message: "数据库连接中断，本次操作未保存，请稍后重试。", values: { progressText: "主体封顶" } });
    expect(toActionState(new CommitOutcomeUnknown(null)).message).toBe(CONNECTION_FAILURE_MESSAGE["commit-unknown"]);
  });

  it("a programming error keeps the generic message", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toActionState(new TypeError("x is undefined")).message).toBe("保存失败：系统暂时无法处理，请稍后重试。您填写的内容未丢失。");
  });
});
