import Link from "next/link";

/**
 * A published figure that opens what composes it (/figures/explain): the figure itself is the
 * link, underlined with dots so that it still reads as a figure.
 */
export function ExplainLink({ href, children, testId, label = "查看构成" }: { href: string; children: React.ReactNode; testId?: string; label?: string }) {
  return (
    <Link href={href} title={label} data-testid={testId} className="decoration-slate-400 decoration-dotted underline-offset-4 hover:text-blue-700 hover:underline underline">
      {children}
    </Link>
  );
}
