// The Excel download next to a list's filters: the same query string as the page, its row cap said.
export function ExportLink({ href, label = "导出Excel", cap, testId }: { href: string; label?: string; cap?: number; testId?: string }) {
  return (
    <a href={href} download className="inline-flex items-center gap-1 whitespace-nowrap text-sm text-sky-700 hover:underline" data-testid={testId}>
      <span aria-hidden>⤓</span>
      {label}
      {cap !== undefined && <span className="text-slate-500">（按当前筛选，最多{cap.toLocaleString("zh-CN")}条）</span>}
    </a>
  );
}
