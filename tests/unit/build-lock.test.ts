// Two `npm start` in one folder never build at once (runtime/build-lock.ts): the second waits for
// the first; a lock left by a process that is gone is taken over.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withBuildLock } from "../../runtime/build-lock";

const dirs: string[] = [];
const lockFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ppt-build-lock-"));
  dirs.push(dir);
  return path.join(dir, ".build.lock");
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the build lock", () => {
  it("lets one build at a time; the other waits, then runs", async () => {
    const file = lockFile();
    const events: string[] = [];
    let releaseFirst = () => {};
    const firstRunning = new Promise<void>((started) => {
      void withBuildLock(file, async () => {
        events.push("first starts");
        started();
        await new Promise<void>((r) => (releaseFirst = r));
        events.push("first ends");
      });
    });
    await firstRunning;
    const waits: string[] = [];
    const second = withBuildLock(
      file,
      async () => {
        events.push("second starts");
      },
      (holder) => waits.push(holder),
      10,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(["first starts"]);
    expect(waits).toEqual([String(process.pid)]);
    releaseFirst();
    await second;
    expect(events).toEqual(["first starts", "first ends", "second starts"]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("takes over a lock whose process is gone", async () => {
    const file = lockFile();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    fs.writeFileSync(file, gone.stdout);
    let ran = false;
    await withBuildLock(file, async () => void (ran = true), undefined, 10);
    expect(ran).toBe(true);
  });

  it("releases the lock when the build fails", async () => {
    const file = lockFile();
    await expect(withBuildLock(file, async () => Promise.reject(new Error("构建失败")))).rejects.toThrow("构建失败");
    expect(fs.existsSync(file)).toBe(false);
  });
});
