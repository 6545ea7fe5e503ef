// Accounts as a security review expects: a password an administrator (or user:create) set is
// changed at the first sign-in before anything else; users change their own password (current
// password required, every other session ends) and see and end their own sessions; an
// administrator types their own password again before creating accounts, changing roles,
// resetting passwords or re-opening a published period; a wrong password on any of these forms
// counts like a failed sign-in. Through the server actions as the browser posts them (cookies
// and headers as the browser sends them), and the services directly.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { formAction } from "@/server/safe-action";
import { initialActionState, type ActionState } from "@/server/action-state";
import { loginAction, logoutAction } from "@/server/auth/actions";
import { changePasswordAction, endOtherSessionsAction, endSessionAction } from "@/server/account/actions";
import { changeOwnPassword } from "@/server/account/service";
import { listOwnSessions } from "@/server/account/queries";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/server/users/actions";
import { createUser } from "@/server/users/service";
import { reopenPeriodAction } from "@/server/periods/actions";
import { publishPeriod } from "@/server/periods/service";
import { createIssueAction } from "@/server/issues/actions";
import { createIssue } from "@/server/issues/service";
import { actorForToken, checkLogin, createSession, sessionIdOf, startSession } from "@/server/auth/sessions";
import { AuthError, MUST_CHANGE_PASSWORD_MESSAGE } from "@/server/auth/permissions";
import { ConflictError, ValidationError } from "@/server/errors";
import { PEER_HEADER } from "@/server/http/client-address";
import { bootstrapUserSchema } from "@/lib/schemas/user";
import { createIssueSchema } from "@/lib/schemas/issue";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";
import { leftBehindConfirmation } from "../helpers/publication";

const DEMO = "demo2024";
const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const WECHAT_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN";

let t: TestDatabase;
let a: Actors;
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

useSeededDatabase((db, actors) => ([t, a] = [db, actors]), h);

/** A fresh browser at `address` (over HTTPS behind a proxy when asked): no cookies yet. */
function browser(address: string, options: { https?: boolean; userAgent?: string } = {}) {
  h.jar.clear();
  h.set = [];
  h.headers = { "user-agent": options.userAgent ?? CHROME_WINDOWS, [PEER_HEADER]: address, ...(options.https ? { "x-forwarded-proto": "https" } : {}) };
}

/** Where a redirect() sends the browser, from the error Next.js throws for it. */
function redirectTarget(e: unknown): string {
  const digest = (e as { digest?: string })?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw e;
  return digest.split(";")[2];
}

/** Posts a form action; a redirect comes back as { redirect }. */
async function post(action: (prev: ActionState, fd: FormData) => Promise<ActionState>, values: Record<string, string>): Promise<ActionState & { redirect?: string }> {
  try {
    return await action(initialActionState, formData(values));
  } catch (e) {
    return { ok: true, redirect: redirectTarget(e) };
  }
}

/** Signs in on the login form; returns where the browser is sent. */
async function signIn(username: string, password: string, next = "/"): Promise<string> {
  const state = await post(loginAction, { username, password, next });
  if (!state.redirect) throw new Error(`sign-in failed: ${state.message}`);
  return state.redirect;
}

/** An account made on the server side, without a forced change (as the demo's are). */
async function account(role: "ADMIN" | "COUNTY" | "LEADER", password: string, options: { mustChangePassword?: boolean } = {}) {
  const user = await createUser(
    t.prisma,
    null,
    bootstrapUserSchema.parse({ username: `u${unique()}`, displayName: "测试账号", role, parkId: role === "COUNTY" ? String(a.huitong.parkId) : undefined, password }),
    { bootstrap: true, mustChangePassword: options.mustChangePassword },
  );
  const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId, mustChangePassword: user.mustChangePassword };
  return actor;
}

const issueForm = () => ({ projectCode: "YQ2024-001", category: "FUNDING", subCategory: "FUNDING_OTHER", title: `流动资金紧张${unique()}`, description: "银行授信未到位" });
const user = (username: string) => t.prisma.user.findUniqueOrThrow({ where: { username } });

describe("a session's account, as every request reads it", () => {
  it("is the account as stored: its role, its county park and a pending password change", async () => {
    const county = await account("COUNTY", "Initial2025pw", { mustChangePassword: true });
    const { token } = await createSession(t.prisma, county.id, "vitest");
    expect(await actorForToken(t.prisma, token)).toEqual({ ...county, parkId: a.huitong.parkId, mustChangePassword: true });
    const leader = await account("LEADER", "Initial2025pw");
    expect(await actorForToken(t.prisma, (await createSession(t.prisma, leader.id, "vitest")).token)).toEqual({ ...leader, parkId: null, mustChangePassword: false });
  });

  it("is no one once the account is deactivated or the session has ended, though the session is still stored", async () => {
    const county = await account("COUNTY", "Initial2025pw");
    const { token } = await createSession(t.prisma, county.id, "vitest");
    expect((await actorForToken(t.prisma, token))?.id).toBe(county.id);
    await t.prisma.user.update({ where: { id: county.id }, data: { active: false } });
    expect(await actorForToken(t.prisma, token)).toBeNull();
    await t.prisma.user.update({ where: { id: county.id }, data: { active: true } });
    expect((await actorForToken(t.prisma, token))?.id).toBe(county.id);
    await t.prisma.session.update({ where: { id: sessionIdOf(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });
});

describe("the first sign-in of an account an administrator created", () => {
  it("leads to the password change, refuses everything else until then, and goes on where the user was going", async () => {
    browser("10.3.0.1");
    expect(await signIn("admin", DEMO)).toBe("/todo");
    const username = `zhoujie${unique()}`;
    const created = await post(createUserAction, {
      username,
      displayName: "周杰",
      role: "COUNTY",
      parkId: String(a.huitong.parkId),
      password: "Initial2025pw",
      reauthPassword: DEMO,
    });
    expect(created).toMatchObject({ ok: true, message: expect.stringContaining("首次登录时须修改密码") });
    expect((await user(username)).mustChangePassword).toBe(true);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "user.create" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ username, mustChangePassword: true });
    expect(audit.ip).toBe("10.3.0.1");

    // the new user, in the county's office
    browser("10.3.0.2");
    expect(await signIn(username, "Initial2025pw", "/issues")).toBe("/account/password?next=%2Fissues");
    const token = h.jar.get("ppt_session")!;
    expect((await actorForToken(t.prisma, token))?.mustChangePassword).toBe(true);

    // nothing else before the change: not through an action, not through a service
    const before = await fingerprint(t.prisma);
    expect(await post(createIssueAction, issueForm())).toMatchObject({ ok: false, message: MUST_CHANGE_PASSWORD_MESSAGE });
    const viaService = await createIssue(t.prisma, await actorForToken(t.prisma, token), createIssueSchema.parse(issueForm())).catch((e: unknown) => e);
    expect(viaService).toBeInstanceOf(AuthError);
    expect((viaService as AuthError).message).toBe(MUST_CHANGE_PASSWORD_MESSAGE);
    expect(await fingerprint(t.prisma)).toBe(before);

    // a wrong current password, or the same password again, changes nothing
    const wrong = await post(changePasswordAction, { currentPassword: "Initial2025xx", newPassword: "Zhoujie-own-2025", newPasswordAgain: "Zhoujie-own-2025", next: "/issues" });
    expect(wrong.fieldErrors?.currentPassword).toEqual(["密码不正确"]);
    const same = await post(changePasswordAction, { currentPassword: "Initial2025pw", newPassword: "Initial2025pw", newPasswordAgain: "Initial2025pw", next: "/issues" });
    expect(same.fieldErrors?.newPassword).toContain("新密码不能与当前密码相同");
    const mismatch = await post(changePasswordAction, { currentPassword: "Initial2025pw", newPassword: "Zhoujie-own-2025", newPasswordAgain: "Zhoujie-own-2026", next: "/issues" });
    expect(mismatch.fieldErrors?.newPasswordAgain).toEqual(["两次输入的新密码不一致"]);
    expect(await fingerprint(t.prisma)).toBe(before);
    expect(await t.prisma.loginAttempt.count({ where: { username, ip: "10.3.0.2", success: false } })).toBe(1);

    // the change: on to where the user was going, in the same session
    expect(
      await post(changePasswordAction, { currentPassword: "Initial2025pw", newPassword: "Zhoujie-own-2025", newPasswordAgain: "Zhoujie-own-2025", next: "/issues" }),
    ).toMatchObject({ redirect: "/issues" });
    const after = await user(username);
    expect(after.mustChangePassword).toBe(false);
    expect(after.passwordChangedAt).not.toBeNull();
    expect((await actorForToken(t.prisma, token))?.mustChangePassword).toBe(false);
    expect(await post(createIssueAction, issueForm())).toMatchObject({ ok: true });
    expect((await checkLogin(t.prisma, username, "Initial2025pw", "10.3.0.3")).ok).toBe(false);
    expect((await checkLogin(t.prisma, username, "Zhoujie-own-2025", "10.3.0.3")).ok).toBe(true);
    const changed = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "account.password", userId: after.id } });
    expect(changed).toMatchObject({ before: { mustChangePassword: true }, after: { mustChangePassword: false, sessionsEnded: 0 }, ip: "10.3.0.2" });
  });

  it("the action wrapper itself refuses, before any service runs", async () => {
    const county = await account("COUNTY", "Initial2025pw", { mustChangePassword: true });
    browser("10.3.0.7");
    await signIn(county.username, "Initial2025pw");
    let ran = false;
    const probe = formAction(z.object({ note: z.string() }), async () => {
      ran = true;
    });
    expect(await post(probe, { note: "x" })).toMatchObject({ ok: false, message: MUST_CHANGE_PASSWORD_MESSAGE });
    expect(ran).toBe(false);
  });

  it("signing out still works before the change", async () => {
    const county = await account("COUNTY", "Initial2025pw", { mustChangePassword: true });
    browser("10.3.0.8");
    await signIn(county.username, "Initial2025pw");
    const token = h.jar.get("ppt_session")!;
    expect(await logoutAction().catch(redirectTarget)).toBe("/login");
    expect(h.jar.has("ppt_session")).toBe(false);
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });

  it("without a destination, the change leads to the account's landing page", async () => {
    const county = await account("COUNTY", "Initial2025pw", { mustChangePassword: true });
    browser("10.3.0.4");
    expect(await signIn(county.username, "Initial2025pw")).toBe("/account/password");
    expect(await post(changePasswordAction, { currentPassword: "Initial2025pw", newPassword: "Own-password-42", newPasswordAgain: "Own-password-42" })).toMatchObject({
      redirect: "/todo",
    });
  });

  it("a password reset by an administrator is changed at the next sign-in too", async () => {
    const admin = await account("ADMIN", "Admin-own-2025");
    const leader = await account("LEADER", "Leader-own-2025");
    browser("10.3.0.5");
    await signIn(admin.username, "Admin-own-2025");
    expect(await post(resetPasswordAction, { userId: String(leader.id), password: "Reset-by-office-1", reauthPassword: "Admin-own-2025" })).toMatchObject({ ok: true });
    expect((await user(leader.username)).mustChangePassword).toBe(true);
    browser("10.3.0.6");
    expect(await signIn(leader.username, "Reset-by-office-1")).toBe("/account/password");
  });

  it("npm run user:create asks for the change too; the embedded demo's accounts do not", async () => {
    for (const demo of DEMO_ACCOUNTS) expect((await user(demo.username)).mustChangePassword, demo.username).toBe(false);
    const username = `cli${unique()}`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.resolve("node_modules/tsx/dist/cli.mjs"), "commands/create-user.ts", "--role", "COUNTY", "--username", username, "--name", "李四", "--park", "会同县园区"],
        {
          env: { ...process.env, DATABASE_URL: t.url },
          stdio: ["pipe", "pipe", "pipe"],
        },
      );
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`user:create exited with ${code}: ${out}`))));
      child.stdin.end("Cli-password-2025\n");
    });
    expect(output).toContain("首次登录时须修改密码");
    expect(output).not.toContain("Cli-password-2025");
    expect((await user(username)).mustChangePassword).toBe(true);
  });
});

describe("changing one's own password", () => {
  it("ends every other session of the user and keeps this one", async () => {
    const leader = await account("LEADER", "Leader-own-2025");
    const phone = await startSession(t.prisma, leader, { userAgent: WECHAT_IPHONE, address: "10.3.1.50" });
    const home = await startSession(t.prisma, leader, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", address: "10.3.1.51" });
    browser("10.3.1.1");
    await signIn(leader.username, "Leader-own-2025");
    const current = h.jar.get("ppt_session")!;
    expect((await listOwnSessions(t.prisma, leader, sessionIdOf(current))).map((s) => [s.current, s.browser, s.ip])).toEqual([
      [true, "Chrome 126 · Windows", "10.3.1.1"],
      [false, "Firefox 127 · Linux", "10.3.1.51"],
      [false, "微信 8 · iOS 17", "10.3.1.50"],
    ]);
    const state = await post(changePasswordAction, { currentPassword: "Leader-own-2025", newPassword: "Leader-new-2026", newPasswordAgain: "Leader-new-2026" });
    expect(state).toMatchObject({ ok: true, message: "密码已修改。您在其他地方的2个登录会话已结束。" });
    expect(await actorForToken(t.prisma, phone.token)).toBeNull();
    expect(await actorForToken(t.prisma, home.token)).toBeNull();
    expect((await actorForToken(t.prisma, current))?.id).toBe(leader.id);
    expect(await t.prisma.session.count({ where: { userId: leader.id } })).toBe(1);
  });

  it("twice at once from the same page: one change lands, the other is refused", async () => {
    const leader = await account("LEADER", "Leader-own-2025");
    const results = await Promise.allSettled(
      ["Leader-first-2026", "Leader-second-2026"].map((p) =>
        changeOwnPassword(t.prisma, leader, { currentPassword: "Leader-own-2025", newPassword: p, newPasswordAgain: p }, { sessionId: null, address: "10.3.1.9" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason instanceof ConflictError || refused.reason instanceof ValidationError).toBe(true);
    const won = results.findIndex((r) => r.status === "fulfilled") === 0 ? "Leader-first-2026" : "Leader-second-2026";
    expect((await checkLogin(t.prisma, leader.username, won, "10.3.1.10")).ok).toBe(true);
    expect(await t.prisma.auditLog.count({ where: { action: "account.password", userId: leader.id } })).toBe(1);
  });

  it("a wrong current password counts like a failed sign-in from that address", async () => {
    const county = await account("COUNTY", "County-own-2025");
    const change = (current: string) =>
      changeOwnPassword(
        t.prisma,
        county,
        { currentPassword: current, newPassword: "County-new-2026", newPasswordAgain: "County-new-2026" },
        { sessionId: null, address: "198.51.100.20" },
      ).catch((e: unknown) => e);
    for (let i = 0; i < 4; i++) expect(((await change(`guess-${i}`)) as ValidationError).fieldErrors.currentPassword).toEqual(["密码不正确"]);
    // now even the right password waits, on this form and on the login page, from that address only
    const waiting = (await change("County-own-2025")) as ValidationError;
    expect(waiting.fieldErrors.currentPassword?.[0]).toMatch(/^登录失败次数过多，请\d+秒后再试。$/);
    expect((await checkLogin(t.prisma, county.username, "County-own-2025", "198.51.100.20")).ok).toBe(false);
    expect((await checkLogin(t.prisma, county.username, "County-own-2025", "10.3.1.20")).ok).toBe(true);
    expect((await user(county.username)).passwordChangedAt).toBeNull();
  });
});

describe("one's own sessions", () => {
  it("lists when, from where and which browser; ends one, or all the others; never another user's", async () => {
    const county = await account("COUNTY", "County-own-2025");
    const phone = await startSession(t.prisma, county, { userAgent: WECHAT_IPHONE, address: "10.3.2.50" });
    const phoneId = sessionIdOf(phone.token);
    // someone else cannot end it, even knowing its id
    browser("10.3.2.9");
    await signIn("dongkou", DEMO);
    const before = await fingerprint(t.prisma);
    expect(await post(endSessionAction, { sessionId: phoneId })).toMatchObject({ ok: false, message: "该会话已结束或不存在，请刷新页面。" });
    expect(await fingerprint(t.prisma)).toBe(before);
    expect(await actorForToken(t.prisma, phone.token)).not.toBeNull();

    browser("10.3.2.1");
    await signIn(county.username, "County-own-2025");
    const current = sessionIdOf(h.jar.get("ppt_session")!);
    const listed = await listOwnSessions(t.prisma, county, current);
    expect(listed).toHaveLength(2);
    expect(listed[1]).toMatchObject({ id: phoneId, current: false, browser: "微信 8 · iOS 17", ip: "10.3.2.50" });
    expect(await post(endSessionAction, { sessionId: current })).toMatchObject({ ok: false, message: expect.stringContaining("当前使用的会话") });
    expect(await post(endSessionAction, { sessionId: phoneId })).toMatchObject({ ok: true });
    expect(await actorForToken(t.prisma, phone.token)).toBeNull();
    const ended = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "account.session-end", userId: county.id } });
    expect(ended.before).toMatchObject({ browser: "微信 8 · iOS 17", address: "10.3.2.50" });
    expect(await post(endOtherSessionsAction, {})).toMatchObject({ ok: false, message: "没有其他会话需要结束。" });

    const others = [
      await startSession(t.prisma, county, { userAgent: WECHAT_IPHONE, address: "10.3.2.51" }),
      await startSession(t.prisma, county, { userAgent: CHROME_WINDOWS, address: "10.3.2.52" }),
    ];
    // a session idle past the timeout is not listed (nor counted)
    const idle = await startSession(t.prisma, county, { userAgent: CHROME_WINDOWS, address: "10.3.2.53" });
    await t.prisma.session.update({ where: { id: sessionIdOf(idle.token) }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await listOwnSessions(t.prisma, county, current)).toHaveLength(3);
    expect(await post(endOtherSessionsAction, {})).toMatchObject({ ok: true, message: "已结束其他2个会话。" });
    for (const o of others) expect(await actorForToken(t.prisma, o.token)).toBeNull();
    expect(await t.prisma.session.findMany({ where: { userId: county.id }, select: { id: true } })).toEqual([{ id: current }]);
    const all = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "account.sessions-end-others", userId: county.id } });
    expect(all.after).toEqual({ sessionsEnded: 2 });
  });
});

describe("re-authentication before an administrator's sensitive changes", () => {
  it("creating an account, changing a role, resetting a password, re-opening a period: refused on the field without the right password, nothing changed", async () => {
    const admin = await account("ADMIN", "Admin-own-2025");
    const target = await account("COUNTY", "County-own-2025");
    const stamp = async () => (await user(target.username)).updatedAt.toISOString();
    browser("10.3.3.1");
    await signIn(admin.username, "Admin-own-2025");
    const nov = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
    if (nov.status !== "PUBLISHED")
      await publishPeriod(t.prisma, a.admin, { month: "2024-11", version: nov.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-11") });
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });

    const before = await fingerprint(t.prisma);
    const newAccount = { username: `x${unique()}`, displayName: "新同事", role: "LEADER", password: "Initial2025pw" };
    expect((await post(createUserAction, newAccount)).fieldErrors?.reauthPassword).toEqual(["请输入您的登录密码以确认身份"]);
    expect((await post(createUserAction, { ...newAccount, reauthPassword: "Admin-own-2024" })).fieldErrors?.reauthPassword).toEqual(["密码不正确"]);
    const move = { userId: String(target.id), stamp: await stamp(), displayName: target.displayName, role: "COUNTY", parkId: String(a.dongkou.parkId) };
    expect((await post(updateUserAction, move)).fieldErrors?.reauthPassword).toEqual(["修改角色或县区园区须输入您的登录密码以确认身份"]);
    expect((await post(resetPasswordAction, { userId: String(target.id), password: "Reset-by-office-1", reauthPassword: "wrong" })).fieldErrors?.reauthPassword).toEqual([
      "密码不正确",
    ]);
    const reopen = { month: "2024-11", version: String(period.version), reason: "更正会同县数据" };
    expect((await post(reopenPeriodAction, { ...reopen, reauthPassword: "wrong-again" })).fieldErrors?.reauthPassword).toEqual(["密码不正确"]);
    expect(await fingerprint(t.prisma)).toBe(before);
    expect(await t.prisma.loginAttempt.count({ where: { username: admin.username, ip: "10.3.3.1", success: false } })).toBe(3);

    // a name alone needs no password; the same forms with it go through
    expect(await post(updateUserAction, { ...move, parkId: String(a.huitong.parkId), displayName: "改名" })).toMatchObject({ ok: true });
    expect(await post(updateUserAction, { ...move, stamp: await stamp(), reauthPassword: "Admin-own-2025" })).toMatchObject({ ok: true });
    expect((await user(target.username)).parkId).toBe(a.dongkou.parkId);
    expect(await post(createUserAction, { ...newAccount, reauthPassword: "Admin-own-2025" })).toMatchObject({ ok: true });
    expect(await post(reopenPeriodAction, { ...reopen, reauthPassword: "Admin-own-2025" })).toMatchObject({ ok: true });
    expect((await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } })).status).toBe("OPEN");
  });

  it("four wrong passwords delay the fifth attempt, and the administrator's sign-in from that address", async () => {
    const admin = await account("ADMIN", "Admin-own-2025");
    const create = (reauthPassword: string) =>
      createUser(
        t.prisma,
        admin,
        { username: `y${unique()}`, displayName: "新同事", role: "LEADER", parkId: null, password: "Initial2025pw", reauthPassword },
        { address: "198.51.100.30" },
      ).then(
        () => null,
        (e: unknown) => e as ValidationError,
      );
    for (let i = 0; i < 4; i++) expect((await create(`guess-${i}`))?.fieldErrors.reauthPassword).toEqual(["密码不正确"]);
    expect((await create("Admin-own-2025"))?.fieldErrors.reauthPassword?.[0]).toMatch(/^登录失败次数过多/);
    expect((await checkLogin(t.prisma, admin.username, "Admin-own-2025", "198.51.100.30")).ok).toBe(false);
    expect(await t.prisma.auditLog.count({ where: { action: "login.throttle", entityId: admin.username } })).toBeGreaterThan(0);
  });
});

describe("the session cookie", () => {
  it("over HTTPS is __Host-ppt_session (Secure, Path=/, no Domain), read back under that name only, and cleared the same way", async () => {
    browser("10.3.4.1", { https: true });
    await signIn("leader", DEMO);
    const [name, token, options] = h.set[0];
    expect(name).toBe("__Host-ppt_session");
    expect(options).toMatchObject({ secure: true, path: "/", httpOnly: true, sameSite: "lax" });
    expect(options).not.toHaveProperty("domain");
    // the actions find the user by it
    expect(await post(endOtherSessionsAction, {})).not.toMatchObject({ message: "请先登录。" });
    // a plain ppt_session cookie someone planted is not read over HTTPS
    h.jar.clear();
    h.jar.set("ppt_session", token);
    expect(await post(endOtherSessionsAction, {})).toMatchObject({ ok: false, message: "请先登录。" });
    h.jar.clear();
    h.jar.set("__Host-ppt_session", token);
    h.set = [];
    await logoutAction().catch(redirectTarget);
    expect(h.set).toEqual([["__Host-ppt_session", "", expect.objectContaining({ secure: true, path: "/", maxAge: 0 })]]);
    expect(await actorForToken(t.prisma, token)).toBeNull();
  });

  it("over plain HTTP is ppt_session, without Secure", async () => {
    browser("10.3.4.2");
    await signIn("leader", DEMO);
    expect(h.set[0]).toEqual(["ppt_session", expect.any(String), expect.objectContaining({ secure: false, path: "/" })]);
  });
});
