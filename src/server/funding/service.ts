// 资金计划: the office's planned funding of a project by source (src/domain/funding.ts). Edited by
// whoever edits the project's facts (project.manage), guarded by Project.version like every project
// edit (claimProject), audited in its transaction.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { TX_OPTIONS } from "@/server/tx";
import { claimProject } from "@/server/projects/service";
import { FUNDING_SOURCES, FUNDS_COLUMN, type FundingSource } from "@/domain/funding";
import { planField, type FundingPlanInput } from "@/lib/schemas/funding";

/** The audit log's key of a source's plan: planFiscal, planBond, … */
const auditKey = (s: FundingSource) => FUNDS_COLUMN[s].replace("funds", "plan");

/** Replaces the project's funding plan: a source left empty has no plan. */
export async function saveFundingPlan(prisma: Db, actor: Actor | null, input: FundingPlanInput): Promise<{ sources: number }> {
  assertCan(actor, "project.manage");
  const rows = FUNDING_SOURCES.flatMap((source) => {
    const planned = input[planField(source)];
    return planned === null ? [] : [{ source, planned }];
  });
  return prisma.$transaction(async (tx) => {
    const project = await claimProject(tx, input.code, input.version, {});
    const existing = await tx.projectFundingPlan.findMany({ where: { projectId: project.id } });
    const before = Object.fromEntries(existing.map((e) => [auditKey(e.source), e.planned.toString()]));
    const after = Object.fromEntries(rows.map((r) => [auditKey(r.source), storedAmount(r.planned)]));
    assertChanged(before, after);
    await tx.projectFundingPlan.deleteMany({ where: { projectId: project.id } });
    if (rows.length) await tx.projectFundingPlan.createMany({ data: rows.map((r) => ({ projectId: project.id, source: r.source, planned: r.planned })) });
    await writeAudit(tx, actor, {
      action: "project.funding-plan",
      entity: "Project",
      entityId: project.code,
      before: { ...before, version: project.version },
      after: { ...Object.fromEntries(rows.map((r) => [auditKey(r.source), r.planned])), version: project.version + 1 },
    });
    return { sources: rows.length };
  }, TX_OPTIONS);
}
