"use server";
// 调度期 actions, each built by the one action wrapper (src/server/safe-action.ts): publish,
// re-open (with a reason), open / change the deadline.
import { db } from "@/server/db";
import { clientAddress } from "@/server/auth/current";
import { formAction, refreshAll } from "@/server/safe-action";
import { declineCorrectionSchema, openPeriodSchema, publishPeriodSchema, reopenPeriodSchema, requestCorrectionSchema } from "@/lib/schemas/period";
import { periodTitle } from "@/domain/periods";
import { formatMonth } from "@/lib/month";
import { declineCorrection, openPeriod, publishPeriod, reopenPeriod, requestCorrection } from "./service";

export const publishPeriodAction = formAction(publishPeriodSchema, async (actor, input) => {
  const { publicationNo, projects } = await publishPeriod(db(), actor, input);
  refreshAll();
  // the period page then shows the month as published, with its 通报 (the form itself gives way to re-opening)
  return `${periodTitle(input.month)}已发布（第${publicationNo}次发布，${projects}个项目）。领导看到的数据已更新。`;
});

export const reopenPeriodAction = formAction(reopenPeriodSchema, async (actor, input) => {
  const { corrections } = await reopenPeriod(db(), actor, input, { address: await clientAddress() });
  refreshAll();
  const answered = corrections > 0 ? `${corrections}个更正申请已答复为“已重新开放”。` : "";
  return `${periodTitle(input.month)}已重新开放。${answered}更正并审核后请再次发布；发布前领导仍看到上次发布的数据。`;
});

export const openPeriodAction = formAction(openPeriodSchema, async (actor, input) => {
  await openPeriod(db(), actor, input);
  refreshAll();
  return `${periodTitle(input.month)}已开放，报送截止 ${input.deadline}。`;
});

export const requestCorrectionAction = formAction(requestCorrectionSchema, async (actor, input) => {
  await requestCorrection(db(), actor, input);
  refreshAll();
  return `已向园区申请更正${formatMonth(input.month)}的数据。园区重新开放后即可修改；如不同意，答复会显示在这里和您的待办中。`;
});

export const declineCorrectionAction = formAction(declineCorrectionSchema, async (actor, input) => {
  await declineCorrection(db(), actor, input);
  refreshAll();
  return "已答复不同意，县区将在待办和填报页看到您的答复。";
});
