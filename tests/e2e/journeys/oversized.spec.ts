// Issue 15's attack on the built app: anonymous and signed in, one at a time and eight at once,
// bodies of 2, 20, 60 and 200 MB to sign-in, to the monthly report with photos, to the Excel
// import and to an unrelated action — every one is refused with its Chinese answer, the server
// keeps answering, its resident memory stays under 500 MB, and nothing is written.
// (The gate's rules one by one: tests/integration/request-gate.test.ts.)
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../helpers";
import { GATE_MESSAGES } from "../../../src/lib/gate-messages";
import { ACTION_LIMITS, SMALL_BODY_BYTES } from "../../../src/server/http/request-limits";

const port = Number(process.env.E2E_PORT || 3100);
const base = `http://127.0.0.1:${port}`;
const MB = 1024 * 1024;

const TARGETS = {
  "sign-in": { action: "src/server/auth/actions.ts#loginAction", path: "/login", session: false },
  report: { action: "src/server/monthly-reports/actions.ts#saveReportAction", path: "/monthly-report/YQ2024-001", session: true },
  import: { action: "src/server/excel/actions.ts#uploadImportAction", path: "/imports", session: true },
  unrelated: { action: "src/server/issues/actions.ts#createIssueAction", path: "/issues/new", session: true },
} as const;

/** The app server's process (runtime/serve.mjs serving this port), read from /proc. */
function serverPid(): number {
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, "utf8");
      if (!cmd.includes("runtime/serve.mjs")) continue;
      if (fs.readFileSync(`/proc/${d}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(d);
    } catch {
      // a process that ended meanwhile
    }
  }
  throw new Error("app server process not found");
}
const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

/** Signs in the way a browser without JavaScript does (the login form posted back). */
async function signIn(username: string): Promise<string> {
  const html = await (await fetch(`${base}/login`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)![1];
  const data = new FormData();
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name) data.append(name.replace(/&quot;/g, '"'), (/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "").replace(/&quot;/g, '"'));
  }
  data.set("username", username);
  data.set("password", DEMO_PASSWORD);
  const res = await fetch(`${base}/login`, { method: "POST", body: data, redirect: "manual" });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /^(__Host-)?ppt_session=/.test(c));
  if (!cookie) throw new Error(`sign-in failed (${res.status})`);
  return cookie;
}

/** One long text field of `size` bytes, produced while it is sent. */
function longField(size: number) {
  const boundary = "----oversized";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_1_progressText"\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const filler = Buffer.alloc(256 * 1024, 0x61);
  let left = size - head.length - tail.length;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (!started) {
        started = true;
        return c.enqueue(head);
      }
      if (left <= 0) {
        c.enqueue(tail);
        return c.close();
      }
      const n = Math.min(left, filler.length);
      left -= n;
      c.enqueue(filler.subarray(0, n));
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function post(target: keyof typeof TARGETS, ids: Record<string, string>, size: number, cookie: string | null) {
  const t = TARGETS[target];
  const { body, contentType } = longField(size);
  const headers: Record<string, string> = { "content-type": contentType, "content-length": String(size), "next-action": ids[t.action], origin: base };
  if (cookie) headers.cookie = cookie;
  try {
    const res = await fetch(base + t.path, { method: "POST", body, duplex: "half", headers } as RequestInit);
    return { status: res.status, text: await res.text() };
  } catch (e) {
    return { status: 0, text: String((e as Error & { cause?: unknown }).cause ?? e) };
  }
}

function expected(target: keyof typeof TARGETS, size: number, signedIn: boolean) {
  const limit = ACTION_LIMITS[TARGETS[target].action]?.maxBytes ?? SMALL_BODY_BYTES;
  if (size > limit) return { status: 413, text: GATE_MESSAGES.tooLarge };
  if (TARGETS[target].session && !signedIn) return { status: 401, text: GATE_MESSAGES.signIn };
  return { status: 413, text: GATE_MESSAGES.fieldTooLarge };
}

test("oversized requests: every one refused, the server answers and stays under 500 MB, nothing is written", async ({ browser }) => {
  test.setTimeout(600_000);
  const ids = actionIds();
  const county = await signIn("huitong");
  // what the audit log holds before (an administrator's page; reading it writes nothing)
  const admin = await browser.newPage();
  await admin.goto("/login");
  await admin.getByLabel("用户名").fill("admin");
  await admin.getByLabel("密码").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "登录" }).click();
  await expect(admin.getByTestId("current-user")).toBeVisible();
  await admin.goto("/admin/audit");
  const auditBefore = await admin.getByTestId("audit-total").textContent();

  const pid = serverPid();
  let peak = residentMb(pid);
  const watch = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 50);
  const healthTimes: number[] = [];
  try {
    for (const target of Object.keys(TARGETS) as Array<keyof typeof TARGETS>) {
      for (const cookie of [null, county]) {
        for (const size of [2, 20, 60, 200].map((n) => n * MB)) {
          const want = expected(target, size, cookie !== null);
          const label = `${target} ${size / MB} MB ${cookie ? "signed in" : "anonymous"}`;
          expect(await post(target, ids, size, cookie), label).toEqual(want);
          const eight = await Promise.all(Array.from({ length: 8 }, () => post(target, ids, size, cookie)));
          for (const r of eight) expect(r, `${label}, eight at once`).toEqual(want);
          const t0 = Date.now();
          const health = await fetch(`${base}/api/health`);
          healthTimes.push(Date.now() - t0);
          expect(health.status, label).toBe(200);
        }
      }
    }
  } finally {
    clearInterval(watch);
  }
  test.info().annotations.push({ type: "memory", description: `peak resident ${peak.toFixed(0)} MB; /api/health after each batch in at most ${Math.max(...healthTimes)} ms` });
  expect(peak).toBeLessThan(500);
  expect(serverPid()).toBe(pid); // the same process: it never went down

  await admin.reload();
  await expect(admin.getByTestId("audit-total")).toHaveText(auditBefore!);
});
