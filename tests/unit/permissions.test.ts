import { describe, expect, it } from "vitest";
import { assertCan, AuthError, can, type Permission } from "@/server/auth/permissions";
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
