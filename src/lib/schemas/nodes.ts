// Node records and 入库/纳统 forms: a county's (or the office's) record of a node's actual date
// with its evidence, and a month's 入统数. The office's node plan is milestonesSchema (./project.ts).
import { z } from "zod";
import { amountField, dayField, monthField, textField } from "./common";
import { EVIDENCE_MAX, projectCodeField } from "./project";
import { NODE_KINDS } from "@/domain/node-order";

/** A county (or the office) records that a node was reached: its actual date and the evidence. */
export const nodeRecordSchema = z.object({
  code: projectCodeField,
  kind: z.enum(NODE_KINDS, { error: "节点无效" }),
  /** the node's updatedAt when the form was opened ("" when the node does not exist yet: 入库) */
  stamp: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim()),
  actualDate: dayField("实际完成日期", { notFuture: true }),
  evidence: textField("佐证材料", EVIDENCE_MAX, { required: true }),
});
export type NodeRecordInput = z.infer<typeof nodeRecordSchema>;

/** 入统数: the statistics system's cumulative fixed-asset investment of a project at a month. */
export const statsFigureSchema = z.object({
  code: projectCodeField,
  month: monthField("入统月份").refine((v) => v !== null, "请选择入统月份"),
  cumulativeInvestment: amountField("入统累计投资"),
});
export type StatsFigureInput = z.infer<typeof statsFigureSchema>;
