"use server";
// Form actions for the generated report's stored text: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { deleteReportSectionSchema, reportSectionSchema } from "@/lib/schemas/report-text";
import { deleteReportSection, saveReportSection } from "@/server/documents/service";

export const saveReportSectionAction = formAction(reportSectionSchema, async (actor, input) => {
  const saved = await saveReportSection(db(), actor, input);
  refreshAll();
  return input.id === null ? `已新增段落「${saved.title}」。` : `已保存段落「${saved.title}」。`;
});

export const deleteReportSectionAction = formAction(deleteReportSectionSchema, async (actor, input) => {
  await deleteReportSection(db(), actor, input);
  refreshAll();
  return "已删除段落。";
});
