// npm start keeps the server up (runtime/supervise.ts): a server process that dies — kill -9, a
// crash, out of memory — is started again with a line saying why; asked to stop, the server
// finishes its requests in flight and is not started again. The server here is a stand-in
// (tests/helpers/fake-app-server.mjs) that reports ready and stops as runtime/serve.mjs does; the
// real one is killed in a browser journey (tests/e2e/journeys/crash.spec.ts).
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { supervise } from "../../runtime/supervise";

const FAKE = path.resolve("tests/helpers/fake-app-server.mjs");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const running: Array<ReturnType<typeof supervise>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(env: Record<string, string> = {}) {
  const port = await freePort();
  const lines: string[] = [];
  let startFailure: number | null | undefined;
  const s = supervise({
    command: process.execPath,
    args: [FAKE],
    options: { env: { ...process.env, PORT: String(port), ...env }, stdio: "ignore" },
    log: (line) => lines.push(line),
    stopTimeoutMs: 10_000,
    onStartFailure: (code) => (startFailure = code),
  });
  running.push(s);
  const url = `http://127.0.0.1:${port}`;
  return { s, url, lines, startFailure: () => startFailure };
}

/** The body of GET url once the server answers (polling; no bound on how fast the machine is). */
async function whenUp(url: string, timeoutMs = 30_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await (await fetch(url)).text();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("npm start's supervisor", () => {
  it("restarts a server killed with kill -9, and says why", async () => {
    const { s, url, lines } = await start();
    const first = await whenUp(url);
    const pid = s.pid!;
    expect(first).toBe(`pid ${pid}`);
    process.kill(pid, "SIGKILL");
    await expect.poll(() => lines.join("\n"), { timeout: 30_000 }).toMatch(/意外退出：被强制终止（SIGKILL/);
    expect(lines[0]).toMatch(/1 秒后自动重启/);
    const again = await whenUp(url);
    expect(again).not.toBe(first);
    expect(again).toBe(`pid ${s.pid}`);
    await expect.poll(() => lines.join("\n"), { timeout: 30_000 }).toMatch(/已重新启动/);
  });

  it("an out-of-memory end is named as such; failing again soon waits longer", async () => {
    const { url, lines } = await start();
    await whenUp(url);
    await fetch(`${url}/oom`).catch(() => {});
    await expect.poll(() => lines.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toMatch(/内存不足（JavaScript heap out of memory）。1 秒后/);
    await whenUp(url);
    await fetch(`${url}/crash`).catch(() => {});
    await expect.poll(() => lines.filter((l) => l.includes("意外退出")).length, { timeout: 30_000 }).toBe(2);
    expect(lines.find((l) => l.includes("退出码 3"))).toMatch(/2 秒后自动重启（连续第 2 次）/);
    await whenUp(url);
  });

  it("asked to stop, lets the request in flight finish, and does not start it again", async () => {
    const { s, url, lines } = await start();
    await whenUp(url);
    const inFlight = fetch(`${url}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 300));
    await s.stop();
    expect(await inFlight).toBe("slow done");
    await expect(fetch(url)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.pid).toBeNull();
    expect(lines.filter((l) => l.includes("意外退出"))).toEqual([]);
  });

  it("a server that never starts is reported, not restarted in a loop", async () => {
    const { s, lines, startFailure } = await start({ FAIL_BEFORE_READY: "1" });
    await expect.poll(startFailure, { timeout: 30_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.pid).toBeNull();
    expect(lines).toEqual([]);
  });
});
