// Login throttling against the LoginAttempt table (rules: src/domain/login-throttle.ts). Every
// failure that starts or lengthens a block is written to the audit log; an administrator can
// unlock a user name (its failures stop counting).
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "./actor";
import { addressBlocked, formatWait, LOGIN_THROTTLE, pairDelaySeconds } from "@/domain/login-throttle";
import { writeAudit } from "@/server/audit/write";
import { assertCan } from "./permissions";

type Tx = Prisma.TransactionClient | Db;

export type Block = { seconds: number; message: string; kind: "pair" | "address" };

function since(now: Date) {
  return new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
}

async function pairState(tx: Tx, username: string, address: string | null, now: Date) {
  const from = since(now);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { username, ip: address, success: true, createdAt: { gte: from } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const where = { username, ip: address, success: false, clearedAt: null, createdAt: { gte: lastSuccess?.createdAt ?? from } };
  const [failures, last] = await Promise.all([tx.loginAttempt.count({ where }), tx.loginAttempt.findFirst({ where, orderBy: { createdAt: "desc" }, select: { createdAt: true } })]);
  return { failures, last: last?.createdAt ?? null };
}

async function addressState(tx: Tx, address: string, now: Date) {
  const where = { ip: address, success: false, clearedAt: null, createdAt: { gte: since(now) } };
  const [failures, names, last] = await Promise.all([
    tx.loginAttempt.count({ where }),
    tx.loginAttempt.groupBy({ by: ["username"], where }),
    tx.loginAttempt.findFirst({ where, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  return { failures, names: names.length, last: last?.createdAt ?? null };
}

/** Whether a login for (username, address) must wait now, and how long. */
export async function loginBlock(tx: Tx, username: string, address: string | null, now = new Date()): Promise<Block | null> {
  if (address) {
    const a = await addressState(tx, address, now);
    if (a.last && addressBlocked(a.names, a.failures)) {
      const seconds = (a.last.getTime() + LOGIN_THROTTLE.addressBlockSeconds * 1000 - now.getTime()) / 1000;
      if (seconds > 0) return { kind: "address", seconds, message: `登录失败次数过多，本机地址已被暂时阻止，请${formatWait(seconds)}后再试。` };
    }
  }
  const p = await pairState(tx, username, address, now);
  const delay = pairDelaySeconds(p.failures);
  if (p.last && delay > 0) {
    const seconds = (p.last.getTime() + delay * 1000 - now.getTime()) / 1000;
    if (seconds > 0) return { kind: "pair", seconds, message: `登录失败次数过多，请${formatWait(seconds)}后再试。` };
  }
  return null;
}

/** Records a failed login; audits the block it starts or lengthens. Run inside a transaction. */
export async function recordFailure(tx: Prisma.TransactionClient, username: string, address: string | null, now = new Date()) {
  await tx.loginAttempt.create({ data: { username, ip: address, success: false, createdAt: now } });
  const p = await pairState(tx, username, address, now);
  const delay = pairDelaySeconds(p.failures);
  if (delay > 0) {
    await writeAudit(tx, null, {
      action: "login.throttle",
      entity: "LoginAttempt",
      entityId: username,
      after: { username, address, failures: p.failures, waitSeconds: delay },
      ip: address,
    });
  }
  if (address) {
    const a = await addressState(tx, address, now);
    if (addressBlocked(a.names, a.failures)) {
      await writeAudit(tx, null, {
        action: "login.address-block",
        entity: "LoginAttempt",
        entityId: address,
        after: { address, userNames: a.names, failures: a.failures, blockSeconds: LOGIN_THROTTLE.addressBlockSeconds },
        ip: address,
      });
    }
  }
}

/** An administrator lifts every block on a user name (its recorded failures stop counting). */
export async function unlockUsername(prisma: Db, actor: Actor | null, username: string, address: string | null = null): Promise<number> {
  assertCan(actor, { action: "user.manage" });
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.loginAttempt.updateMany({ where: { username, success: false, clearedAt: null }, data: { clearedAt: now } });
    await writeAudit(tx, actor, { action: "login.unlock", entity: "User", entityId: username, after: { username, clearedFailures: count }, ip: address });
    return count;
  });
}
