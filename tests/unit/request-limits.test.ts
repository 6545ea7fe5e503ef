// What a request may send, from its headers (src/server/http/request-gate.ts bodyPolicy, with the
// table in src/server/http/request-limits.ts).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { bodyPolicy, hasBody } from "@/server/http/request-gate";
import { ACTION_LIMITS, PUBLIC_ACTIONS, SMALL_BODY_BYTES, uploadSettings } from "@/server/http/request-limits";
import { actionNamesFromManifest } from "@/server/http/action-manifest";
import { GATE_MESSAGES, isGateMessage } from "@/lib/gate-messages";
import { IMPORT_MAX_BYTES, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT } from "@/lib/upload-limits";
import nextConfig from "../../next.config";

const SAVE = "src/server/monthly-reports/actions.ts#saveReportAction";
const IMPORT = "src/server/excel/actions.ts#uploadImportAction";
const LOGIN = "src/server/auth/actions.ts#loginAction";
const OTHER = "src/server/issues/actions.ts#createIssueAction";
const ids: Record<string, string> = { aa01: SAVE, aa02: IMPORT, aa03: LOGIN, aa04: OTHER };
const actionName = (id: string) => ids[id] ?? null;
const multipart = "multipart/form-data; boundary=x";
const req = (headers: Record<string, string>) => ({ method: "POST", headers: { host: "park.example", "content-length": "10", ...headers } });

describe("request limits", () => {
  it("every action the table names exists, exported from its file", () => {
    for (const name of [...Object.keys(ACTION_LIMITS), ...PUBLIC_ACTIONS]) {
      const [file, exported] = name.split("#");
      const source = fs.readFileSync(file, "utf8");
      expect(source, name).toMatch(new RegExp(`export (async function|const) ${exported}\\b`));
      expect(source.startsWith('"use server"'), `${file} is a server actions file`).toBe(true);
    }
  });

  it("an upload's bound holds its files and their form, and a file stops at its own bound", () => {
    expect(ACTION_LIMITS[SAVE].maxBytes).toBeGreaterThanOrEqual(PHOTO_MAX_COUNT * PHOTO_MAX_BYTES);
    expect(ACTION_LIMITS[SAVE].maxBytes).toBeLessThanOrEqual(PHOTO_MAX_COUNT * PHOTO_MAX_BYTES + 2 * 1024 * 1024);
    expect(ACTION_LIMITS[SAVE].upload!.fileBytes).toBeGreaterThanOrEqual(PHOTO_MAX_BYTES);
    expect(ACTION_LIMITS[IMPORT].maxBytes).toBeGreaterThanOrEqual(IMPORT_MAX_BYTES);
    expect(ACTION_LIMITS[IMPORT].upload!.fileBytes).toBeGreaterThanOrEqual(IMPORT_MAX_BYTES);
    expect(ACTION_LIMITS[IMPORT].maxBytes).toBeLessThan(ACTION_LIMITS[SAVE].maxBytes);
  });

  it("Next.js's own bound on server actions lies above every bound of the gate", () => {
    const limit = String(nextConfig.experimental?.serverActions?.bodySizeLimit);
    const mb = Number(/^(\d+)mb$/i.exec(limit)?.[1]);
    expect(mb * 1024 * 1024).toBeGreaterThanOrEqual(Math.max(...Object.values(ACTION_LIMITS).map((l) => l.maxBytes)));
  });

  it("a request without a server action gets the small bound and needs no session here", () => {
    expect(bodyPolicy(req({ "content-type": multipart }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: false });
  });

  it("the uploads get their bound only as multipart forms, and only with a session", () => {
    expect(bodyPolicy(req({ "next-action": "aa01", "content-type": multipart }), actionName)).toEqual({
      maxBytes: ACTION_LIMITS[SAVE].maxBytes,
      upload: ACTION_LIMITS[SAVE].upload,
      needsSession: true,
    });
    expect(bodyPolicy(req({ "next-action": "aa01", "content-type": "text/plain" }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: true });
    expect(bodyPolicy(req({ "next-action": "aa02", "content-type": multipart }), actionName)).toMatchObject({ maxBytes: ACTION_LIMITS[IMPORT].maxBytes, needsSession: true });
  });

  it("sign-in needs no session; every other action does, within the small bound", () => {
    expect(bodyPolicy(req({ "next-action": "aa03", "content-type": multipart }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: false });
    expect(bodyPolicy(req({ "next-action": "aa04", "content-type": multipart }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: true });
    // an id no build knows, or not an id at all: the small bound (Next.js answers it)
    expect(bodyPolicy(req({ "next-action": "ffff" }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: false });
    expect(bodyPolicy(req({ "next-action": "../x" }), actionName)).toEqual({ maxBytes: SMALL_BODY_BYTES, needsSession: false });
  });

  it("a server action from another site is refused, whatever it is", () => {
    for (const origin of ["https://evil.example", "null", "http://park.example.evil.example"]) {
      expect(bodyPolicy(req({ "next-action": "aa01", origin, "content-type": multipart }), actionName)).toEqual({ status: 403, message: GATE_MESSAGES.crossSite });
    }
    expect(bodyPolicy(req({ "next-action": "aa04", origin: "http://park.example" }), actionName)).not.toHaveProperty("status");
  });

  it("a body is one with a length above zero, or chunked", () => {
    expect(hasBody({ headers: {} })).toBe(false);
    expect(hasBody({ headers: { "content-length": "0" } })).toBe(false);
    expect(hasBody({ headers: { "content-length": "1" } })).toBe(true);
    expect(hasBody({ headers: { "transfer-encoding": "chunked" } })).toBe(true);
  });

  it("the build's manifest names actions by file and export", () => {
    const names = actionNamesFromManifest({ node: { abc: { filename: "src/a.ts", exportedName: "x" }, def: {} } });
    expect([...names]).toEqual([["abc", "src/a.ts#x"]]);
  });

  it("upload settings: 2 at once, 30 s of waiting, by default; nonsense refused at start", () => {
    expect(uploadSettings({})).toMatchObject({ concurrency: 2, waitMs: 30_000 });
    expect(uploadSettings({ UPLOAD_CONCURRENCY: "4", UPLOAD_WAIT_SECONDS: "0" })).toMatchObject({ concurrency: 4, waitMs: 0 });
    expect(() => uploadSettings({ UPLOAD_CONCURRENCY: "0" })).toThrow(/UPLOAD_CONCURRENCY/);
    expect(() => uploadSettings({ UPLOAD_CONCURRENCY: "two" })).toThrow(/UPLOAD_CONCURRENCY/);
  });

  it("the page recognises every refusal's text", () => {
    for (const m of Object.values(GATE_MESSAGES)) expect(isGateMessage(m)).toBe(true);
    expect(isGateMessage("An unexpected response was received from the server.")).toBe(false);
  });
});

describe("the gate's session cookie", () => {
  it("reads the cookies of a Cookie header as the session rule does: over HTTPS only the __Host- one counts", async () => {
    const { cookieReader } = await import("@/server/http/install-gate");
    const { sessionToken } = await import("@/server/auth/sessions");
    const jar = cookieReader("theme=dark; ppt_session=plain; __Host-ppt_session=secure");
    expect(jar.get("theme")).toEqual({ value: "dark" });
    expect(sessionToken(jar, { https: false })).toBe("secure");
    expect(sessionToken(cookieReader("ppt_session=plain"), { https: true })).toBeUndefined();
    expect(sessionToken(cookieReader("ppt_session=plain"), { https: false })).toBe("plain");
    expect(sessionToken(cookieReader(undefined))).toBeUndefined();
    expect(cookieReader("=x; a").get("a")).toBeUndefined();
  });
});

describe("what the gate says, word for word", () => {
  it("names the limits a county can act on", () => {
    expect(GATE_MESSAGES).toEqual({
      tooLarge: "提交的内容过大，未被接收，没有保存任何内容。照片每张不超过10 MB、每次最多6张；Excel 文件不超过5 MB。",
      fieldTooLarge: "提交的文字过长，未被接收，没有保存任何内容。",
      busy: "服务器繁忙，请稍后重试。本次提交未被接收，没有保存任何内容。",
      signIn: "登录已失效，请重新登录后再提交。本次提交未被接收，没有保存任何内容。",
      crossSite: "跨站请求已被拒绝。",
      malformed: "提交的内容格式不正确，未被接收。",
    });
    expect(IMPORT_MAX_BYTES).toBe(5 * 1024 * 1024);
  });
});
