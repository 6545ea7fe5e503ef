// Admin writes on the generated report's stored text (ReportSection: 一、(一) measures "plan-work",
// 三、下一步工作计划 "next-steps"), per year: add, edit, delete a paragraph. ADMIN only
// (document.edit). Edits are conditional on the paragraph's version (a second editor sees both
// texts, nothing is overwritten); every write is audited in its transaction.
import "server-only";
import type { ReportSection } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/permissions";
import { writeAudit } from "@/server/audit/write";
import { assertChanged } from "@/server/audit/unchanged";
import { type Tx, TX_OPTIONS, isNoMatch } from "@/server/tx";
import { ConflictError, NotFoundError } from "@/server/errors";
import { REPORT_TEXT_KEYS, type DeleteReportSectionInput, type ReportSectionInput, type ReportTextKey } from "@/lib/schemas/report-text";

const snapshot = (year: number, s: Pick<ReportSection, "key" | "title" | "body" | "sortOrder">) => ({
  year,
  section: REPORT_TEXT_KEYS[s.key as ReportTextKey] ?? s.key,
  sortOrder: s.sortOrder,
  title: s.title,
  body: s.body,
});

async function sectionConflict(tx: Tx, current: ReportSection | null, yours: { title?: string; body?: string }): Promise<Error> {
  if (!current) return new NotFoundError("该段落已被他人删除，请刷新页面。");
  const last = await tx.auditLog.findFirst({ where: { entity: "ReportSection", entityId: String(current.id) }, orderBy: { id: "desc" } });
  return new ConflictError("保存冲突：该段落在您打开页面之后已被他人修改。请核对双方内容后刷新页面再保存。", {
    theirs: { title: current.title, body: current.body },
    yours: { title: yours.title ?? null, body: yours.body ?? null },
    by: last?.actor ?? null,
    at: current.updatedAt.toISOString(),
  });
}

/** The section `id` of `year`'s plan, or NotFoundError (a paragraph of another year is not found). */
async function sectionOf(tx: Tx, year: number, id: number): Promise<ReportSection> {
  const section = await tx.reportSection.findFirst({ where: { id, plan: { year } } });
  if (!section) throw new NotFoundError("该段落不存在或已被删除，请刷新页面。");
  return section;
}

/** Adds a paragraph at the end of its section (no id) or edits one (id + the version the form was opened with). */
export async function saveReportSection(prisma: Db, actor: Actor | null, input: ReportSectionInput): Promise<ReportSection> {
  assertCan(actor, "document.edit");
  return prisma.$transaction(async (tx) => {
    if (input.id === null) {
      const plan = await tx.annualPlan.findUnique({ where: { year: input.year }, select: { id: true } });
      if (!plan) throw new NotFoundError(`${input.year}年的年度计划不存在。`);
      const last = await tx.reportSection.aggregate({ where: { planId: plan.id, key: input.key }, _max: { sortOrder: true } });
      const created = await tx.reportSection.create({
        data: { planId: plan.id, key: input.key, sortOrder: (last._max.sortOrder ?? 0) + 1, title: input.title, body: input.body },
      });
      await writeAudit(tx, actor, { action: "report-text.create", entity: "ReportSection", entityId: created.id, after: snapshot(input.year, created) });
      return created;
    }
    const before = await sectionOf(tx, input.year, input.id);
    if (before.version !== input.version) throw await sectionConflict(tx, before, input);
    let after: ReportSection;
    try {
      after = await tx.reportSection.update({
        where: { id: before.id, version: before.version },
        data: { title: input.title, body: input.body, version: { increment: 1 } },
      });
    } catch (e) {
      if (!isNoMatch(e)) throw e;
      throw await sectionConflict(tx, await tx.reportSection.findUnique({ where: { id: before.id } }), input);
    }
    assertChanged(snapshot(input.year, before), snapshot(input.year, after));
    await writeAudit(tx, actor, {
      action: "report-text.update",
      entity: "ReportSection",
      entityId: before.id,
      before: snapshot(input.year, before),
      after: snapshot(input.year, after),
    });
    return after;
  }, TX_OPTIONS);
}

/** Deletes a paragraph, if it is still the version the form was opened with. */
export async function deleteReportSection(prisma: Db, actor: Actor | null, input: DeleteReportSectionInput): Promise<void> {
  assertCan(actor, "document.edit");
  await prisma.$transaction(async (tx) => {
    const before = await sectionOf(tx, input.year, input.id);
    if (before.version !== input.version) throw await sectionConflict(tx, before, {});
    const { count } = await tx.reportSection.deleteMany({ where: { id: before.id, version: before.version } });
    if (count === 0) throw await sectionConflict(tx, await tx.reportSection.findUnique({ where: { id: before.id } }), {});
    await writeAudit(tx, actor, { action: "report-text.delete", entity: "ReportSection", entityId: before.id, before: snapshot(input.year, before) });
  }, TX_OPTIONS);
}
