// What `npm start` says while it prepares (runtime/progress.ts): each step says what it does and
// how long it usually takes, a long step says it is still going, and each ends with its own time.
import { describe, expect, it, vi } from "vitest";
import { createProgress, formatElapsed } from "../../runtime/progress";

describe("npm start's progress lines", () => {
  it("elapsed time reads as seconds, then minutes and seconds", () => {
    expect(formatElapsed(0)).toBe("0秒");
    expect(formatElapsed(59_400)).toBe("59秒");
    expect(formatElapsed(60_000)).toBe("1分00秒");
    expect(formatElapsed(321_000)).toBe("5分21秒");
  });

  it("a step names itself with its usual duration, says it is still going, and ends with its own time", async () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      let clock = 0;
      const progress = createProgress(
        (l) => lines.push(l),
        () => clock,
      );
      let finish!: () => void;
      const done = progress.step("构建应用", "通常 3–6 分钟", () => new Promise<void>((r) => (finish = r)), 30_000);
      expect(lines).toEqual(["正在构建应用…（通常 3–6 分钟）"]);
      clock = 30_000;
      vi.advanceTimersByTime(30_000);
      expect(lines.at(-1)).toBe("  仍在构建应用，已用时 30秒…");
      clock = 200_000;
      finish();
      await done;
      expect(lines.at(-1)).toBe("  完成，用时 3分20秒。");
      expect(progress.total()).toBe("3分20秒");
      // no "still going" after the step ended
      vi.advanceTimersByTime(60_000);
      expect(lines).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
