// Watches over the app server process for `npm start` (runtime/start.ts): when it exits without
// being asked to (out of memory, a crash, `kill -9`), it is started again within seconds, with a
// line in the log saying why, and waiting longer each time it fails again soon (1, 2, 4 … 30 s;
// back to 1 s once it has run for a minute). Asked to stop (Ctrl+C, SIGTERM), it lets the server
// finish its requests in flight (runtime/serve.mjs) and kills it only after a bound.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** Seconds to wait before the n-th restart in a row (n ≥ 1). */
export function restartDelaySeconds(failuresInARow: number): number {
  return Math.min(30, 2 ** Math.max(0, failuresInARow - 1));
}

/** SHUTDOWN_GRACE_SECONDS (default 10): how long a stopping server lets requests in flight finish. */
export function shutdownGraceSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHUTDOWN_GRACE_SECONDS ?? "10";
  if (!/^[0-9]{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 600) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS 须为 1–600 的整数（秒），收到「${raw}」`);
  }
  return Number(raw);
}

/** A run this long counts as healthy: the next failure starts the back-off again. */
export const HEALTHY_RUN_MS = 60_000;

/** Why the server process ended, in the operator's words (from its exit and the end of its error output). */
export function exitCause(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail)) {
    return "内存不足（JavaScript heap out of memory）";
  }
  if (signal === "SIGKILL") return "被强制终止（SIGKILL：系统内存不足时由内核终止，或被人为 kill -9）";
  if (signal) return `收到信号 ${signal}`;
  if (code === 134) return "异常中止（退出码 134，通常是内存不足）";
  return `退出码 ${code}`;
}

export type SupervisorOptions = {
  command: string;
  args: string[];
  options: SpawnOptions;
  log: (line: string) => void;
  /** ms to wait for the server to finish after SIGTERM before killing it */
  stopTimeoutMs: number;
  /** called when the server could not start the first time (it never reported ready) */
  onStartFailure: (code: number | null) => void;
  /** called once, when the server first reports it is ready */
  onFirstReady?: () => void;
};

export function supervise(o: SupervisorOptions) {
  let child: ChildProcess | null = null;
  let stopping = false;
  let everReady = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | null = null;

  const start = () => {
    const startedAt = Date.now();
    let tail = "";
    // its own process group: Ctrl+C reaches this process, which stops the server in order
    const c = spawn(o.command, o.args, { ...o.options, stdio: ["inherit", "inherit", "pipe", "ipc"], detached: true });
    child = c;
    c.stderr?.on("data", (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString("utf8")).slice(-4000);
    });
    c.on("message", (m) => {
      if (m && typeof m === "object" && (m as { ready?: boolean }).ready) {
        if (everReady) o.log("应用服务已重新启动。");
        else o.onFirstReady?.();
        everReady = true;
      }
    });
    c.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      if (!everReady) {
        o.onStartFailure(code);
        return;
      }
      failures = Date.now() - startedAt >= HEALTHY_RUN_MS ? 1 : failures + 1;
      const delay = restartDelaySeconds(failures);
      o.log(`应用服务进程意外退出：${exitCause(code, signal, tail)}。${delay} 秒后自动重启（连续第 ${failures} 次）。`);
      restartTimer = setTimeout(start, delay * 1000);
    });
  };

  start();

  return {
    get pid() {
      return child?.pid ?? null;
    },
    /** Stops the server (SIGTERM, then SIGKILL after the bound); resolves once it has exited. */
    stop(): Promise<void> {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const kill = setTimeout(() => c.kill("SIGKILL"), o.stopTimeoutMs);
        c.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        c.kill("SIGTERM");
      });
    },
  };
}
