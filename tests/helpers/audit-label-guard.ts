// Every audit entry any test writes must read in Chinese: writeAudit is wrapped so that an entry
// with an entity, a field or an enum value that src/server/audit/labels.ts cannot name fails the
// test that wrote it (with the missing names), before anything reaches the database.
import { vi } from "vitest";

vi.mock("@/server/audit/write", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/audit/write")>();
  const { auditLabelProblems } = await import("@/server/audit/labels");
  const { AUDIT_ACTIONS } = await import("@/server/audit/names");
  const check = (entry: Parameters<typeof real.writeAudit>[2]) => {
    const problems = auditLabelProblems(entry);
    if (!(entry.action in AUDIT_ACTIONS)) problems.push(`action ${entry.action}`);
    if (problems.length) throw new Error(`操作日志缺少中文名称（src/server/audit/labels.ts）：${problems.join("，")}`);
  };
  const writeAudit: typeof real.writeAudit = async (tx, actor, entry) => {
    check(entry);
    return real.writeAudit(tx, actor, entry);
  };
  const writeAuditMany: typeof real.writeAuditMany = async (tx, actor, entries) => {
    entries.forEach(check);
    return real.writeAuditMany(tx, actor, entries);
  };
  return { ...real, writeAudit, writeAuditMany };
});
