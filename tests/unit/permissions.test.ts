import { describe, expect, it } from "vitest";
import {
  assertCan,
  AuthError,
  can,
  landingPath,
  mayOpenPath,
  MUST_CHANGE_PASSWORD_MESSAGE,
  parkScope,
  refusalMessage,
  ROLE_PERMISSIONS,
  type Action,
  type Permission,
} from "@/server/auth/permissions";
import type { Actor } from "@/server/auth/actor";

const actor = (role: Actor["role"], parkId: number | null = null): Actor => ({ id: 1, username: "u", displayName: "u", role, parkId });
const admin = actor("ADMIN");
const leader = actor("LEADER");
const county1 = actor("COUNTY", 1);
const unbound = actor("COUNTY", null);
const auditor = actor("AUDITOR");

const cases: Array<[string, Permission, Record<string, boolean>]> = [
  ["report on own park", { action: "monthlyReport.write", projectParkId: 1 }, { admin: true, leader: false, county1: true, unbound: false, auditor: false, anonymous: false }],
  ["report on other park", { action: "monthlyReport.write", projectParkId: 2 }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["withdraw on own park", { action: "monthlyReport.withdraw" }, { admin: false, leader: false, county1: true, unbound: false, auditor: false, anonymous: false }],
  ["review", { action: "monthlyReport.review" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["issue on own park", { action: "issue.write", parkId: 1 }, { admin: true, leader: false, county1: true, unbound: false, auditor: false, anonymous: false }],
  ["issue on other park", { action: "issue.write", parkId: 2 }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["park-wide issue without park", { action: "issue.write", parkId: null }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["hand out an issue (交办)", { action: "issue.assign" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["verify an issue (复核)", { action: "issue.verify" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["handle some issue (签收/办理/反馈)", { action: "issue.handle" }, { admin: true, leader: false, county1: true, unbound: false, auditor: false, anonymous: false }],
  ["manage projects", { action: "project.manage" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["manage users", { action: "user.manage" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["read audit", { action: "audit.read" }, { admin: true, leader: false, county1: false, unbound: false, auditor: true, anonymous: false }],
  ["read the project data", { action: "data.read" }, { admin: true, leader: true, county1: true, unbound: true, auditor: false, anonymous: false }],
  [
    "request a correction (申请更正) on own park",
    { action: "correction.request" },
    { admin: false, leader: false, county1: true, unbound: false, auditor: false, anonymous: false },
  ],
  ["decide a correction request", { action: "correction.decide" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["edit the report text", { action: "document.edit" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
  ["read the 数据质量 prompts one by one", { action: "quality.detail" }, { admin: true, leader: false, county1: false, unbound: false, auditor: false, anonymous: false }],
];

describe("node records and the to-do page", () => {
  it("a county records its own park's nodes and 入库 only; the office every park's; leaders none", () => {
    expect(can(county1, "node.record", { parkId: 1 })).toBe(true);
    expect(can(county1, "node.record", { parkId: 2 })).toBe(false);
    expect(can(admin, "node.record", { parkId: 2 })).toBe(true);
    expect(can(leader, "node.record", { parkId: 1 })).toBe(false);
    expect(can(unbound, "node.record", { parkId: 1 })).toBe(false);
    expect(() => assertCan(county1, "node.record", { parkId: 2 })).toThrow("无权登记该节点：只能登记本县区园区项目的节点和入库情况。");
  });
  it("county staff and admins land on 我的待办, leaders (and an unbound county account) on the overview", () => {
    expect(landingPath(county1)).toBe("/todo");
    expect(landingPath(admin)).toBe("/todo");
    expect(landingPath(leader)).toBe("/");
    expect(landingPath(unbound)).toBe("/");
    expect(landingPath(null)).toBe("/");
    expect(parkScope(county1, "todo.read")).toBe(1);
    expect(parkScope(admin, "todo.read")).toBeNull();
    expect(() => assertCan(leader, "todo.read")).toThrow("我的待办只对园区管理员和县区填报员开放。");
  });
});

describe("the permission matrix", () => {
  const actors: Record<string, Actor | null> = { admin, leader, county1, unbound, auditor, anonymous: null };
  for (const [label, permission, expected] of cases) {
    it(label, () => {
      for (const [name, a] of Object.entries(actors)) expect(can(a, permission), `${name}`).toBe(expected[name]);
    });
  }
  it("refuses with a Chinese message saying why", () => {
    expect.assertions(4);
    expect(() => assertCan(null, { action: "monthlyReport.review" })).toThrow("请先登录。");
    try {
      assertCan(county1, { action: "monthlyReport.write", projectParkId: 2 });
    } catch (e) {
      expect(e).toBeInstanceOf(AuthError);
      expect((e as AuthError).kind).toBe("forbidden");
      expect((e as AuthError).message).toBe("无权填报该项目：只能填报本县区园区的项目。");
    }
  });
});

describe("the permission table, asked by action name", () => {
  it("an action name with a target answers like the object form; without a target, whether the actor may act on some record", () => {
    expect(can(county1, "monthlyReport.write", { parkId: 1 })).toBe(true);
    expect(can(county1, "monthlyReport.write", { parkId: 2 })).toBe(false);
    expect(can(county1, "issue.write", { parkId: null })).toBe(false);
    expect(can(county1, "monthlyReport.write")).toBe(true);
    expect(can(unbound, "monthlyReport.write")).toBe(false);
    expect(can(county1, "period.manage")).toBe(false);
    expect(can(admin, "period.manage")).toBe(true);
    expect(can(leader, "monthlyReport.write")).toBe(false);
    expect(can(null, "monthlyReport.write")).toBe(false);
    // the object form of issue.write carries its park as the target
    expect(can(county1, { action: "issue.write", parkId: 2 })).toBe(false);
    expect(can(county1, { action: "issue.write", parkId: 1 })).toBe(true);
  });

  it("issue.handle: a county on its own park's issues, the office only on the whole park's own", () => {
    expect(can(county1, "issue.handle", { parkId: 1 })).toBe(true);
    expect(can(county1, "issue.handle", { parkId: 2 })).toBe(false);
    expect(can(county1, "issue.handle", { parkId: null })).toBe(false);
    expect(can(admin, "issue.handle", { parkId: null })).toBe(true);
    expect(can(admin, "issue.handle", { parkId: 1 })).toBe(false);
    expect(can(unbound, "issue.handle", { parkId: null })).toBe(false);
    expect(parkScope(admin, "issue.handle")).toBeUndefined();
    expect(parkScope(county1, "issue.handle")).toBe(1);
  });

  it("parkScope: all parks for the office, its own park for a county, none otherwise", () => {
    expect(parkScope(admin, "monthlyReport.write")).toBeNull();
    expect(parkScope(county1, "monthlyReport.write")).toBe(1);
    expect(parkScope(unbound, "monthlyReport.write")).toBeUndefined();
    expect(parkScope(leader, "monthlyReport.write")).toBeUndefined();
    expect(parkScope(county1, "monthlyReport.review")).toBeUndefined();
    expect(parkScope(null, "monthlyReport.write")).toBeUndefined();
  });

  it("every refusal says in Chinese why, and an anonymous request is told to sign in", () => {
    const refusal = (a: Actor | null, action: Parameters<typeof assertCan>[1], target?: Parameters<typeof assertCan>[2]) => {
      try {
        assertCan(a, action, target);
        return null;
      } catch (e) {
        return e as AuthError;
      }
    };
    expect(refusal(admin, "audit.read")).toBeNull();
    expect(refusal(null, "audit.read")).toMatchObject({ kind: "unauthenticated", message: "请先登录。" });
    const messages: Record<string, string> = {
      "monthlyReport.review": "只有园区管理员可以审核月度调度。",
      "monthlyReport.withdraw": "无权撤回该报表：只能撤回本县区园区提交的报表。",
      "issue.write": "无权修改该问题：只能处理本县区园区的问题。",
      "issue.assign": "只有园区管理员可以交办或直接办结问题。",
      "issue.handle": "无权办理该问题：只有责任县区园区的账号可以签收、办理和反馈（全园区的问题由园区办公室办理）。",
      "issue.verify": "只有园区管理员可以复核问题。",
      "project.manage": "只有园区管理员可以管理项目和计划。",
      "period.manage": "只有园区管理员可以开放、发布或重新开放调度期。",
      "user.manage": "只有园区管理员可以管理用户。",
      "audit.read": "只有园区管理员和审计员可以查看操作日志。",
      "document.edit": "只有园区管理员可以编辑报告文字。",
      "quality.detail": "数据质量提示的明细只对园区管理员开放；领导可在月度通报中查看各县区、各类提示的条数。",
    };
    for (const [action, message] of Object.entries(messages)) {
      expect(refusal(leader, action as Parameters<typeof assertCan>[1]), action).toMatchObject({ kind: "forbidden", message });
    }
    expect(refusal(county1, { action: "monthlyReport.write", projectParkId: 2 })).toMatchObject({ kind: "forbidden", message: "无权填报该项目：只能填报本县区园区的项目。" });
    expect(refusal(county1, "monthlyReport.withdraw", { parkId: 1 })).toBeNull();
    expect(refusal(county1, "monthlyReport.withdraw", { parkId: 2 })).toMatchObject({ kind: "forbidden", message: "无权撤回该报表：只能撤回本县区园区提交的报表。" });
  });
});

describe("审计员 (AUDITOR): reads the audit log and nothing else", () => {
  it("holds audit.read and no other action of the table, on any park", () => {
    const held = (Object.keys(ROLE_PERMISSIONS) as Action[]).filter((a) => can(auditor, a) || [1, 2, null].some((parkId) => can(auditor, a, { parkId })));
    expect(held).toEqual(["audit.read"]);
    // bound to a park by mistake, it still gets nothing more
    const bound = actor("AUDITOR", 1);
    expect((Object.keys(ROLE_PERMISSIONS) as Action[]).filter((a) => can(bound, a, { parkId: 1 }))).toEqual(["audit.read"]);
    for (const action of Object.keys(ROLE_PERMISSIONS) as Action[]) expect(parkScope(auditor, action), action).toBe(action === "audit.read" ? null : undefined);
    expect(() => assertCan(auditor, "data.read")).toThrow("审计员只能查看操作日志，不能查看项目数据。");
    expect(() => assertCan(auditor, "user.manage")).toThrow("只有园区管理员可以管理用户。");
  });

  it("lands on the audit log; the others where they did", () => {
    expect(landingPath(auditor)).toBe("/admin/audit");
    expect(landingPath(admin)).toBe("/todo");
    expect(landingPath(leader)).toBe("/");
  });

  it("the proxy's gate: an auditor opens the audit log, its exports and its own account pages only", () => {
    for (const path of ["/admin/audit", "/admin/audit/export", "/admin/audit/export-xlsx", "/forbidden", "/account", "/account/sessions"]) {
      expect(mayOpenPath(auditor, path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/overview",
      "/projects",
      "/projects/YQ2024-001",
      "/projects/export",
      "/parks",
      "/parks/1",
      "/figures/explain",
      "/periods",
      "/periods/2024-11",
      "/periods/2024-11/schedule",
      "/periods/2024-11/bulletin/docx",
      "/issues",
      "/issues/1",
      "/issues/export",
      "/annual-report",
      "/annual-report/2024/docx",
      "/nodes",
      "/photos/1",
      "/photos/1/thumb",
      "/review",
      "/todo",
      "/monthly-report",
      "/imports",
      "/admin",
      "/admin/users",
      "/admin/auditx",
      "/accounts",
      "/some-page-added-later",
    ]) {
      expect(mayOpenPath(auditor, path), path).toBe(false);
    }
  });

  it("the gate lets every other role on as before (their pages check their own permission), and nobody unsigned", () => {
    for (const who of [admin, leader, county1, unbound]) {
      for (const path of ["/", "/overview", "/projects", "/issues/1", "/figures/explain", "/account", "/forbidden", "/todo", "/admin/users"])
        expect(mayOpenPath(who, path), `${who.role} ${path}`).toBe(true);
    }
    expect(mayOpenPath(admin, "/admin/audit")).toBe(true);
    expect(mayOpenPath(leader, "/admin/audit")).toBe(false);
    expect(mayOpenPath(county1, "/admin/audit/export")).toBe(false);
    expect(mayOpenPath(null, "/admin/audit")).toBe(false);
    expect(mayOpenPath(null, "/overview")).toBe(false);
  });
});

describe("refusals a county reads, and the first password", () => {
  it("importing, asking for a correction or deciding one outside the reach says why", () => {
    expect(() => assertCan(county1, "monthlyReport.import", { parkId: 2 })).toThrow("无权导入该县区园区的调度表：只能导入本县区园区的项目。");
    expect(() => assertCan(county1, "correction.request", { parkId: 2 })).toThrow("无权申请更正该项目：只能为本县区园区的项目申请更正。");
    expect(() => assertCan(county1, "correction.decide")).toThrow("只有园区管理员可以处理更正申请。");
    expect(refusalMessage("correction.request")).toBe("无权申请更正该项目：只能为本县区园区的项目申请更正。");
    expect(refusalMessage("period.manage")).toBe("只有园区管理员可以开放、发布或重新开放调度期。");
  });

  it("an account whose password an administrator set does nothing before changing it, whatever it holds", () => {
    const fresh = { ...admin, mustChangePassword: true };
    expect(() => assertCan(fresh, "data.read")).toThrow("请先修改初始密码：管理员设置的密码须由本人修改后才能继续操作。");
    expect(() => assertCan(fresh, "data.read")).toThrow(expect.objectContaining({ kind: "forbidden" }));
    expect(MUST_CHANGE_PASSWORD_MESSAGE).toBe("请先修改初始密码：管理员设置的密码须由本人修改后才能继续操作。");
    expect(() => assertCan(admin, "data.read")).not.toThrow();
  });

  it("nobody unsigned opens even the account pages", () => {
    expect(mayOpenPath(null, "/account")).toBe(false);
    expect(mayOpenPath(null, "/forbidden")).toBe(false);
  });
});
