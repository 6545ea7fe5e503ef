import { describe, expect, it } from "vitest";
import { assertCan, AuthError, can, parkScope, type Permission } from "@/server/auth/permissions";
import type { Actor } from "@/server/auth/actor";

const actor = (role: Actor["role"], parkId: number | null = null): Actor => ({ id: 1, username: "u", displayName: "u", role, parkId });
const admin = actor("ADMIN");
const leader = actor("LEADER");
const county1 = actor("COUNTY", 1);
const unbound = actor("COUNTY", null);

const cases: Array<[string, Permission, Record<string, boolean>]> = [
  ["report on own park", { action: "report.write", projectParkId: 1 }, { admin: true, leader: false, county1: true, unbound: false, anonymous: false }],
  ["report on other park", { action: "report.write", projectParkId: 2 }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["review", { action: "report.review" }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["issue on own park", { action: "issue.write", parkId: 1 }, { admin: true, leader: false, county1: true, unbound: false, anonymous: false }],
  ["issue on other park", { action: "issue.write", parkId: 2 }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["park-wide issue without park", { action: "issue.write", parkId: null }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["manage projects", { action: "project.manage" }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["manage users", { action: "user.manage" }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["read audit", { action: "audit.read" }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
  ["edit the report text", { action: "report.edit" }, { admin: true, leader: false, county1: false, unbound: false, anonymous: false }],
];

describe("the permission matrix", () => {
  const actors: Record<string, Actor | null> = { admin, leader, county1, unbound, anonymous: null };
  for (const [label, permission, expected] of cases) {
    it(label, () => {
      for (const [name, a] of Object.entries(actors)) expect(can(a, permission), `${name}`).toBe(expected[name]);
    });
  }
  it("refuses with a Chinese message saying why", () => {
    expect.assertions(4);
    expect(() => assertCan(null, { action: "report.review" })).toThrow("请先登录。");
    try {
      assertCan(county1, { action: "report.write", projectParkId: 2 });
    } catch (e) {
      expect(e).toBeInstanceOf(AuthError);
      expect((e as AuthError).kind).toBe("forbidden");
      expect((e as AuthError).message).toBe("无权填报该项目：只能填报本县区园区的项目。");
    }
  });
});

describe("the permission table, asked by action name", () => {
  it("an action name with a target answers like the object form; without a target, whether the actor may act on some record", () => {
    expect(can(county1, "report.write", { parkId: 1 })).toBe(true);
    expect(can(county1, "report.write", { parkId: 2 })).toBe(false);
    expect(can(county1, "issue.write", { parkId: null })).toBe(false);
    expect(can(county1, "report.write")).toBe(true);
    expect(can(unbound, "report.write")).toBe(false);
    expect(can(county1, "period.manage")).toBe(false);
    expect(can(admin, "period.manage")).toBe(true);
    expect(can(leader, "report.write")).toBe(false);
    expect(can(null, "report.write")).toBe(false);
    // the object form of issue.write carries its park as the target
    expect(can(county1, { action: "issue.write", parkId: 2 })).toBe(false);
    expect(can(county1, { action: "issue.write", parkId: 1 })).toBe(true);
  });

  it("parkScope: all parks for the office, its own park for a county, none otherwise", () => {
    expect(parkScope(admin, "report.write")).toBeNull();
    expect(parkScope(county1, "report.write")).toBe(1);
    expect(parkScope(unbound, "report.write")).toBeUndefined();
    expect(parkScope(leader, "report.write")).toBeUndefined();
    expect(parkScope(county1, "report.review")).toBeUndefined();
    expect(parkScope(null, "report.write")).toBeUndefined();
  });

  it("every refusal says in Chinese why, and an anonymous request is told to sign in", () => {
    const refusal = (a: Actor | null, action: Parameters<typeof assertCan>[1]) => {
      try {
        assertCan(a, action);
        return null;
      } catch (e) {
        return e as AuthError;
      }
    };
    expect(refusal(admin, "audit.read")).toBeNull();
    expect(refusal(null, "audit.read")).toMatchObject({ kind: "unauthenticated", message: "请先登录。" });
    const messages: Record<string, string> = {
      "report.review": "只有园区管理员可以审核月度调度。",
      "issue.write": "无权修改该问题：只能处理本县区园区的问题。",
      "project.manage": "只有园区管理员可以管理项目和计划。",
      "period.manage": "只有园区管理员可以开放、发布或重新开放调度期。",
      "user.manage": "只有园区管理员可以管理用户。",
      "audit.read": "只有园区管理员可以查看操作日志。",
      "report.edit": "只有园区管理员可以编辑报告文字。",
    };
    for (const [action, message] of Object.entries(messages)) {
      expect(refusal(leader, action as Parameters<typeof assertCan>[1]), action).toMatchObject({ kind: "forbidden", message });
    }
    expect(refusal(county1, { action: "report.write", projectParkId: 2 })).toMatchObject({ kind: "forbidden", message: "无权填报该项目：只能填报本县区园区的项目。" });
  });
});
