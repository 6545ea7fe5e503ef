import Link from "next/link";

/** Where a page sits: linked steps back ("概览 / 县区园区"), then the page itself when it is not the title. */
export function Breadcrumbs({ steps, here }: { steps: Array<{ href: string; label: string }>; here?: string }) {
  return (
    <p className="text-sm text-slate-500">
      {steps.map((s, i) => (
        <span key={s.href}>
          {i > 0 && " / "}
          <Link href={s.href} className="text-blue-700 hover:underline">
            {s.label}
          </Link>
        </span>
      ))}
      {here && ` / ${here}`}
    </p>
  );
}
