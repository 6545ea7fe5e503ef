// npm start's watch over the server (runtime/supervise.ts): how long it waits before each restart
// and how it names the cause in the log.
import { describe, expect, it } from "vitest";
import { exitCause, restartDelaySeconds, shutdownGraceSeconds } from "../../runtime/supervise";

describe("supervisor rules", () => {
  it("waits 1, 2, 4 … seconds before restarts in a row, never more than 30", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(restartDelaySeconds)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it("names the cause as an operator reads it", () => {
    expect(exitCause(null, "SIGABRT", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")).toMatch(/内存不足/);
    expect(exitCause(134, null, "")).toMatch(/134.*内存不足/);
    expect(exitCause(null, "SIGKILL", "")).toMatch(/SIGKILL/);
    expect(exitCause(1, null, "TypeError: x")).toBe("退出码 1");
  });

  it("lets requests in flight finish for SHUTDOWN_GRACE_SECONDS, 10 by default", () => {
    expect(shutdownGraceSeconds({})).toBe(10);
    expect(shutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "30" })).toBe(30);
    expect(() => shutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "0" })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
    expect(() => shutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "ten" })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});
