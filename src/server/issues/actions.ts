"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/server/db";
import { formAction, type ActionState } from "@/server/safe-action";
import { assignIssueSchema, closeIssueSchema, createIssueSchema, issueProgressSchema } from "@/lib/schemas/issue";
import { addIssueProgress, assignIssue, closeIssue, createIssue } from "@/server/issues/service";

const create = formAction(createIssueSchema, async (actor, input) => {
  const issue = await createIssue(db(), actor, input);
  revalidatePath("/", "layout");
  return `已登记问题「${issue.title}」（编号 ${issue.id}）。`;
});

const assign = formAction(assignIssueSchema, async (actor, input) => {
  await assignIssue(db(), actor, input);
  revalidatePath("/", "layout");
  return "已保存交办信息。";
});

const progress = formAction(issueProgressSchema, async (actor, input) => {
  await addIssueProgress(db(), actor, input);
  revalidatePath("/", "layout");
  return "已记录办理进展，状态为“办理中”。";
});

const close = formAction(closeIssueSchema, async (actor, input) => {
  await closeIssue(db(), actor, input);
  revalidatePath("/", "layout");
  return "问题已办结。";
});

export async function createIssueAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return create(prev, formData);
}

export async function assignIssueAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return assign(prev, formData);
}

export async function issueProgressAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return progress(prev, formData);
}

export async function closeIssueAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return close(prev, formData);
}
