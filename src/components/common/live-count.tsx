"use client";
// Counts that follow a write made on the page without a reload: a form that approves or returns a
// report says so with bumpLiveCounts, and every count of that name on the page (the review counters,
// the menu's 我的待办 badge) moves at once. When the server renders the page again (`stamp`
// changes) its own count replaces the local adjustment.
import { useEffect, useState } from "react";

const EVENT = "live-counts";

/** Adjusts the counts shown under these names by these amounts, e.g. { "review-SUBMITTED": -1 }. */
export function bumpLiveCounts(changes: Record<string, number>): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: changes }));
}

export function useLiveCount(name: string, base: number, stamp: string): number {
  const [adjusted, setAdjusted] = useState({ stamp, delta: 0 });
  useEffect(() => {
    const on = (e: Event) => {
      const change = (e as CustomEvent<Record<string, number>>).detail[name];
      if (change) setAdjusted((a) => ({ ...a, delta: a.delta + change }));
    };
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, [name]);
  const delta = adjusted.stamp === stamp ? adjusted.delta : 0;
  return Math.max(0, base + delta);
}

/** A number kept in step with the page's writes. */
export function LiveCount({ name, base, stamp }: { name: string; base: number; stamp: string }) {
  return <>{useLiveCount(name, base, stamp)}</>;
}

/** The menu's 我的待办 badge: red while anything waits, capped like the server's count. */
export function TodoBadge({ base, cap, stamp }: { base: number; cap: number; stamp: string }) {
  const count = useLiveCount("todo", base, stamp);
  return (
    <span className={`ml-1 inline-block rounded-full px-1.5 text-xs ${count > 0 ? "bg-red-600 text-white" : "bg-slate-200 text-slate-700"}`} data-testid="todo-count">
      {count > cap ? `${cap}+` : count}
    </span>
  );
}
