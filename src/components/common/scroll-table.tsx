"use client";
// The frame of a table that may be wider than the screen: it scrolls sideways with its first column
// kept in place (sticky), and when it does overflow it says so — a line "左右滑动查看全部N列" and a
// shadow on the side that has more — so that no column hides behind an unmarked scroll.
import { useEffect, useRef, useState } from "react";

export function ScrollTable({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ overflow: boolean; atEnd: boolean; columns: number }>({ overflow: false, atEnd: true, columns: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const overflow = el.scrollWidth - el.clientWidth > 1;
      const atEnd = el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
      const columns = el.querySelector("tr")?.children.length ?? 0;
      setState((s) => (s.overflow === overflow && s.atEnd === atEnd && s.columns === columns ? s : { overflow, atEnd, columns }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);
  return (
    <div className={className}>
      {state.overflow && (
        <p className="no-print px-2 pb-1 text-xs text-slate-500" data-testid="scroll-cue">
          表格较宽，左右滑动查看全部{state.columns}列 →
        </p>
      )}
      <div className="relative">
        <div ref={ref} className="sticky-first overflow-x-auto" data-overflow={state.overflow ? "true" : "false"}>
          {children}
        </div>
        {state.overflow && !state.atEnd && (
          <div aria-hidden className="no-print pointer-events-none absolute inset-y-0 right-0 w-6 bg-gradient-to-l from-slate-300/60 to-transparent" />
        )}
      </div>
    </div>
  );
}
