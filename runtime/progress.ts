// What `npm start` says while it prepares: one line per step with what it is doing, roughly how
// long it usually takes, and when it is done, how long it took. A long step (the build) says every
// 30 seconds that it is still going, so a quiet console never looks like a hung one.

/** "8秒", "2分05秒" */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}秒`;
  return `${Math.floor(s / 60)}分${String(s % 60).padStart(2, "0")}秒`;
}

export function createProgress(log: (line: string) => void = console.log, now: () => number = Date.now) {
  const started = now();
  return {
    /** runs `work` as a step ("构建应用": 正在构建应用… / 仍在构建应用… / 完成), announcing it with its usual duration and ending with its own */
    async step<T>(label: string, usually: string | null, work: () => Promise<T> | T, heartbeatMs = 30_000): Promise<T> {
      const t0 = now();
      log(`正在${label}…${usually ? `（${usually}）` : ""}`);
      const timer = setInterval(() => log(`  仍在${label}，已用时 ${formatElapsed(now() - t0)}…`), heartbeatMs);
      timer.unref();
      try {
        const result = await work();
        log(`  完成，用时 ${formatElapsed(now() - t0)}。`);
        return result;
      } finally {
        clearInterval(timer);
      }
    },
    /** time since `npm start` began */
    total: () => formatElapsed(now() - started),
  };
}
