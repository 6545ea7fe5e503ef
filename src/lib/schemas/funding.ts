// The office's 资金计划 form: a project's planned funding per source (万元, optional each).
import { z } from "zod";
import { optionalAmountField, versionField } from "./common";
import { FUNDING_SOURCE_LABEL, FUNDING_SOURCES, type FundingSource } from "@/domain/funding-sources";

/** The form field of a source's planned amount: plan_FISCAL, plan_SPECIAL_BOND, … */
export const planField = (s: FundingSource) => `plan_${s}` as const;

export const fundingPlanSchema = z.object({
  code: z.string().trim().min(1, "缺少项目代码").max(40, "项目代码无效"),
  version: versionField,
  ...(Object.fromEntries(FUNDING_SOURCES.map((s) => [planField(s), optionalAmountField(`${FUNDING_SOURCE_LABEL[s]}计划`)])) as Record<
    `plan_${FundingSource}`,
    ReturnType<typeof optionalAmountField>
  >),
});
export type FundingPlanInput = z.infer<typeof fundingPlanSchema>;
