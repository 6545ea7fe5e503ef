export function FigureCard({
  label,
  declared,
  computed,
  note,
  flag,
  testId,
  declaredLabel = "计划申报",
  computedLabel = "平台已录入项目合计",
}: {
  declaredLabel?: string;
  computedLabel?: string;
  label: string;
  declared: React.ReactNode;
  computed: React.ReactNode;
  note?: React.ReactNode;
  flag?: React.ReactNode;
  testId?: string;
}) {
  return (
    <section data-testid={testId} className={`rounded-lg border bg-white p-4 ${flag ? "border-amber-300" : "border-slate-200"}`} aria-label={label}>
      <h2 className="text-sm font-medium text-slate-500">{label}</h2>
      <dl className="mt-2 grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs text-slate-500">{declaredLabel}</dt>
          <dd className="num text-xl font-semibold" data-testid={testId && `${testId}-declared`}>
            {declared}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{computedLabel}</dt>
          <dd className="num text-xl font-semibold" data-testid={testId && `${testId}-computed`}>
            {computed}
          </dd>
        </div>
      </dl>
      {flag && (
        <p className="mt-3 rounded bg-amber-50 px-2 py-1 text-sm text-amber-800" role="note">
          ⚠ {flag}
        </p>
      )}
      {note && <p className="mt-2 text-xs text-slate-500">{note}</p>}
    </section>
  );
}
