"use server";
// 调度期 actions: publish, re-open (with a reason), open / change the deadline.
import { revalidatePath } from "next/cache";
import { db } from "@/server/db";
import { formAction, type ActionState } from "@/server/actions/safe-action";
import { openPeriodSchema, publishPeriodSchema, reopenPeriodSchema } from "@/lib/schemas/period";
import { periodTitle } from "@/lib/periods";
import { openPeriod, publishPeriod, reopenPeriod } from "./service";

const publish = formAction(publishPeriodSchema, async (actor, input) => {
  const { publicationNo, projects } = await publishPeriod(db(), actor, input);
  revalidatePath("/", "layout");
  return `${periodTitle(input.month)}已发布（第${publicationNo}次发布，${projects}个项目）。领导看到的数据已更新。`;
});

const reopen = formAction(reopenPeriodSchema, async (actor, input) => {
  await reopenPeriod(db(), actor, input);
  revalidatePath("/", "layout");
  return `${periodTitle(input.month)}已重新开放。更正并审核后请再次发布；发布前领导仍看到上次发布的数据。`;
});

const open = formAction(openPeriodSchema, async (actor, input) => {
  await openPeriod(db(), actor, input);
  revalidatePath("/periods", "layout");
  return `${periodTitle(input.month)}已开放，报送截止 ${input.deadline}。`;
});

export async function publishPeriodAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return publish(prev, formData);
}

export async function reopenPeriodAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return reopen(prev, formData);
}

export async function openPeriodAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return open(prev, formData);
}
