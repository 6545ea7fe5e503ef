// Signing in cannot be used against the office: wrong passwords slow down the (user name,
// address) pair that sent them, not the user everywhere; an address probing many names is
// blocked; an administrator can lift a block; every block is in the audit log; a login's
// session and its audit entry are written together or not at all.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { Db } from "@/server/db/client";

// the proxy reaches the database through db(): here the test's
const h = vi.hoisted(() => ({ prisma: null as unknown as Db }));
vi.mock("@/server/db", () => ({ db: () => h.prisma }));
import { actorForToken, checkLogin, startSession } from "@/server/auth/sessions";
import type { Actor } from "@/server/auth/actor";
import { SESSION_IDLE_DEFAULT_MINUTES } from "@/domain/session-rules";
import { loginBlock, unlockUsername } from "@/server/auth/throttle";
import { AuthError } from "@/server/auth/permissions";
import { startEmbeddedDatabase } from "@/server/db/embedded";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { sessionToken, type Actors } from "../helpers/actors";
import { OFFSITE_NEXT } from "../fixtures/redirect-battery";
import { MALFORMED_PATHS, RAW_LOGIN_ADDRESSES, UNKNOWN_PATHS, VALID_PATHS } from "../fixtures/odd-paths";
import { proxy } from "@/proxy";
import { SESSION_COOKIE } from "@/server/auth/sessions";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

const PASSWORD = "demo2024";

describe("login throttling", () => {
  it("a wrong-password storm from one address does not lock the same user out from another address", async () => {
    for (let i = 0; i < 6; i++) {
      const r = await checkLogin(t.prisma, "huitong", `guess-${i}`, "198.51.100.1");
      if (!r.ok) expect(r.message).toMatch(/用户名或密码不正确|登录失败次数过多/);
    }
    const fromAttacker = await checkLogin(t.prisma, "huitong", PASSWORD, "198.51.100.1");
    expect(fromAttacker).toEqual({ ok: false, message: expect.stringMatching(/^登录失败次数过多，请\d+(秒|分钟)后再试。$/) });
    const fromOffice = await checkLogin(t.prisma, "huitong", PASSWORD, "10.1.1.20");
    expect(fromOffice.ok).toBe(true);
    const audited = await t.prisma.auditLog.findMany({ where: { action: "login.throttle", entityId: "huitong" } });
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.every((l) => l.ip === "198.51.100.1")).toBe(true);
  });

  it("the delay grows with each failure and ends when it has passed", async () => {
    for (let i = 0; i < 4; i++) await checkLogin(t.prisma, "dongkou", `wrong-${i}`, "198.51.100.2");
    const block = await loginBlock(t.prisma, "dongkou", "198.51.100.2");
    expect(block?.kind).toBe("pair");
    expect(block!.seconds).toBeGreaterThan(25);
    expect(block!.seconds).toBeLessThanOrEqual(30);
    expect(await loginBlock(t.prisma, "dongkou", "198.51.100.2", new Date(Date.now() + 31_000))).toBeNull();
    // one more failure after the wait doubles it
    const later = new Date(Date.now() + 31_000);
    await t.prisma.loginAttempt.create({ data: { username: "dongkou", ip: "198.51.100.2", success: false, createdAt: later } });
    const next = await loginBlock(t.prisma, "dongkou", "198.51.100.2", new Date(later.getTime() + 1000));
    expect(next!.seconds).toBeGreaterThan(55);
    expect(next!.seconds).toBeLessThanOrEqual(60);
  });

  it("an address that tries many user names is blocked, even for a right password, and the block is audited", async () => {
    for (let i = 0; i < 10; i++) await checkLogin(t.prisma, `probe${i}`, "x", "203.0.113.50");
    const r = await checkLogin(t.prisma, "admin", PASSWORD, "203.0.113.50");
    expect(r).toEqual({ ok: false, message: expect.stringContaining("本机地址已被暂时阻止") });
    expect((await checkLogin(t.prisma, "admin", PASSWORD, "10.1.1.21")).ok).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "login.address-block", entityId: "203.0.113.50" } })).toBeGreaterThan(0);
  });

  it("an administrator can unlock an account; nobody else can; the unlock is audited", async () => {
    for (let i = 0; i < 6; i++) await checkLogin(t.prisma, "leader", `bad-${i}`, "198.51.100.3");
    expect((await checkLogin(t.prisma, "leader", PASSWORD, "198.51.100.3")).ok).toBe(false);
    await expect(unlockUsername(t.prisma, a.leader, "leader")).rejects.toBeInstanceOf(AuthError);
    expect((await checkLogin(t.prisma, "leader", PASSWORD, "198.51.100.3")).ok).toBe(false);
    expect(await unlockUsername(t.prisma, a.admin, "leader")).toBe(4); // refused attempts are not counted
    expect((await checkLogin(t.prisma, "leader", PASSWORD, "198.51.100.3")).ok).toBe(true);
    const unlock = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "login.unlock", entityId: "leader" } });
    expect(unlock.userId).toBe(a.admin.id);
  });
});

describe("after a successful sign-in", () => {
  it("the earlier failures no longer delay the pair", async () => {
    const ip = "198.51.100.7";
    // three wrong passwords (free), then the right one
    for (let i = 0; i < 3; i++) expect((await checkLogin(t.prisma, "xupu", `typo-${i}`, ip)).ok).toBe(false);
    const ok = await checkLogin(t.prisma, "xupu", PASSWORD, ip);
    expect(ok.ok).toBe(true);
    if (ok.ok) await startSession(t.prisma, ok.actor, { userAgent: "vitest", address: ip });
    // two more typos later that day: counted from the sign-in, they are still free
    for (let i = 0; i < 2; i++) expect((await checkLogin(t.prisma, "xupu", `later-${i}`, ip)).ok).toBe(false);
    expect(await loginBlock(t.prisma, "xupu", ip)).toBeNull();
    expect((await checkLogin(t.prisma, "xupu", PASSWORD, ip)).ok).toBe(true);
  });
});

describe("session lifetime", () => {
  /** Signs `actor` in as the login form does; returns the token and the session row's id. */
  async function signIn(actor: Actor, address = "10.2.0.1") {
    const { token } = await startSession(t.prisma, actor, { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0 Safari/537.36", address });
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
    return { token, id: session.id };
  }
  /** Moves the clock `ms` forward for this session: its times move back, it was just used. */
  async function later(id: string, ms: number, options: { active: boolean }) {
    const s = await t.prisma.session.findUniqueOrThrow({ where: { id } });
    const back = (d: Date) => new Date(d.getTime() - ms);
    await t.prisma.session.update({
      where: { id },
      data: { createdAt: back(s.createdAt), expiresAt: back(s.expiresAt), lastSeenAt: options.active ? new Date() : back(s.lastSeenAt) },
    });
  }

  it("a new session ends 12 hours after sign-in, not later, however busy the user is", async () => {
    const { token, id } = await signIn(a.leader);
    const s = await t.prisma.session.findUniqueOrThrow({ where: { id } });
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(12 * 3600_000);
    await later(id, 11 * 3600_000 + 59 * 60_000, { active: true });
    expect((await actorForToken(t.prisma, token))?.username).toBe("leader");
    await later(id, 2 * 60_000, { active: true }); // 12 hours and a minute after sign-in
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });

  it(`a session idle for ${SESSION_IDLE_DEFAULT_MINUTES} minutes ends; one used 29 minutes ago goes on`, async () => {
    const { token, id } = await signIn(a.leader);
    await later(id, 29 * 60_000, { active: false });
    expect((await actorForToken(t.prisma, token))?.username).toBe("leader");
    // that request counted as activity: 29 more idle minutes are fine again
    await later(id, 29 * 60_000, { active: false });
    expect(await actorForToken(t.prisma, token)).not.toBeNull();
    await later(id, 30 * 60_000, { active: false });
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });

  it("SESSION_IDLE_MINUTES sets the idle timeout", async () => {
    const { token, id } = await signIn(a.leader);
    await later(id, 10 * 60_000, { active: false });
    process.env.SESSION_IDLE_MINUTES = "5";
    try {
      expect(await actorForToken(t.prisma, token)).toBeNull();
    } finally {
      delete process.env.SESSION_IDLE_MINUTES;
    }
    expect(await actorForToken(t.prisma, token)).not.toBeNull();
  });

  it("a request writes the last-seen time only when it is more than a minute old", async () => {
    const { token, id } = await signIn(a.leader);
    const first = (await t.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    for (let i = 0; i < 3; i++) expect(await actorForToken(t.prisma, token)).not.toBeNull();
    expect((await t.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(first);
    await t.prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 61_000) } });
    expect(await actorForToken(t.prisma, token)).not.toBeNull();
    expect(Date.now() - (await t.prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("keeps the address it was signed in from", async () => {
    const { id } = await signIn(a.leader, "10.2.0.9");
    expect((await t.prisma.session.findUniqueOrThrow({ where: { id } })).ip).toBe("10.2.0.9");
  });
});

describe("a login is one transaction", () => {
  it("stores the address and user agent bounded and without control characters", async () => {
    const { token } = await startSession(t.prisma, a.huitong, { userAgent: `Mozilla\u0000${"x".repeat(1000)}`, address: "10.0.0.1\u0000" });
    expect(token).toBeTruthy();
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: a.huitong.id }, orderBy: { createdAt: "desc" } });
    expect(session.userAgent).toHaveLength(300);
    expect(session.userAgent).not.toContain("\u0000");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "login", userId: a.huitong.id }, orderBy: { id: "desc" } });
    expect(audit.ip).toBe("10.0.0.1");
  });

  it("leaves no session behind when its records cannot be written", async () => {
    const before = await t.prisma.session.count({ where: { userId: a.dongkou.id } });
    // a user name longer than the attempt log holds makes the second write fail
    const broken = { ...a.dongkou, username: "x".repeat(100) };
    await expect(startSession(t.prisma, broken, { userAgent: "vitest", address: "10.0.0.2" })).rejects.toThrow();
    expect(await t.prisma.session.count({ where: { userId: a.dongkou.id } })).toBe(before);
  });
});

describe("the embedded database", () => {
  it("refuses a connection without the data folder's password, and keeps the password private", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ppt-auth-"));
    try {
      const db = await startEmbeddedDatabase({ dataDir: dir });
      const url = new URL(db.url);
      try {
        const attempt = async (password: string | undefined) => {
          const client = new pg.Client({ host: url.hostname, port: Number(url.port), user: "postgres", database: "postgres", password });
          try {
            await client.connect();
            return (await client.query("SELECT 1 AS one")).rows[0].one;
          } catch (e) {
            return (e as { code?: string }).code ?? String(e);
          } finally {
            await client.end().catch(() => {});
          }
        };
        expect(await attempt("")).toBe("28P01");
        expect(await attempt("postgres")).toBe("28P01");
        expect(await attempt(decodeURIComponent(url.password))).toBe(1);
        const file = path.join(dir, "db-password");
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.readFileSync(file, "utf8").trim()).toBe(decodeURIComponent(url.password));
      } finally {
        await db.stop();
      }
      // the same folder keeps its password
      const again = await startEmbeddedDatabase({ dataDir: dir });
      expect(new URL(again.url).password).toBe(url.password);
      await again.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the proxy, as a browser meets it (the twin of tests/e2e/journeys/hardening.spec.ts)", () => {
  const BASE = "http://localhost:3203";
  const get = (address: string, token?: string) => proxy(new NextRequest(new URL(address, BASE), { headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {} }));

  it("a signed-in user opening /login?next=… is redirected only to a path on this site", async () => {
    const token = await sessionToken(t.prisma, a.leader);
    const addresses = [...OFFSITE_NEXT.map((next) => `/login?next=${encodeURIComponent(next)}`), ...RAW_LOGIN_ADDRESSES];
    for (const address of addresses) {
      const response = await get(address, token);
      expect(response.status, address).toBe(307);
      expect(new URL(response.headers.get("location")!, BASE).origin, address).toBe(BASE);
    }
    const kept = await get("/login?next=%2Fprojects%3Fq%3D%25E5%258E%2582", token);
    expect(kept.headers.get("location")).toBe(`${BASE}/projects?q=%E5%8E%82`);
  });

  it("a malformed or unknown id answers the not-found page with 404; real pages pass, odd query strings and all", async () => {
    const token = await sessionToken(t.prisma, a.admin);
    for (const path of [...MALFORMED_PATHS, ...UNKNOWN_PATHS]) {
      const response = await get(path, token);
      expect(response.status, path).toBe(404);
      expect(new URL(response.headers.get("x-middleware-rewrite")!).pathname, path).toBe("/_not-found-page");
    }
    for (const path of VALID_PATHS) {
      const response = await get(path, token);
      expect(response.headers.get("x-middleware-rewrite"), path).toBeNull();
      // "/" is the landing page's address: the office goes on to 我的待办
      if (path.startsWith("/?")) expect([response.status, response.headers.get("location")], path).toEqual([307, `${BASE}/todo`]);
      else expect(response.status, path).toBe(200);
    }
  });

  it("without a session a page goes to the sign-in with its address kept, and an API route answers 401", async () => {
    const page = await get("/projects/YQ2024-001?tab=1");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`${BASE}/login?next=%2Fprojects%2FYQ2024-001%3Ftab%3D1`);
    const api = await get("/api/projects");
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: "请先登录。" });
  });
});
