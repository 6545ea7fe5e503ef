// 问题台账 forms: shared by the client forms and the server actions.
import { z } from "zod";
import { ISSUE_TEXT_MAX, ISSUE_TITLE_MAX } from "@/lib/text-limits";
import { dayField, idField, optionalAmountField, textField, versionField } from "./common";
import { FUNDING_SOURCES } from "@/domain/funding-sources";
import { ISSUE_SUBCATEGORY_CODES, ISSUE_TOP_CATEGORIES, ISSUE_TOP_CATEGORY_LABEL, issueSubCategory } from "@/domain/issue-categories";

export const ISSUE_CATEGORIES = ISSUE_TOP_CATEGORIES;
export { ISSUE_TEXT_MAX, ISSUE_TITLE_MAX };

const assignFields = {
  responsibleUnit: textField("责任单位", 100),
  responsibleLeader: textField("包保领导", 60),
  dueDate: dayField("办结时限", { optional: true }),
};

/** A step of the 督办 loop: the issue, at the version the form was drawn from, and the step's own fields. */
function issueStep<T extends z.ZodRawShape>(fields: T) {
  return z.object({ issueId: idField("问题无效"), version: versionField, ...fields });
}

export const createIssueSchema = z
  .object({
    /** the project the problem is about; empty for a park-wide problem */
    projectCode: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(z.string().max(40, "项目代码无效")),
    /** the park of a park-wide problem (ignored when a project is given) */
    parkId: z
      .string()
      .optional()
      .transform((s) => (s ? Number(s) : null))
      .refine((n) => n === null || (Number.isInteger(n) && n > 0), "请选择县区园区"),
    /** the top category: optional, the sub-category says it; when given, it must be the sub-category's */
    category: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(ISSUE_CATEGORIES, { error: "请选择问题类别" }).optional()),
    /** 问题类别 › 具体问题: one code of src/domain/issue-categories.ts */
    subCategory: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.enum(ISSUE_SUBCATEGORY_CODES as [string, ...string[]], {
        error: (iss) => (iss.input === "" || iss.input === undefined || iss.input === null ? "请选择问题类别" : "没有这个问题类别，请从列表中选择"),
      }),
    ),
    title: textField("问题标题", ISSUE_TITLE_MAX, { required: true }),
    description: textField("问题描述", ISSUE_TEXT_MAX, { required: true }),
    raisedDate: dayField("提出日期", { optional: true, notFuture: true }),
    /** 资金问题 only: the source the problem concerns and the amount short (资金缺口, 万元), both optional */
    fundingSource: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(FUNDING_SOURCES, { error: "没有这个资金来源，请从列表中选择" }).optional()),
    fundingGap: optionalAmountField("资金缺口"),
    ...assignFields,
  })
  .superRefine((v, ctx) => {
    if (v.projectCode === "" && v.parkId === null) {
      ctx.addIssue({ code: "custom", path: ["projectCode"], message: "请选择问题所属的项目或县区园区" });
    }
    const sub = issueSubCategory(v.subCategory);
    if (sub && v.category && sub.category !== v.category) {
      ctx.addIssue({ code: "custom", path: ["subCategory"], message: `「${ISSUE_TOP_CATEGORY_LABEL[v.category]}」下没有「${sub.label}」，请从列表中选择` });
    }
    if ((v.fundingSource || v.fundingGap !== null) && sub && sub.category !== "FUNDING") {
      ctx.addIssue({
        code: "custom",
        path: [v.fundingSource ? "fundingSource" : "fundingGap"],
        message: "资金来源和资金缺口只用于“资金问题”类别：请改选资金问题下的类别，或清空这两项",
      });
    }
    if (v.dueDate && v.raisedDate && v.dueDate < v.raisedDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "办结时限不能早于提出日期" });
    }
  });
/** The form's input; the top category is the sub-category's (`issueSubCategory(subCategory).category`). */
export type CreateIssueInput = z.infer<typeof createIssueSchema>;

/** 交办: the responsible unit, its 包保领导 and the deadline are all required. */
export const assignIssueSchema = issueStep({
  responsibleUnit: textField("责任单位", 100, { required: true }),
  responsibleLeader: textField("包保领导", 60, { required: true }),
  dueDate: dayField("办结时限"),
});
export type AssignIssueInput = z.infer<typeof assignIssueSchema>;

/** 签收: the unit acknowledges, optionally with a note (e.g. who handles it). */
export const acknowledgeIssueSchema = issueStep({
  note: textField("签收说明", ISSUE_TEXT_MAX),
});
export type AcknowledgeIssueInput = z.infer<typeof acknowledgeIssueSchema>;

/** 反馈: the unit reports the issue done, saying what was done. */
export const feedbackIssueSchema = issueStep({
  feedback: textField("办理结果", ISSUE_TEXT_MAX, { required: true }),
});
export type FeedbackIssueInput = z.infer<typeof feedbackIssueSchema>;

/** 复核: accept (办结) or send back to 办理 with a reason. */
export const reviewIssueSchema = issueStep({
  decision: z.enum(["accept", "return"], { error: "请选择复核结论" }),
  comment: textField("复核意见", ISSUE_TEXT_MAX),
  closedDate: dayField("办结日期", { optional: true, notFuture: true }),
}).superRefine((v, ctx) => {
  if (v.decision === "return" && v.comment === "") ctx.addIssue({ code: "custom", path: ["comment"], message: "退回重办须填写复核意见（退回原因）" });
});
export type ReviewIssueInput = z.infer<typeof reviewIssueSchema>;

export const issueProgressSchema = issueStep({
  text: textField("办理进展", ISSUE_TEXT_MAX, { required: true }),
  /** 资金问题 only: the amount still short now (万元), when it changed; empty keeps it */
  fundingGap: optionalAmountField("资金缺口"),
});
export type IssueProgressInput = z.infer<typeof issueProgressSchema>;

export const closeIssueSchema = issueStep({
  resolution: textField("办结情况", ISSUE_TEXT_MAX, { required: true }),
  closedDate: dayField("办结日期", { optional: true, notFuture: true }),
});
export type CloseIssueInput = z.infer<typeof closeIssueSchema>;
