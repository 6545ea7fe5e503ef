"use server";
// Form actions for node records and 入统数: each built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { nodeRecordSchema, statsFigureSchema } from "@/lib/schemas/nodes";
import { recordNode, saveStatsFigure } from "@/server/nodes/service";
import { NODE_KIND_LABEL, type NodeKind } from "@/domain/nodes";
import { formatMonth } from "@/lib/month";

export const recordNodeAction = formAction(nodeRecordSchema, async (actor, input) => {
  const { kind, statsEnteredMonth } = await recordNode(db(), actor, input);
  refreshAll();
  return kind === "STATS_ENTRY" && statsEnteredMonth ? `已登记入库（${formatMonth(statsEnteredMonth)}）。` : `已登记「${NODE_KIND_LABEL[kind as NodeKind]}」完成。`;
});

export const statsFigureAction = formAction(statsFigureSchema, async (actor, input) => {
  await saveStatsFigure(db(), actor, input);
  refreshAll();
  return `已保存${formatMonth(input.month!)}入统数。`;
});
