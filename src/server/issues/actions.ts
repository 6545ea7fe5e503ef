"use server";
// Form actions for the issue ledger and its 督办 loop: each is built by the one action wrapper
// (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formatDay } from "@/lib/month";
import { formAction, refreshAll } from "@/server/safe-action";
import { acknowledgeIssueSchema, assignIssueSchema, closeIssueSchema, createIssueSchema, feedbackIssueSchema, issueProgressSchema, reviewIssueSchema } from "@/lib/schemas/issue";
import { acknowledgeIssue, addIssueProgress, assignIssue, closeIssue, createIssue, feedbackIssue, reviewIssue } from "@/server/issues/service";

export const createIssueAction = formAction(createIssueSchema, async (actor, input) => {
  const issue = await createIssue(db(), actor, input);
  refreshAll();
  return { message: `已登记问题「${issue.title}」（编号 ${issue.id}）。`, link: { href: `/issues/${issue.id}`, label: "查看该问题" } };
});

export const assignIssueAction = formAction(assignIssueSchema, async (actor, input) => {
  const issue = await assignIssue(db(), actor, input);
  refreshAll();
  const what = `责任单位：${issue.responsibleUnit}，办结时限：${issue.dueDate ? formatDay(issue.dueDate) : "未定"}`;
  return issue.status === "ASSIGNED" ? `已交办（${what}），等待责任单位签收。` : `已调整交办信息（${what}）。`;
});

export const acknowledgeIssueAction = formAction(acknowledgeIssueSchema, async (actor, input) => {
  await acknowledgeIssue(db(), actor, input);
  refreshAll();
  return "已签收，状态为“办理中”。";
});

export const issueProgressAction = formAction(issueProgressSchema, async (actor, input) => {
  await addIssueProgress(db(), actor, input);
  refreshAll();
  return "已记录办理进展。";
});

export const feedbackIssueAction = formAction(feedbackIssueSchema, async (actor, input) => {
  await feedbackIssue(db(), actor, input);
  refreshAll();
  return "已反馈办理结果，等待园区复核。";
});

export const reviewIssueAction = formAction(reviewIssueSchema, async (actor, input) => {
  const issue = await reviewIssue(db(), actor, input);
  refreshAll();
  return issue.status === "CLOSED" ? "复核通过，问题已办结。" : "已退回重办，责任单位继续办理。";
});

export const closeIssueAction = formAction(closeIssueSchema, async (actor, input) => {
  await closeIssue(db(), actor, input);
  refreshAll();
  return "问题已办结。";
});
