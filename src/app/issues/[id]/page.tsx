import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getIssue } from "@/server/issues/queries";
import { IssueEscalationNotice, IssueFacts, IssueHeader, IssueStepSections, IssueUpdates } from "@/components/issues/issue-sections";
import { businessDate } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "问题详情" };

export default async function IssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("data.read", `/issues/${id}`);
  if (!/^[0-9]{1,9}$/.test(id)) notFound();
  const today = businessDate();
  const issue = await getIssue(db(), Number(id), today);
  if (!issue) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <IssueHeader issue={issue} />
      <IssueEscalationNotice issue={issue} />
      <IssueFacts issue={issue} />
      <IssueStepSections issue={issue} actor={actor} today={today} />
      <IssueUpdates issue={issue} />
    </div>
  );
}
