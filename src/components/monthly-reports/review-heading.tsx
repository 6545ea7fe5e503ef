// The two review queues' heading: 审核月度调度 and 审核效益填报, each linking to the other.
import Link from "next/link";

const QUEUES = {
  reports: { title: "审核月度调度", href: "/review" },
  benefits: { title: "审核效益填报", href: "/review/benefits" },
} as const;

export function ReviewHeading({ queue }: { queue: keyof typeof QUEUES }) {
  const other = QUEUES[queue === "reports" ? "benefits" : "reports"];
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h1 className="text-2xl font-semibold">{QUEUES[queue].title}</h1>
      <Link href={other.href} className="text-sm font-medium text-sky-700 underline underline-offset-2">
        {other.title}
      </Link>
    </div>
  );
}
