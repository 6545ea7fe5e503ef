// Technical facts an administrator may need (a setting's name, a file's checksum, an error's
// number) folded behind 详情, so the text officials read stays plain Chinese.
export function TechDetails({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <details className="text-xs text-slate-500" data-testid={testId}>
      <summary className="cursor-pointer select-none hover:text-slate-700">详情</summary>
      <div className="mt-1 break-all">{children}</div>
    </details>
  );
}
