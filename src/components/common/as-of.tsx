import { formatMonth } from "@/lib/month";

/** How fresh a figure is: the month it is as of, and whether only submitted (not yet approved) figures are in it. */
export function AsOf({ month, submittedOnly = 0, demo = false, testId }: { month: string | null; submittedOnly?: number; demo?: boolean; testId?: string }) {
  if (!month) return <span className="text-xs text-amber-700" data-testid={testId}>尚无月度数据</span>;
  return (
    <span className="text-xs text-slate-500" data-testid={testId}>
      截至{formatMonth(month)}·{submittedOnly > 0 ? `含${submittedOnly}个已提交待审核数据` : "已审核数据"}
      {demo && "·含演示数据"}
    </span>
  );
}
