import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePermission } from "@/server/auth/current";
import { todoRole } from "@/server/todo/queries";
import { IssueTodos } from "@/components/todo/issue-todos";
import { PlanChecksSection } from "@/components/todo/plan-checks";
import {
  BenefitTodoSection,
  CorrectionsSection,
  NodesSection,
  NotEnteredSection,
  PublishSection,
  PublishedSection,
  ReturnedSection,
  ReviewSection,
  ToReportSection,
  TodoSkeleton,
} from "@/components/todo/sections";
import { businessDate, formatDay, dayToDate } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "我的待办" };

// 我的待办: the landing page of county staff and admins (leaders land on the overview). Sections
// stream in as each has fetched its own data.
export default async function TodoPage() {
  const actor = await requirePermission("todo.read", "/todo");
  const { countyParkId, office } = todoRole(actor);
  const today = businessDate();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">我的待办</h1>
        <p className="text-sm text-slate-600">
          截至{formatDay(dayToDate(today))} ·{" "}
          <Link href="/overview" className="text-sky-700 underline underline-offset-2">
            查看驾驶舱
          </Link>
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {countyParkId !== null && (
          <>
            <Suspense fallback={<TodoSkeleton label="已发布月份" />}>
              <PublishedSection parkId={countyParkId} />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="待填报" />}>
              <ToReportSection parkId={countyParkId} today={today} />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="退回的月报" />}>
              <ReturnedSection parkId={countyParkId} />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="节点" />}>
              <NodesSection parkId={countyParkId} today={today} />
            </Suspense>
            <Suspense fallback={null}>
              <BenefitTodoSection parkId={countyParkId} />
            </Suspense>
          </>
        )}
        {office && (
          <>
            <Suspense fallback={<TodoSkeleton label="待审核月报" />}>
              <ReviewSection />
            </Suspense>
            <Suspense fallback={null}>
              <BenefitTodoSection />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="更正申请" />}>
              <CorrectionsSection />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="调度期" />}>
              <PublishSection />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="超期节点" />}>
              <NodesSection today={today} only="overdue" />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="入库" />}>
              <NotEnteredSection today={today} />
            </Suspense>
            <Suspense fallback={<TodoSkeleton label="计划数据核对" />}>
              <PlanChecksSection />
            </Suspense>
          </>
        )}
        <div className="lg:col-span-2">
          <Suspense fallback={<TodoSkeleton label="问题督办" />}>
            <IssueTodos actor={actor} today={today} />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
