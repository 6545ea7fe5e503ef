// Admin writes on projects: project facts, metrics, 倒排工期 (planned investment by month) and node
// milestones. ADMIN only (project.manage). Project edits are guarded by Project.version through a
// conditional write (claimProject); every write is audited in its transaction.
import "server-only";
import { Prisma, type Project } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isNoMatch, isUniqueViolation, auditDay as day } from "@/server/tx";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors";
import { dayToDate } from "@/lib/month";
import { nodeOrderErrors } from "@/domain/nodes";
import { MILESTONE_KIND_LABEL, PROJECT_STATUS_LABEL } from "@/lib/labels";
import { MILESTONE_KINDS, parsePlannedMonths, projectMetrics, type MilestonesInput, type PlannedInvestmentInput, type ProjectInput } from "@/lib/schemas/project";

function projectData(input: ProjectInput) {
  return {
    name: input.name,
    parkId: input.parkId,
    enterprise: input.enterprise || null,
    industry: input.industry || null,
    level: input.level || null,
    totalInvestment: input.totalInvestment,
    plannedStartMonth: input.plannedStartMonth,
    actualStartMonth: input.actualStartMonth,
    plannedProductionMonth: input.plannedProductionMonth,
    actualProductionMonth: input.actualProductionMonth,
    status: input.status,
    constructionContent: input.constructionContent,
    expectedOutput: input.expectedOutput,
    expectedOutputAtLeast: input.expectedOutputAtLeast,
    expectedJobs: input.expectedJobs,
    expectedJobsAtLeast: input.expectedJobsAtLeast,
    expectedTax: input.expectedTax,
    expectedTaxAtLeast: input.expectedTaxAtLeast,
    responsibleLeader: input.responsibleLeader || null,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
  };
}

/** What the audit log records of a project (decimals as exact strings). */
function snapshot(p: Project, metrics?: Array<{ name: string; value: { toString(): string } | string; unit: string; qualifier: string | null }>) {
  return {
    code: p.code,
    name: p.name,
    parkId: p.parkId,
    enterprise: p.enterprise,
    industry: p.industry,
    level: p.level,
    totalInvestment: p.totalInvestment.toString(),
    plannedStartMonth: p.plannedStartMonth,
    actualStartMonth: p.actualStartMonth,
    plannedProductionMonth: p.plannedProductionMonth,
    actualProductionMonth: p.actualProductionMonth,
    status: p.status,
    constructionContent: p.constructionContent,
    expectedOutput: p.expectedOutput?.toString() ?? null,
    expectedOutputAtLeast: p.expectedOutputAtLeast,
    expectedJobs: p.expectedJobs,
    expectedJobsAtLeast: p.expectedJobsAtLeast,
    expectedTax: p.expectedTax?.toString() ?? null,
    expectedTaxAtLeast: p.expectedTaxAtLeast,
    responsibleLeader: p.responsibleLeader,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    version: p.version,
    ...(metrics ? { metrics: metrics.map((m) => `${m.name} ${m.qualifier ?? ""}${m.value.toString()}${m.unit}`) } : {}),
  };
}

async function checkPark(prisma: Db | Tx, parkId: number) {
  if (!(await prisma.park.findUnique({ where: { id: parkId } }))) throw new ValidationError({ parkId: ["县区园区不存在"] });
}

async function projectConflict(tx: Tx, project: Project, version: number, yours: Record<string, string | null>): Promise<ConflictError> {
  const last = await tx.auditLog.findFirst({ where: { entity: "Project", entityId: project.code }, orderBy: { id: "desc" } });
  return new ConflictError("保存冲突：该项目在您打开页面之后已被他人修改。请核对双方数值后刷新页面再保存。", {
    theirs: {
      name: project.name,
      totalInvestment: project.totalInvestment.toString(),
      status: PROJECT_STATUS_LABEL[project.status],
      version: String(project.version),
    },
    yours: { ...yours, version: String(version) },
    by: last?.actor ?? null,
    at: project.updatedAt.toISOString(),
  });
}

/**
 * Conditional write at the start of an edit: moves the project's version on only if it is still
 * the one the form was opened with (which also holds the row for the rest of the transaction);
 * otherwise a conflict. Returns the project as it was before the edit.
 */
export async function claimProject(tx: Tx, code: string, version: number, yours: Record<string, string | null>): Promise<Project> {
  const before = await tx.project.findUnique({ where: { code } });
  if (!before) throw new NotFoundError(`项目代码「${code}」不存在。`);
  if (before.version !== version) throw await projectConflict(tx, before, version, yours);
  try {
    await tx.project.update({ where: { id: before.id, version }, data: { version: { increment: 1 } } });
  } catch (e) {
    if (!isNoMatch(e)) throw e;
    const current = await tx.project.findUnique({ where: { id: before.id } });
    throw current ? await projectConflict(tx, current, version, yours) : new NotFoundError(`项目代码「${code}」不存在。`);
  }
  return before;
}

export async function createProject(prisma: Db, actor: Actor | null, input: ProjectInput): Promise<Project> {
  assertCan(actor, "project.manage");
  await checkPark(prisma, input.parkId);
  const taken = () => new ValidationError({ code: [`项目代码「${input.code}」已被使用：项目代码终身唯一，请核对`] });
  if (await prisma.project.findUnique({ where: { code: input.code } })) throw taken();
  const metrics = projectMetrics(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const project = await tx.project.create({ data: { code: input.code, ...projectData(input), metrics: { create: metrics } } });
      await writeAudit(tx, actor, { action: "project.create", entity: "Project", entityId: project.code, after: snapshot(project, metrics) });
      return project;
    }, TX_OPTIONS);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

export async function updateProject(prisma: Db, actor: Actor | null, input: ProjectInput): Promise<Project> {
  assertCan(actor, "project.manage");
  await checkPark(prisma, input.parkId);
  const metrics = projectMetrics(input);
  return prisma.$transaction(async (tx) => {
    const before = await claimProject(tx, input.code, input.version, {
      name: input.name,
      totalInvestment: input.totalInvestment,
      status: PROJECT_STATUS_LABEL[input.status],
    });
    const beforeMetrics = await tx.projectMetric.findMany({ where: { projectId: before.id }, orderBy: { sortOrder: "asc" } });
    await tx.projectMetric.deleteMany({ where: { projectId: before.id } });
    const after = await tx.project.update({
      where: { id: before.id },
      data: { ...projectData(input), metrics: { create: metrics } },
    });
    // nothing changed (as stored): no write, no entry — the transaction is rolled back
    const afterMetrics = await tx.projectMetric.findMany({ where: { projectId: before.id }, orderBy: { sortOrder: "asc" } });
    assertChanged(snapshot(before, beforeMetrics), snapshot(after, afterMetrics));
    await writeAudit(tx, actor, {
      action: "project.update",
      entity: "Project",
      entityId: before.code,
      before: snapshot(before, beforeMetrics),
      after: snapshot(after, metrics),
    });
    return after;
  }, TX_OPTIONS);
}

/** 倒排工期: replaces the project's planned cumulative investment for the months of `year`. */
export async function savePlannedInvestment(prisma: Db, actor: Actor | null, input: PlannedInvestmentInput) {
  assertCan(actor, "project.manage");
  const { rows, errors } = parsePlannedMonths(input);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return prisma.$transaction(async (tx) => {
    const project = await claimProject(tx, input.code, input.version, {});
    const months = rows.map((r) => r.month);
    const existing = await tx.plannedInvestment.findMany({ where: { projectId: project.id }, orderBy: { month: "asc" } });
    // the year's figures must also not fall below the last month before it, nor rise above the next year's first
    const earlier = existing.filter((e) => e.month < `${input.year}-01`).at(-1);
    const later = existing.find((e) => e.month > `${input.year}-12`);
    if (rows.length && earlier && new Prisma.Decimal(rows[0].cumulative).lessThan(earlier.cumulativePlanned)) {
      throw new ValidationError({ [`m_${rows[0].month}`]: [`计划累计投资不能少于${earlier.month}的 ${earlier.cumulativePlanned.toString()}万元`] });
    }
    if (rows.length && later && new Prisma.Decimal(rows.at(-1)!.cumulative).greaterThan(later.cumulativePlanned)) {
      throw new ValidationError({ [`m_${rows.at(-1)!.month}`]: [`计划累计投资不能多于${later.month}的 ${later.cumulativePlanned.toString()}万元`] });
    }
    const inYear = existing.filter((e) => e.month.startsWith(`${input.year}-`));
    await tx.plannedInvestment.deleteMany({ where: { projectId: project.id, month: { startsWith: `${input.year}-` } } });
    if (rows.length) {
      await tx.plannedInvestment.createMany({ data: rows.map((r) => ({ projectId: project.id, month: r.month, cumulativePlanned: r.cumulative })) });
    }
    const updated = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
    assertChanged(Object.fromEntries(inYear.map((e) => [e.month, e.cumulativePlanned.toString()])), Object.fromEntries(rows.map((r) => [r.month, storedAmount(r.cumulative)])));
    await writeAudit(tx, actor, {
      action: "project.planned-investment",
      entity: "Project",
      entityId: project.code,
      before: { year: input.year, months: Object.fromEntries(inYear.map((e) => [e.month, e.cumulativePlanned.toString()])), version: project.version },
      after: { year: input.year, months: Object.fromEntries(rows.map((r) => [r.month, r.cumulative])), version: updated.version },
    });
    return { months: months.length };
  }, TX_OPTIONS);
}

/**
 * 节点计划: the office's plan of the project's typical nodes — planned date, 责任单位, 责任人,
 * actual date and its evidence — checked by the one order rule (src/domain/nodes.ts). The 入库
 * node's actual date is the project's 入库 (statsEnteredMonth), kept in step here and in
 * src/server/nodes/service.ts.
 */
export async function saveMilestones(prisma: Db, actor: Actor | null, input: MilestonesInput) {
  assertCan(actor, "project.manage");
  const record = input as unknown as Record<string, string | null>;
  const nodes = MILESTONE_KINDS.map((kind) => ({ kind, planned: record[`planned_${kind}`], actual: record[`actual_${kind}`] }));
  const current = await prisma.project.findUnique({ where: { code: input.code }, select: { actualStartMonth: true } });
  if (!current) throw new NotFoundError(`项目代码「${input.code}」不存在。`);
  const errors: FieldErrors = nodeOrderErrors(nodes, current.actualStartMonth);
  for (const kind of MILESTONE_KINDS) {
    const filled = ["unit", "person", "evidence"].some((f) => record[`${f}_${kind}`]);
    if (filled && !record[`planned_${kind}`] && !record[`actual_${kind}`]) {
      errors[`planned_${kind}`] = [`请填写「${MILESTONE_KIND_LABEL[kind]}」的计划日期`];
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return prisma.$transaction(async (tx) => {
    const project = await claimProject(tx, input.code, input.version, {});
    const existing = await tx.milestone.findMany({ where: { projectId: project.id, kind: { in: [...MILESTONE_KINDS] } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const node = (m: { plannedDate: Date | null; actualDate: Date | null; responsibleUnit: string | null; responsiblePerson: string | null; evidence: string | null }) => ({
      planned: day(m.plannedDate),
      actual: day(m.actualDate),
      unit: m.responsibleUnit,
      person: m.responsiblePerson,
      evidence: m.evidence,
    });
    for (const [index, kind] of MILESTONE_KINDS.entries()) {
      const name = MILESTONE_KIND_LABEL[kind];
      const planned = record[`planned_${kind}`];
      const actual = record[`actual_${kind}`];
      const current = existing.find((m) => m.kind === kind);
      if (current) before[name] = node(current);
      if (!planned && !actual) {
        if (current) await tx.milestone.delete({ where: { id: current.id } });
        continue;
      }
      const data = {
        plannedDate: planned ? dayToDate(planned) : null,
        actualDate: actual ? dayToDate(actual) : null,
        responsibleUnit: record[`unit_${kind}`] || null,
        responsiblePerson: record[`person_${kind}`] || null,
        evidence: record[`evidence_${kind}`] || null,
      };
      after[name] = node(data);
      const actualChanged = (current ? day(current.actualDate) : null) !== actual;
      const stamp = actualChanged ? { actualRecordedById: actual ? actor.id : null, actualRecordedAt: actual ? new Date() : null } : {};
      if (current) await tx.milestone.update({ where: { id: current.id }, data: { ...data, ...stamp } });
      else await tx.milestone.create({ data: { projectId: project.id, kind, name, sortOrder: index, ...data, ...stamp } });
    }
    // the 入库 node's actual date is the project's 入库 month: set it when given, clear it only when
    // the node's recorded date is removed (a plan without a 入库 node leaves 入库 as it is)
    const hadEntry = existing.some((m) => m.kind === "STATS_ENTRY" && m.actualDate !== null);
    const entered = record.actual_STATS_ENTRY ? record.actual_STATS_ENTRY.slice(0, 7) : hadEntry ? null : project.statsEnteredMonth;
    if (entered !== project.statsEnteredMonth) {
      await tx.project.update({
        where: { id: project.id },
        data: { statsEnteredMonth: entered, statsRecordedById: entered ? actor.id : null, statsRecordedAt: entered ? new Date() : null },
      });
    }
    const updated = await tx.project.findUniqueOrThrow({ where: { id: project.id } });
    assertChanged(before, after);
    await writeAudit(tx, actor, {
      action: "project.milestones",
      entity: "Project",
      entityId: project.code,
      before: { ...before, statsEnteredMonth: project.statsEnteredMonth, version: project.version },
      after: { ...after, statsEnteredMonth: entered, version: updated.version },
    });
    return updated;
  }, TX_OPTIONS);
}
