// The audit log nobody can change: the database itself refuses UPDATE and TRUNCATE of an entry
// always, and DELETE of one younger than the retention (at least 180 days, kept in the database),
// through the app's own connection — and the operator's purge removes only entries older than
// that, recording itself. Also: the retention setting and its floor, the commands, accounts.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { businessDate } from "@/lib/month";
import { AUDIT_RETENTION_FLOOR, applyRetentionFromEnv, getRetentionDays, parseRetentionDays, purgeAuditLog, RetentionError, setRetentionDays } from "@/server/audit/retention";
import { createUserSchema } from "@/lib/schemas/user";
import { createUser } from "@/server/users/service";
import { type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import { type Actors } from "../helpers/actors";

let t: TestDatabase;
let a: Actors;
useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const CHANGE_REFUSED = /the audit log cannot be changed/;
const DELETE_REFUSED = /audit log entries are kept for 180 days/;

/** An entry as the app writes one, created `days` ago (the app's role may insert; the log is append-only). */
async function entryFrom(days: number, entityId = `t${days}`) {
  return t.prisma.auditLog.create({
    data: { actor: "admin", userId: a.admin.id, action: "project.update", entity: "Project", entityId, createdAt: daysAgo(days), before: { name: "甲" }, after: { name: "乙" } },
  });
}

/** Every entry, as it is, to show that a refused statement changed nothing. */
const snapshot = async () => JSON.stringify(await t.prisma.auditLog.findMany({ orderBy: { id: "asc" } }), (_k, v) => (typeof v === "bigint" ? v.toString() : v));

describe("the database refuses to change or remove audit entries, through the app's own connection", () => {
  it("UPDATE is refused always — one entry, many, none matching, an old one — and nothing changes", async () => {
    const entry = await t.prisma.auditLog.findFirstOrThrow({ orderBy: { id: "asc" } });
    const old = await entryFrom(400);
    const before = await snapshot();
    await expect(t.prisma.auditLog.update({ where: { id: entry.id }, data: { actor: "someone-else" } })).rejects.toThrow(CHANGE_REFUSED);
    await expect(t.prisma.auditLog.updateMany({ data: { after: {} } })).rejects.toThrow(CHANGE_REFUSED);
    await expect(t.prisma.$executeRaw`UPDATE "AuditLog" SET "createdAt" = now() - interval '1000 days' WHERE id = ${old.id}`).rejects.toThrow(CHANGE_REFUSED);
    await expect(t.prisma.$executeRaw`UPDATE "AuditLog" SET action = 'seed' WHERE false`).rejects.toThrow(CHANGE_REFUSED);
    expect(await snapshot()).toBe(before);
  });

  it("DELETE of an entry younger than 180 days is refused: today's, one of 179 days, and a statement that also holds older ones", async () => {
    const recent = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "seed" } });
    const almost = await entryFrom(179);
    const older = await entryFrom(300);
    const before = await snapshot();
    await expect(t.prisma.auditLog.delete({ where: { id: recent.id } })).rejects.toThrow(DELETE_REFUSED);
    await expect(t.prisma.auditLog.delete({ where: { id: almost.id } })).rejects.toThrow(DELETE_REFUSED);
    await expect(t.prisma.auditLog.deleteMany({})).rejects.toThrow(DELETE_REFUSED);
    // all or nothing: the 300-day entry is not deleted either, because the statement also hit the 179-day one
    await expect(t.prisma.$executeRaw`DELETE FROM "AuditLog" WHERE "createdAt" < now() - interval '100 days'`).rejects.toThrow(DELETE_REFUSED);
    expect(await snapshot()).toBe(before);
    expect(await t.prisma.auditLog.count({ where: { id: older.id } })).toBe(1);
  });

  it("TRUNCATE is refused, also when it would reach the log through a cascade", async () => {
    const before = await snapshot();
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(CHANGE_REFUSED);
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "User" CASCADE`)).rejects.toThrow(CHANGE_REFUSED);
    expect(await snapshot()).toBe(before);
    expect(await t.prisma.user.count()).toBeGreaterThan(0);
  });

  it("an account with entries cannot be deleted (its entries would change); it is deactivated instead", async () => {
    const before = await snapshot();
    await expect(t.prisma.user.delete({ where: { id: a.admin.id } })).rejects.toThrow();
    expect(await t.prisma.user.count({ where: { id: a.admin.id } })).toBe(1);
    expect(await snapshot()).toBe(before);
  });

  it("the retention setting cannot be removed, duplicated or set below 180 days by the app's role", async () => {
    await expect(t.prisma.$executeRaw`UPDATE "AuditSettings" SET "retentionDays" = 179`).rejects.toThrow(/AuditSettings_retention_floor/);
    await expect(t.prisma.$executeRaw`UPDATE "AuditSettings" SET "retentionDays" = 0`).rejects.toThrow(/AuditSettings_retention_floor/);
    await expect(t.prisma.$executeRaw`DELETE FROM "AuditSettings"`).rejects.toThrow(/settings row cannot be removed/);
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE "AuditSettings"`)).rejects.toThrow(/settings row cannot be removed/);
    await expect(t.prisma.$executeRaw`INSERT INTO "AuditSettings" ("id", "retentionDays") VALUES (2, 30)`).rejects.toThrow(/AuditSettings_one_row/);
    expect(await getRetentionDays(t.prisma)).toBe(180);
  });
});

describe("the retention: 180 days by default, configurable upwards, never below", () => {
  it("AUDIT_RETENTION_DAYS: unset keeps the database's value; whole days from 180; anything else refused in Chinese", () => {
    expect(parseRetentionDays(undefined)).toBeNull();
    expect(parseRetentionDays("")).toBeNull();
    expect(parseRetentionDays("180")).toBe(180);
    expect(parseRetentionDays(" 365 ")).toBe(365);
    for (const bad of ["179", "0", "-200", "180.5", "abc", "1e3", "36501"]) {
      expect(() => parseRetentionDays(bad), bad).toThrow(RetentionError);
    }
    expect(() => parseRetentionDays("90")).toThrow("AUDIT_RETENTION_DAYS须为180到36500之间的整数（天）：操作日志至少保存180天。");
    expect(AUDIT_RETENTION_FLOOR).toBe(180);
  });

  it("raising it keeps entries longer (the database enforces the new value); the change is audited; the same value writes nothing", async () => {
    const entry = await entryFrom(200, "kept-longer");
    const change = await applyRetentionFromEnv(t.prisma, { AUDIT_RETENTION_DAYS: "365" });
    expect(change).toEqual({ before: 180, after: 365, changed: true });
    expect(await getRetentionDays(t.prisma)).toBe(365);
    const logged = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "audit.retention" }, orderBy: { id: "desc" } });
    expect(logged).toMatchObject({ actor: "system", entity: "AuditSettings", before: { retentionDays: 180 }, after: { retentionDays: 365 } });
    expect((logged.after as { operator: string }).operator).toMatch(/@/);
    // a 200-day-old entry is now inside the retention
    await expect(t.prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/kept for 365 days/);
    await expect(purgeAuditLog(t.prisma, { before: businessDate(daysAgo(190)) })).rejects.toThrow("操作日志至少保存365天");

    const entries = await t.prisma.auditLog.count();
    expect(await setRetentionDays(t.prisma, 365)).toMatchObject({ changed: false });
    expect(await applyRetentionFromEnv(t.prisma, {})).toBeNull();
    expect(await t.prisma.auditLog.count()).toBe(entries);
    await expect(setRetentionDays(t.prisma, 179)).rejects.toThrow(RetentionError);
    await expect(applyRetentionFromEnv(t.prisma, { AUDIT_RETENTION_DAYS: "30" })).rejects.toThrow(RetentionError);
    expect(await getRetentionDays(t.prisma)).toBe(365);
    expect(await t.prisma.auditLog.count()).toBe(entries);

    expect(await setRetentionDays(t.prisma, 180)).toEqual({ before: 365, after: 180, changed: true });
  });
});

describe("the operator's purge (npm run audit:purge)", () => {
  it("deletes only entries older than the retention, before the day given, and records itself", async () => {
    const e200 = await entryFrom(200, "p200");
    const e190 = await entryFrom(190, "p190");
    const e179 = await entryFrom(179, "p179");
    const e1 = await entryFrom(1, "p1");
    // anything older than the retention from the earlier tests goes too
    const due = await t.prisma.auditLog.count({ where: { createdAt: { lt: daysAgo(181) } } });
    expect(due).toBeGreaterThanOrEqual(2);
    const latest = businessDate(daysAgo(180));

    const dry = await purgeAuditLog(t.prisma, { before: latest, dryRun: true, operator: "root@db1" });
    expect(dry).toMatchObject({ deleted: due, dryRun: true, retentionDays: 180, latestAllowed: latest });
    expect(await t.prisma.auditLog.count({ where: { id: { in: [e200.id, e190.id] } } })).toBe(2);
    expect(await t.prisma.auditLog.count({ where: { action: "audit.purge" } })).toBe(0);

    const result = await purgeAuditLog(t.prisma, { before: latest, operator: "root@db1" });
    expect(result).toMatchObject({ before: latest, deleted: due, dryRun: false });
    const left = (await t.prisma.auditLog.findMany({ where: { id: { in: [e200.id, e190.id, e179.id, e1.id] } } })).map((e) => e.entityId);
    expect(left.sort()).toEqual(["p1", "p179"]);
    expect(await t.prisma.auditLog.count({ where: { createdAt: { lt: daysAgo(181) } } })).toBe(0);
    const purge = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "audit.purge" } });
    expect(purge).toMatchObject({ actor: "system", entity: "AuditLog", entityId: latest, after: { purgedBefore: latest, deleted: due, retentionDays: 180, operator: "root@db1" } });
  });

  it("refuses a day inside the retention, and a malformed day, deleting nothing", async () => {
    await entryFrom(170, "q170");
    const before = await snapshot();
    const latest = businessDate(daysAgo(180));
    for (const day of [businessDate(), businessDate(daysAgo(100)), businessDate(daysAgo(170)), "2999-01-01"]) {
      await expect(purgeAuditLog(t.prisma, { before: day }), day).rejects.toThrow(`操作日志至少保存180天：只能清理${latest}之前的记录（--before 最晚为 ${latest}）。`);
    }
    for (const day of ["", "2024-13-01", "2024-02-30", "yesterday", "2024-1-1"]) {
      await expect(purgeAuditLog(t.prisma, { before: day }), day).rejects.toThrow("--before 须为日期 YYYY-MM-DD");
    }
    expect(await snapshot()).toBe(before);
  });

  it("an entry older than the retention is the only kind the database lets anyone delete", async () => {
    const old = await entryFrom(181, "raw181");
    expect(await t.prisma.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${old.id}`).toBe(1);
  });
});

describe("the commands", () => {
  /** Runs a command of this project (tsx) against the test database; resolves with its exit code and output. */
  function run(args: string[], input = ""): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), ...args], {
        env: { ...process.env, DATABASE_URL: t.url, AUDIT_RETENTION_DAYS: "" },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out }));
      child.stdin.end(input);
    });
  }

  it("audit:purge refuses a recent day and purges an old one; audit:retention shows and sets the retention", async () => {
    const refused = await run(["commands/audit.ts", "purge", "--before", businessDate()]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("操作日志至少保存180天");
    await entryFrom(250, "cli250");
    const done = await run(["commands/audit.ts", "purge", "--before", businessDate(daysAgo(200))]);
    expect(done.out).toContain("已清理");
    expect(done.code).toBe(0);
    expect(await t.prisma.auditLog.count({ where: { entityId: "cli250" } })).toBe(0);

    const shown = await run(["commands/audit.ts", "retention"]);
    expect(shown.out).toContain("操作日志保存期限：180天");
    const low = await run(["commands/audit.ts", "retention", "--days", "90"]);
    expect(low.code).toBe(1);
    expect(low.out).toContain("--days须为180到36500之间的整数（天）");
    const set = await run(["commands/audit.ts", "retention", "--days", "200"]);
    expect(set.out).toContain("180天 → 200天");
    expect(await getRetentionDays(t.prisma)).toBe(200);
    await setRetentionDays(t.prisma, 180);
  });

  it("user:create makes an 审计员 account, never bound to a county park", async () => {
    const made = await run(["commands/create-user.ts", "--role", "AUDITOR", "--username", "shenji", "--name", "审计员甲"], "abc12345abcd\n");
    expect(made.out).toContain("已创建用户 shenji");
    expect(made.code).toBe(0);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: "shenji" } })).toMatchObject({ role: "AUDITOR", parkId: null, displayName: "审计员甲" });
    const bound = await run(["commands/create-user.ts", "--role", "AUDITOR", "--username", "shenji2", "--park", "会同县园区"], "abc12345abcd\n");
    expect(bound.code).toBe(1);
    expect(bound.out).toContain("审计员不绑定县区园区");
    expect(await t.prisma.user.count({ where: { username: "shenji2" } })).toBe(0);
  });
});

describe("审计员 accounts", () => {
  it("an administrator creates one; with a county park it is refused on the park field, and the database refuses it too", async () => {
    const user = await createUser(
      t.prisma,
      a.admin,
      createUserSchema.parse({ username: "auditor2", displayName: "审计员乙", role: "AUDITOR", password: "abc12345abcd", reauthPassword: "demo2024" }),
    );
    expect(user).toMatchObject({ role: "AUDITOR", parkId: null });
    const bound = createUserSchema.safeParse({
      username: "auditor3",
      displayName: "审计员丙",
      role: "AUDITOR",
      parkId: String(a.huitong.parkId),
      password: "abc12345abcd",
      reauthPassword: "demo2024",
    });
    expect(bound.success).toBe(false);
    expect(bound.error?.issues).toEqual([expect.objectContaining({ path: ["parkId"], message: "审计员不绑定县区园区，请选择“无”" })]);
    await expect(t.prisma.user.update({ where: { id: user.id }, data: { parkId: a.huitong.parkId } })).rejects.toThrow(/User_auditor_no_park/);
  });
});
