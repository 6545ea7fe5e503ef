"use client";
// On a phone, something secondary folds behind one button (the filters of a list page behind 筛选,
// the overview's lower sections behind their titles), with chips beside the button saying what is
// in force; from the md breakpoint up, and in print, it is always open and the button hidden.
import { useState } from "react";

export function PhoneFold({
  label,
  openLabel,
  chips = [],
  testId = "fold-toggle",
  className = "",
  children,
}: {
  /** the button's text while folded (e.g. 筛选), and while open (收起筛选) */
  label: string;
  openLabel: string;
  chips?: string[];
  testId?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className={`space-y-2 ${className}`}>
      <div className="flex flex-wrap items-center gap-2 md:hidden print:hidden">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700"
          data-testid={testId}
        >
          {open ? openLabel : chips.length > 0 ? `${label}（${chips.length}项）` : label}
        </button>
        {chips.map((c) => (
          <span key={c} className="rounded-full bg-blue-50 px-2 py-0.5 text-xs text-blue-800" data-testid={`${testId}-chip`}>
            {c}
          </span>
        ))}
      </div>
      <div className={`${open ? "block" : "hidden"} md:block print:block`}>{children}</div>
    </div>
  );
}
