"use server";
// 调度期 actions, each built by the one action wrapper (src/server/safe-action.ts): publish,
// re-open (with a reason), open / change the deadline.
import { db } from "@/server/db";
import { clientAddress } from "@/server/auth/current";
import { formAction, refreshAll } from "@/server/safe-action";
import { openPeriodSchema, publishPeriodSchema, reopenPeriodSchema } from "@/lib/schemas/period";
import { periodTitle } from "@/domain/periods";
import { openPeriod, publishPeriod, reopenPeriod } from "./service";

export const publishPeriodAction = formAction(publishPeriodSchema, async (actor, input) => {
  const { publicationNo, projects } = await publishPeriod(db(), actor, input);
  refreshAll();
  return `${periodTitle(input.month)}已发布（第${publicationNo}次发布，${projects}个项目）。领导看到的数据已更新。`;
});

export const reopenPeriodAction = formAction(reopenPeriodSchema, async (actor, input) => {
  await reopenPeriod(db(), actor, input, { address: await clientAddress() });
  refreshAll();
  return `${periodTitle(input.month)}已重新开放。更正并审核后请再次发布；发布前领导仍看到上次发布的数据。`;
});

export const openPeriodAction = formAction(openPeriodSchema, async (actor, input) => {
  await openPeriod(db(), actor, input);
  refreshAll();
  return `${periodTitle(input.month)}已开放，报送截止 ${input.deadline}。`;
});
