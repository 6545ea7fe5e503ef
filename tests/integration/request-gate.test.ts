// The request gate on a real HTTP server (src/server/http/request-gate.ts), in front of a handler
// that reads every body whole into memory, as a careless parser would: whatever anonymous or
// signed-in clients send — 2, 20, 60 or 200 MB, one at a time or eight at once, to sign-in, to the
// report form with photos, to the Excel import, to another action or to a page — each request
// is answered, the handler never holds more than the bounds allow, and the server still answers.
// (The same against the built app, with its memory: tests/e2e/journeys/oversized.spec.ts and
// `npm run bench -- --uploads`.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestGate } from "@/server/http/request-gate";
import { ACTION_LIMITS, SMALL_BODY_BYTES } from "@/server/http/request-limits";
import { uploadSlots } from "@/server/http/upload-slots";
import { GATE_MESSAGES } from "@/lib/gate-messages";

const MB = 1024 * 1024;
const ACTIONS = {
  "sign-in": { id: "a0001", name: "src/server/auth/actions.ts#loginAction", path: "/login" },
  report: { id: "a0002", name: "src/server/monthly-reports/actions.ts#saveReportAction", path: "/monthly-report/YQ2024-001" },
  // the same action on a page whose reader, as Next.js's form parser does, destroys a request whose
  // body ended short
  "report (strict reader)": { id: "a0002", name: "src/server/monthly-reports/actions.ts#saveReportAction", path: "/monthly-report/STRICT" },
  import: { id: "a0003", name: "src/server/excel/actions.ts#uploadImportAction", path: "/imports" },
  other: { id: "a0004", name: "src/server/issues/actions.ts#createIssueAction", path: "/issues/new" },
  page: { id: null, name: null, path: "/projects" },
} as const;
type Target = keyof typeof ACTIONS;
const CONCURRENCY = 2;

let server: http.Server;
let base: string;
// what reached the handler behind the gate
let holding = 0;
let peakHolding = 0;
let largestBody = 0;
const received: Record<string, number> = {};
// for each request the strict reader destroyed: whether its connection went with it (a reset)
const strictReaderResets: boolean[] = [];

beforeAll(async () => {
  const names = new Map<string, string>(
    Object.values(ACTIONS)
      .filter((a) => a.id)
      .map((a) => [a.id!, a.name!]),
  );
  const gate = createRequestGate({
    actionName: (id) => names.get(id) ?? null,
    sessionValid: async (headers) => headers.get("cookie") === "ppt_session=valid",
    slots: uploadSlots({ concurrency: CONCURRENCY, waitMs: 20_000, queue: 32 }),
    log: () => {},
  });
  server = http.createServer((req, res) => {
    if (req.url === "/api/health") return void res.end("ok");
    gate(req, res, () => {
      // the careless reader: every chunk kept until the end
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        chunks.push(c);
        size += c.length;
        holding += c.length;
        peakHolding = Math.max(peakHolding, holding);
        largestBody = Math.max(largestBody, size);
      });
      const done = () => {
        holding -= size;
        size = 0;
        chunks.length = 0;
      };
      req.on("end", () => {
        if (req.url === ACTIONS["report (strict reader)"].path && !req.complete) {
          const socket = req.socket;
          req.destroy(new Error("Unexpected end of form"));
          setTimeout(() => strictReaderResets.push(socket.destroyed), 0);
          return;
        }
        received[req.url!] = (received[req.url!] ?? 0) + 1;
        // processing takes a while, as decoding photos does
        setTimeout(() => {
          done();
          res.end("handled");
        }, 100);
      });
      req.on("error", done);
      req.on("aborted", done);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const BOUNDARY = "----gate-test";
/** A multipart body of `size` bytes, produced as it is sent: one long text field, or files. */
function body(size: number, shape: "field" | "files") {
  const head =
    shape === "field"
      ? Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_progressText"\r\n\r\n`)
      : Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_month"\r\n\r\n2024-12\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const fileSize = 9.5 * MB;
  const fileHead = (i: number) => Buffer.from(`\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="_1_photos"; filename="${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const pieces: Array<Buffer | number> = [head];
  if (shape === "field") pieces.push(size - head.length - tail.length);
  else {
    let left = size - head.length - tail.length;
    for (let i = 0; left > 0; i++) {
      const h = fileHead(i);
      const n = Math.min(fileSize, left - h.length);
      pieces.push(h, n);
      left -= h.length + n;
    }
  }
  pieces.push(tail);
  const filler = Buffer.alloc(256 * 1024, 0x61);
  let i = 0;
  let left = -1;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      while (i < pieces.length) {
        const p = pieces[i];
        if (typeof p !== "number") {
          i++;
          c.enqueue(p);
          return;
        }
        if (left < 0) left = p;
        if (left === 0) {
          i++;
          left = -1;
          continue;
        }
        const n = Math.min(filler.length, left);
        left -= n;
        c.enqueue(filler.subarray(0, n));
        return;
      }
      c.close();
    },
  });
}

async function send(target: Target, size: number, opts: { signedIn: boolean; shape?: "field" | "files"; chunked?: boolean }) {
  const a = ACTIONS[target];
  const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  if (!opts.chunked) headers["content-length"] = String(size);
  if (a.id) headers["next-action"] = a.id;
  if (opts.signedIn) headers.cookie = "ppt_session=valid";
  try {
    const res = await fetch(base + a.path, { method: "POST", body: body(size, opts.shape ?? "field"), duplex: "half", headers } as RequestInit);
    return { status: res.status, text: await res.text() };
  } catch (e) {
    // the server may close a refused connection while the client still sends: also a refusal
    return { status: 0, text: String((e as Error & { cause?: { code?: string } }).cause?.code ?? e) };
  }
}

const SIZES = [2, 20, 60, 200].map((n) => n * MB);

/** The answer to one long text field of `size` bytes. */
function expected(target: Target, size: number, signedIn: boolean, limit: number) {
  // the declared length is checked first, then the session, then the upload's form as it streams
  if (size > limit) return { status: 413, text: GATE_MESSAGES.tooLarge };
  const needsSession = target !== "sign-in" && target !== "page";
  if (needsSession && !signedIn) return { status: 401, text: GATE_MESSAGES.signIn };
  return { status: 413, text: GATE_MESSAGES.fieldTooLarge };
}

describe("request gate", () => {
  it.each(Object.keys(ACTIONS) as Target[])("%s: every size, anonymous and signed in, one at a time and eight at once, is refused or handled", async (target) => {
    const a = ACTIONS[target];
    const limit = a.name && ACTION_LIMITS[a.name] ? ACTION_LIMITS[a.name].maxBytes : SMALL_BODY_BYTES;
    for (const signedIn of [false, true]) {
      for (const size of SIZES) {
        const one = await send(target, size, { signedIn });
        const eight = await Promise.all(Array.from({ length: 8 }, () => send(target, size, { signedIn })));
        const want = expected(target, size, signedIn, limit);
        for (const r of [one, ...eight]) {
          expect({ status: r.status, text: r.text }, `${target} ${size / MB} MB ${signedIn ? "signed in" : "anonymous"}`).toEqual(want);
        }
      }
    }
    expect(largestBody).toBeLessThanOrEqual(Math.max(SMALL_BODY_BYTES, 256 * 1024) + 256 * 1024);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it("a refusal while the app reads the body reaches the client whole, even when the app then destroys the request", async () => {
    // Node.js destroys an unfinished request's socket with it: the client, still sending, got a
    // reset instead of the answer (1 in 6 runs of oversized.spec.ts against the built app; here, on
    // an idle machine, the client reads the answer first, so the reset itself is what is checked)
    strictReaderResets.length = 0;
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await send("report (strict reader)", 20 * MB, { signedIn: true }));
    answers.push(...(await Promise.all(Array.from({ length: 8 }, () => send("report (strict reader)", 20 * MB, { signedIn: true })))));
    for (const r of answers) expect(r).toEqual({ status: 413, text: GATE_MESSAGES.fieldTooLarge });
    // the reader notes its socket a tick after its request ended, which may come after the client
    // has read the gate's answer
    await expect.poll(() => strictReaderResets.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(28);
    expect(strictReaderResets.filter(Boolean), "connections reset when the reader destroyed its request").toEqual([]);
  });

  it("anonymous server actions are refused before their body is read, sign-in aside", async () => {
    for (const target of ["report", "import", "other"] as const) {
      const r = await send(target, 512 * 1024, { signedIn: false });
      expect(r).toEqual({ status: 401, text: GATE_MESSAGES.signIn });
    }
    const before = received[ACTIONS["sign-in"].path] ?? 0;
    expect((await send("sign-in", 512 * 1024, { signedIn: false })).status).toBe(200);
    expect(received[ACTIONS["sign-in"].path]).toBe(before + 1);
  });

  it("bodies without a length are counted as they arrive", async () => {
    for (const target of ["sign-in", "other", "page"] as const) {
      const r = await send(target, 20 * MB, { signedIn: true, chunked: true });
      expect([413, 0]).toContain(r.status);
    }
    const r = await send("report", 200 * MB, { signedIn: true, chunked: true, shape: "files" });
    expect([413, 0]).toContain(r.status);
  });

  it("eight 60 MB uploads of photos at once: handled two at a time, the handler never holds more than two", async () => {
    peakHolding = 0;
    const size = 60 * MB;
    expect(size).toBeLessThanOrEqual(ACTION_LIMITS[ACTIONS.report.name].maxBytes);
    const answers = await Promise.all(Array.from({ length: 8 }, () => send("report", size, { signedIn: true, shape: "files" })));
    for (const r of answers) expect([200, 503], `${r.status} ${r.text}`).toContain(r.status);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(peakHolding).toBeLessThanOrEqual(CONCURRENCY * ACTION_LIMITS[ACTIONS.report.name].maxBytes);
    expect(peakHolding).toBeGreaterThan(size); // two were read at once
    // a photo over its own bound, or a form field within a photo upload over its bound: refused
    expect((await send("report", 30 * MB, { signedIn: true, shape: "field" })).text).toBe(GATE_MESSAGES.fieldTooLarge);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it("a server action from another site is refused before anything else", async () => {
    const res = await fetch(base + ACTIONS.other.path, {
      method: "POST",
      headers: { "next-action": ACTIONS.other.id!, origin: "https://evil.example", cookie: "ppt_session=valid", "content-type": "text/plain" },
      body: "x",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe(GATE_MESSAGES.crossSite);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("a server action handed over carries the security headers the proxy gives other responses, with a nonce for its page", async () => {
    const res = await fetch(base + ACTIONS["sign-in"].path, {
      method: "POST",
      headers: { "next-action": ACTIONS["sign-in"].id!, "content-type": "text/plain" },
      body: "x",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});
