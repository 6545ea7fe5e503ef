// Admin writes on annual plans: a new year's plan, its declared figures and targets, and which
// projects are on its list with their annual planned investment. ADMIN only (project.manage).
// Edits are guarded by the plan's updatedAt stamp through a conditional write (claimPlan); every
// write is audited in its transaction.
import "server-only";
import { Prisma, type AnnualPlan } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged, storedAmount } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isNoMatch, isUniqueViolation, auditDay as day } from "@/server/tx";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "@/server/errors";
import { dayToDate } from "@/lib/month";
import type { PlanEntriesInput, PlanInput } from "@/lib/schemas/project";
import { amountField } from "@/lib/schemas/common";

async function planConflict(tx: Tx, plan: AnnualPlan): Promise<ConflictError> {
  const last = await tx.auditLog.findFirst({ where: { entity: "AnnualPlan", entityId: String(plan.year) }, orderBy: { id: "desc" } });
  return new ConflictError("保存冲突：该年度计划在您打开页面之后已被他人修改，请刷新页面后再保存。", {
    theirs: { declaredTotalInvestment: plan.declaredTotalInvestment.toString(), declaredAnnualInvestment: plan.declaredAnnualInvestment.toString() },
    yours: {},
    by: last?.actor ?? null,
    at: plan.updatedAt.toISOString(),
  });
}

/**
 * Conditional write at the start of an edit: moves the plan's updatedAt stamp on only if it is
 * still the one the form was opened with (which also holds the row for the rest of the
 * transaction); otherwise a conflict. Returns the plan as it was before the edit.
 */
async function claimPlan(tx: Tx, year: number, stamp: string): Promise<AnnualPlan> {
  const before = await tx.annualPlan.findUnique({ where: { year } });
  if (!before) throw new NotFoundError(`${year}年的年度计划不存在。`);
  if (before.updatedAt.toISOString() !== new Date(stamp).toISOString()) throw await planConflict(tx, before);
  try {
    await tx.annualPlan.update({ where: { id: before.id, updatedAt: before.updatedAt }, data: { updatedAt: new Date() } });
  } catch (e) {
    if (!isNoMatch(e)) throw e;
    const current = await tx.annualPlan.findUnique({ where: { id: before.id } });
    throw current ? await planConflict(tx, current) : new NotFoundError(`${year}年的年度计划不存在。`);
  }
  return before;
}

const planSnapshot = (p: {
  title: string;
  declaredProjectCount: number;
  declaredTotalInvestment: { toString(): string };
  declaredAnnualInvestment: { toString(): string };
  startDeadline: Date;
  startTargetLabel: string;
  productionDeadline: Date;
  productionTargetLabel: string;
  targetText: string;
}) => ({
  title: p.title,
  declaredProjectCount: p.declaredProjectCount,
  declaredTotalInvestment: p.declaredTotalInvestment.toString(),
  declaredAnnualInvestment: p.declaredAnnualInvestment.toString(),
  startDeadline: day(p.startDeadline),
  startTargetLabel: p.startTargetLabel,
  productionDeadline: day(p.productionDeadline),
  productionTargetLabel: p.productionTargetLabel,
  targetText: p.targetText,
});

/** The plan's declared figures and targets, from the plan form. */
function planFields(input: PlanInput) {
  return {
    title: input.title,
    declaredProjectCount: input.declaredProjectCount,
    declaredTotalInvestment: input.declaredTotalInvestment,
    declaredAnnualInvestment: input.declaredAnnualInvestment,
    startDeadline: dayToDate(input.startDeadline!),
    startTargetLabel: input.startTargetLabel,
    productionDeadline: dayToDate(input.productionDeadline!),
    productionTargetLabel: input.productionTargetLabel,
    targetText: input.targetText,
  };
}

/** A new year's plan (its list is then filled on the plan page). `stamp` is not used. */
export async function createPlan(prisma: Db, actor: Actor | null, input: PlanInput) {
  assertCan(actor, "project.manage");
  if (await prisma.annualPlan.findUnique({ where: { year: input.year } })) {
    throw new ValidationError({ year: [`${input.year}年的年度计划已存在，请在该年计划页修改`] });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const plan = await tx.annualPlan.create({
        data: { year: input.year, ...planFields(input) },
      });
      await writeAudit(tx, actor, { action: "plan.create", entity: "AnnualPlan", entityId: input.year, after: planSnapshot(plan) });
      return plan;
    }, TX_OPTIONS);
  } catch (e) {
    // two admins creating the same year at once: the second is told, not shown an error
    if (isUniqueViolation(e)) {
      throw new ValidationError({ year: [`${input.year}年的年度计划已存在，请在该年计划页修改`] });
    }
    throw e;
  }
}

/** The plan's declared figures, deadlines and target text, as the plan document states them. */
export async function savePlan(prisma: Db, actor: Actor | null, input: PlanInput) {
  assertCan(actor, "project.manage");
  return prisma.$transaction(async (tx) => {
    const before = await claimPlan(tx, input.year, input.stamp);
    const after = await tx.annualPlan.update({
      where: { id: before.id },
      data: planFields(input),
    });
    assertChanged(planSnapshot(before), planSnapshot(after));
    await writeAudit(tx, actor, { action: "plan.update", entity: "AnnualPlan", entityId: input.year, before: planSnapshot(before), after: planSnapshot(after) });
    return after;
  }, TX_OPTIONS);
}

/** Which projects are on the year's list (on_<code>) and their annual planned investment (annual_<code>). */
export async function setPlanEntries(prisma: Db, actor: Actor | null, input: PlanEntriesInput) {
  assertCan(actor, "project.manage");
  const record = input as unknown as Record<string, string>;
  const errors: FieldErrors = {};
  const wanted = new Map<string, string | null>();
  const amount = amountField("年度计划投资");
  for (const key of Object.keys(record)) {
    if (!key.startsWith("on_") || record[key] !== "on") continue;
    const code = key.slice(3);
    const raw = (record[`annual_${code}`] ?? "").trim();
    if (raw === "") {
      wanted.set(code, null);
      continue;
    }
    const parsed = amount.safeParse(raw);
    if (parsed.success) wanted.set(code, parsed.data);
    else errors[`annual_${code}`] = [parsed.error.issues[0].message];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const projects = await prisma.project.findMany({ where: { code: { in: [...wanted.keys()] } }, select: { id: true, code: true } });
  for (const code of wanted.keys()) {
    if (!projects.some((p) => p.code === code)) errors[`on_${code}`] = [`项目代码「${code}」不存在`];
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);

  return prisma.$transaction(async (tx) => {
    const plan = await claimPlan(tx, input.year, input.stamp);
    const existing = await tx.annualPlanEntry.findMany({ where: { planId: plan.id }, include: { project: { select: { code: true } } }, orderBy: { sortOrder: "asc" } });
    const before = Object.fromEntries(existing.map((e) => [e.project.code, e.annualPlannedInvestment?.toString() ?? null]));
    const after = Object.fromEntries(wanted);
    assertChanged(before, Object.fromEntries([...wanted].map(([code, annual]) => [code, storedAmount(annual)])), []);
    const removed = existing.filter((e) => !wanted.has(e.project.code));
    if (removed.length) await tx.annualPlanEntry.deleteMany({ where: { id: { in: removed.map((e) => e.id) } } });
    let sortOrder = Math.max(0, ...existing.map((e) => e.sortOrder));
    for (const p of projects) {
      const annual = wanted.get(p.code) ?? null;
      const current = existing.find((e) => e.projectId === p.id);
      if (current) {
        if ((current.annualPlannedInvestment?.toString() ?? null) !== (annual === null ? null : new Prisma.Decimal(annual).toString())) {
          await tx.annualPlanEntry.update({ where: { id: current.id }, data: { annualPlannedInvestment: annual } });
        }
      } else {
        await tx.annualPlanEntry.create({ data: { planId: plan.id, projectId: p.id, annualPlannedInvestment: annual, sortOrder: ++sortOrder } });
      }
    }
    // the plan's stamp moved with its list (claimPlan), so a second editor of the list sees a conflict
    await writeAudit(tx, actor, { action: "plan.entries", entity: "AnnualPlan", entityId: input.year, before: { entries: before }, after: { entries: after } });
    return { count: wanted.size };
  }, TX_OPTIONS);
}
