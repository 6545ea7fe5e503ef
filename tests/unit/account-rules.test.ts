// The pure rules behind accounts: the password rule and its configured minimum, the session's
// lifetime and idle timeout, the session cookie under either name.
import { describe, expect, it } from "vitest";
import { passwordMinLength, passwordProblems, passwordRuleText } from "@/domain/password-rule";
import { lastSeenStale, sessionAlive, sessionEndsAt, sessionExpiry, sessionIdleMinutes } from "@/domain/session-rules";
import { requestIsHttps, sessionCookieName, sessionToken } from "@/server/auth/sessions";
import { changePasswordSchema, passwordField } from "@/lib/schemas/user";

describe("the password rule", () => {
  it("asks for 12 characters by default; PASSWORD_MIN_LENGTH changes it, never below 8", () => {
    expect(passwordMinLength(undefined)).toBe(12);
    expect(passwordMinLength("")).toBe(12);
    expect(passwordMinLength("16")).toBe(16);
    expect(passwordMinLength(" 10 ")).toBe(10);
    expect(passwordMinLength("6")).toBe(8);
    expect(passwordMinLength("0")).toBe(8);
    expect(passwordMinLength("200")).toBe(64);
    expect(passwordMinLength("twelve")).toBe(12);
    expect(passwordMinLength("-20")).toBe(12);
  });

  it("counts characters as a person does, and asks for a letter and a digit", () => {
    expect(passwordProblems("abcdef123456", 12)).toEqual([]);
    expect(passwordProblems("abcdef12345", 12)).toEqual(["密码至少12位"]);
    expect(passwordProblems("园区重大项目调度平台2024", 12)).toEqual([]); // Chinese letters count, one each
    expect(passwordProblems("园区项目调度2024", 12)).toEqual(["密码至少12位"]);
    expect(passwordProblems("abcdefghijkl", 12)).toEqual(["密码须同时包含字母和数字"]);
    expect(passwordProblems("123456789012", 12)).toEqual(["密码须同时包含字母和数字"]);
    expect(passwordProblems(`a1${"x".repeat(127)}`, 12)).toEqual(["密码不能超过128位"]);
    expect(passwordProblems("correct horse battery 9", 12)).toEqual([]); // spaces are fine
    expect(passwordRuleText(12)).toBe("至少12位，须同时包含字母和数字");
  });

  it("is what the schema applies when a password is set, read from the environment at the time", () => {
    expect(passwordField.safeParse("abcd1234efgh").success).toBe(true);
    expect(passwordField.safeParse("abcd1234efg").success).toBe(false);
    process.env.PASSWORD_MIN_LENGTH = "8";
    try {
      expect(passwordField.safeParse("abcd1234").success).toBe(true);
      expect(passwordField.safeParse("abc1234").success).toBe(false);
    } finally {
      delete process.env.PASSWORD_MIN_LENGTH;
    }
  });

  it("a change needs the current password, the new one twice alike, and a new one that differs", () => {
    const ok = changePasswordSchema.safeParse({ currentPassword: "demo2024", newPassword: "Huitong-own-2026", newPasswordAgain: "Huitong-own-2026" });
    expect(ok.success).toBe(true);
    const issues = (v: Record<string, string>) => changePasswordSchema.safeParse(v).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ currentPassword: "", newPassword: "Huitong-own-2026", newPasswordAgain: "Huitong-own-2026" })).toEqual(["currentPassword: 请输入当前密码"]);
    expect(issues({ currentPassword: "demo2024", newPassword: "Huitong-own-2026", newPasswordAgain: "Huitong-own-2027" })).toEqual(["newPasswordAgain: 两次输入的新密码不一致"]);
    expect(issues({ currentPassword: "Huitong-own-2026", newPassword: "Huitong-own-2026", newPasswordAgain: "Huitong-own-2026" })).toEqual([
      "newPassword: 新密码不能与当前密码相同",
    ]);
  });
});

describe("session lifetime", () => {
  const t0 = new Date("2026-12-07T01:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it("a session ends 12 hours after sign-in", () => {
    expect(sessionExpiry(t0).toISOString()).toBe("2026-12-07T13:00:00.000Z");
  });

  it("and after 30 idle minutes by default; SESSION_IDLE_MINUTES changes that within 1 minute to 12 hours", () => {
    const s = { expiresAt: sessionExpiry(t0), lastSeenAt: t0 };
    expect(sessionIdleMinutes(undefined)).toBe(30);
    expect(sessionIdleMinutes("15")).toBe(15);
    expect(sessionIdleMinutes("0")).toBe(1);
    expect(sessionIdleMinutes("5000")).toBe(720);
    expect(sessionIdleMinutes("half an hour")).toBe(30);
    expect(sessionAlive(s, at(29), 30)).toBe(true);
    expect(sessionAlive(s, at(30), 30)).toBe(false);
    expect(sessionAlive(s, at(14), 15)).toBe(true);
    expect(sessionAlive(s, at(15), 15)).toBe(false);
    // busy all day: still ends at 12 hours
    expect(sessionAlive({ ...s, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60 - 0.5), 30)).toBe(true);
    expect(sessionAlive({ ...s, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60), 30)).toBe(false);
    expect(sessionEndsAt(s, 30)).toEqual(at(30));
    expect(sessionEndsAt({ ...s, lastSeenAt: at(12 * 60 - 10) }, 30)).toEqual(sessionExpiry(t0));
  });

  it("the last-seen time is moved on at most once a minute", () => {
    expect(lastSeenStale(t0, at(0.5))).toBe(false);
    expect(lastSeenStale(t0, at(1))).toBe(true);
  });
});

describe("the session cookie", () => {
  const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined) });

  it("is named __Host-ppt_session over HTTPS and ppt_session over plain HTTP", () => {
    expect(sessionCookieName(true)).toBe("__Host-ppt_session");
    expect(sessionCookieName(false)).toBe("ppt_session");
  });

  it("is read under either name, the __Host- one first; over HTTPS only the __Host- one", () => {
    expect(sessionToken(jar({ ppt_session: "plain" }))).toBe("plain");
    expect(sessionToken(jar({ "__Host-ppt_session": "secure" }))).toBe("secure");
    expect(sessionToken(jar({ "__Host-ppt_session": "secure", ppt_session: "plain" }))).toBe("secure");
    expect(sessionToken(jar({}))).toBeUndefined();
    expect(sessionToken(jar({ ppt_session: "planted" }), { https: true })).toBeUndefined();
    expect(sessionToken(jar({ "__Host-ppt_session": "secure", ppt_session: "planted" }), { https: true })).toBe("secure");
  });

  it("HTTPS is what COOKIE_SECURE says, else the proxy's X-Forwarded-Proto", () => {
    const headers = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
    expect(requestIsHttps(headers("https"))).toBe(true);
    expect(requestIsHttps(headers("http"))).toBe(false);
    expect(requestIsHttps(headers())).toBe(false);
    process.env.COOKIE_SECURE = "true";
    try {
      expect(requestIsHttps(headers())).toBe(true);
      process.env.COOKIE_SECURE = "false";
      expect(requestIsHttps(headers("https"))).toBe(false);
    } finally {
      delete process.env.COOKIE_SECURE;
    }
  });
});

describe("the settings' edges", () => {
  it("a minimum length with anything but digits is not read; 128 characters are allowed, 129 are not", () => {
    expect(passwordMinLength("10x")).toBe(12);
    expect(passwordMinLength("x10")).toBe(12);
    const at = (n: number) => "a1" + "b".repeat(n - 2);
    expect(passwordProblems(at(128), 12)).toEqual([]);
    expect(passwordProblems(at(129), 12)).toEqual(["密码不能超过128位"]);
  });
  it("the idle timeout is read with spaces around it, never from a value with anything else", () => {
    expect(sessionIdleMinutes(" 45 ")).toBe(45);
    expect(sessionIdleMinutes("45x")).toBe(30);
    expect(sessionIdleMinutes("x45")).toBe(30);
  });
});
