"use client";
// What a date or month input expects, said beside its label in the order the browser shows its
// fields: a Chinese browser shows 年/月/日, an English one mm/dd/yyyy, so the hint follows the
// browser's language (navigator.language, which the date picker follows too) and gives an example.
// Rendered on the server in Chinese order; the browser corrects it after loading if it differs.
import { useSyncExternalStore } from "react";

type Kind = "date" | "month";
const PART_NAME: Record<string, string> = { year: "年", month: "月", day: "日" };
const SAMPLE = new Date(2024, 10, 5); // 5 November 2024

/** "年/月/日，如 2024/11/05" in the order and with the separator `locale` writes a date. */
export function formatHintText(kind: Kind, locale: string, short = false): string {
  if (kind === "month" && locale.toLowerCase().startsWith("zh")) return short ? "年-月" : "年-月，如 2024年11月";
  const parts = new Intl.DateTimeFormat(locale, kind === "date" ? { year: "numeric", month: "2-digit", day: "2-digit" } : { year: "numeric", month: "2-digit" }).formatToParts(
    SAMPLE,
  );
  const fields = parts.filter((p) => p.type in PART_NAME);
  const separator = parts.find((p) => p.type === "literal")?.value.trim() || "-";
  const order = fields.map((p) => PART_NAME[p.type]).join(separator);
  return short ? order : `${order}，如 ${fields.map((p) => p.value).join(separator)}`;
}

const subscribe = () => () => {};

export function FormatHint({ type, short = false }: { type: Kind; short?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatHintText(type, navigator.language, short),
    () => formatHintText(type, "zh-CN", short),
  );
  return <span className="ml-1 text-xs font-normal whitespace-nowrap text-slate-500">（{text}）</span>;
}
