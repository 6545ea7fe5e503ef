"use server";
// Form actions for the issue ledger: each is built by the one action wrapper (src/server/safe-action.ts).
import { db } from "@/server/db";
import { formAction, refreshAll } from "@/server/safe-action";
import { assignIssueSchema, closeIssueSchema, createIssueSchema, issueProgressSchema } from "@/lib/schemas/issue";
import { addIssueProgress, assignIssue, closeIssue, createIssue } from "@/server/issues/service";

export const createIssueAction = formAction(createIssueSchema, async (actor, input) => {
  const issue = await createIssue(db(), actor, input);
  refreshAll();
  return `已登记问题「${issue.title}」（编号 ${issue.id}）。`;
});

export const assignIssueAction = formAction(assignIssueSchema, async (actor, input) => {
  await assignIssue(db(), actor, input);
  refreshAll();
  return "已保存交办信息。";
});

export const issueProgressAction = formAction(issueProgressSchema, async (actor, input) => {
  await addIssueProgress(db(), actor, input);
  refreshAll();
  return "已记录办理进展，状态为“办理中”。";
});

export const closeIssueAction = formAction(closeIssueSchema, async (actor, input) => {
  await closeIssue(db(), actor, input);
  refreshAll();
  return "问题已办结。";
});
