// Node records and 入库/纳统 writes. A county records, for its own park's projects, that a node
// was reached (actual date + evidence; the 入库 node also sets the project's 入库 month) and the
// month's 入统数; the office may do both for every park (node.record). The node plan itself —
// planned dates and owners — is the office's (saveMilestones in src/server/projects/service.ts).
// Every write checks permission first, runs in one transaction and is audited there.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { TX_OPTIONS, auditDay as day, isUniqueViolation } from "@/server/tx";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { dayToDate, formatMonth } from "@/lib/month";
import { NODE_KINDS, NODE_KIND_LABEL, nodeOrderErrors, type NodeKind, isDueForStatsEntry } from "@/domain/nodes";
import type { NodeRecordInput, StatsFigureInput } from "@/lib/schemas/nodes";

/** The project of a write, after the permission check on its park (nothing revealed before). */
async function projectFor(prisma: Db, actor: Actor | null, code: string) {
  const project = await prisma.project.findUnique({
    where: { code },
    select: { id: true, code: true, parkId: true, actualStartMonth: true, totalInvestment: true, statsEnteredMonth: true },
  });
  if (!project) {
    assertCan(actor, "node.record", { parkId: -1 });
    throw new NotFoundError(`项目代码「${code}」不存在。`);
  }
  assertCan(actor, "node.record", { parkId: project.parkId });
  return project;
}

/**
 * Records that a node was reached: its actual date and evidence. The order rule holds against
 * the project's other nodes. The 入库 node is created when the plan has none, and its date sets
 * the project's 入库 month. Guarded by the node's updatedAt (the form's stamp).
 */
export async function recordNode(prisma: Db, actor: Actor | null, input: NodeRecordInput) {
  const project = await projectFor(prisma, actor, input.code);
  const kind = input.kind as NodeKind;
  if (kind === "STATS_ENTRY" && !isDueForStatsEntry(project.totalInvestment)) {
    throw new ValidationError({ actualDate: ["总投资不足500万元的项目不纳入固定资产投资统计，无需登记入库"] });
  }
  return prisma.$transaction(async (tx) => {
    const nodes = await tx.milestone.findMany({ where: { projectId: project.id, kind: { in: [...NODE_KINDS] } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    const node = nodes.find((m) => m.kind === kind);
    if (!node && kind !== "STATS_ENTRY") throw new NotFoundError(`该项目的节点计划中没有「${NODE_KIND_LABEL[kind]}」节点，请联系园区管理员。`);
    if (node && node.updatedAt.toISOString() !== input.stamp) {
      throw new ConflictError("保存冲突：该节点在您打开页面之后已被他人修改。请刷新页面核对后再登记。", {
        theirs: { actualDate: day(node.actualDate), evidence: node.evidence },
        yours: { actualDate: input.actualDate, evidence: input.evidence },
        by: null,
        at: node.updatedAt.toISOString(),
      });
    }
    const dates = NODE_KINDS.map((k) => {
      const m = nodes.find((n) => n.kind === k);
      return { kind: k, planned: null, actual: k === kind ? input.actualDate : day(m?.actualDate) };
    });
    const problem = nodeOrderErrors(dates, project.actualStartMonth)[`actual_${kind}`];
    if (problem) throw new ValidationError({ actualDate: problem });
    const before = { node: NODE_KIND_LABEL[kind], actualDate: day(node?.actualDate), evidence: node?.evidence ?? null };
    const after = { node: NODE_KIND_LABEL[kind], actualDate: input.actualDate, evidence: input.evidence };
    assertChanged(before, after);
    const data = { actualDate: dayToDate(input.actualDate!), evidence: input.evidence, actualRecordedById: actor!.id, actualRecordedAt: new Date() };
    if (node) {
      const { count } = await tx.milestone.updateMany({ where: { id: node.id, updatedAt: node.updatedAt }, data });
      if (count !== 1) throw new ConflictError("保存冲突：该节点在您打开页面之后已被他人修改。请刷新页面核对后再登记。");
    } else {
      await tx.milestone.create({ data: { projectId: project.id, kind, name: NODE_KIND_LABEL[kind], sortOrder: NODE_KINDS.indexOf(kind), ...data } });
    }
    let statsEnteredMonth = project.statsEnteredMonth;
    if (kind === "STATS_ENTRY") {
      statsEnteredMonth = input.actualDate!.slice(0, 7);
      await tx.project.update({
        where: { id: project.id },
        data: { statsEnteredMonth, statsRecordedById: actor!.id, statsRecordedAt: new Date() },
      });
    }
    await writeAudit(tx, actor, {
      action: "node.record",
      entity: "Project",
      entityId: project.code,
      before: kind === "STATS_ENTRY" ? { ...before, statsEnteredMonth: project.statsEnteredMonth } : before,
      after: kind === "STATS_ENTRY" ? { ...after, statsEnteredMonth } : after,
    });
    return { kind, statsEnteredMonth };
  }, TX_OPTIONS);
}

/**
 * 入统数: the statistics system's cumulative investment of a project at a month, kept apart from
 * the 调度数. Only after 入库 ("先入库，后有数"), never for a future month; a month's figure may
 * be corrected (the audit log keeps the earlier one).
 */
export async function saveStatsFigure(prisma: Db, actor: Actor | null, input: StatsFigureInput) {
  const project = await projectFor(prisma, actor, input.code);
  const month = input.month!;
  if (project.statsEnteredMonth === null) {
    throw new ValidationError({ month: ["该项目尚未登记入库：先入库，后有入统数"] });
  }
  if (month < project.statsEnteredMonth) {
    throw new ValidationError({ month: [`入统月份不能早于入库月份（${formatMonth(project.statsEnteredMonth)}）`] });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.projectStatsFigure.findUnique({ where: { projectId_month: { projectId: project.id, month } } });
      const before = existing ? { month, statsCumulative: existing.cumulativeInvestment.toString() } : null;
      const after = { month, statsCumulative: storedAmount(input.cumulativeInvestment) };
      if (before) assertChanged(before, after);
      if (existing) {
        await tx.projectStatsFigure.update({ where: { id: existing.id }, data: { cumulativeInvestment: input.cumulativeInvestment, recordedById: actor!.id } });
      } else {
        await tx.projectStatsFigure.create({ data: { projectId: project.id, month, cumulativeInvestment: input.cumulativeInvestment, recordedById: actor!.id } });
      }
      await writeAudit(tx, actor, {
        action: "project.stats-figure",
        entity: "Project",
        entityId: project.code,
        before,
        after: { month, statsCumulative: input.cumulativeInvestment },
      });
      return { month };
    }, TX_OPTIONS);
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("保存冲突：该月入统数刚被他人登记，请刷新页面核对。");
    throw e;
  }
}
