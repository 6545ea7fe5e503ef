// The filter bar of the list pages, written once: a GET form of labelled fields (select, search box,
// checkbox), the params it keeps as hidden inputs, a submit button and a reset link.
import Link from "next/link";
import { FormatHint, buttonClass, inputClass } from "@/components/forms/field";
import { PhoneFold } from "./phone-fold";
import { ParkControl, ParkMatches, parkChip } from "./park-field";
import type { ParkFilter } from "@/server/parks/park-filter";

/** An option; consecutive options of one `group` are shown under that heading (an optgroup). */
export type FilterOption = { value: string | number; label: string; group?: string };

function groupOptions(options: readonly FilterOption[]): Array<{ group?: string; options: FilterOption[] }> {
  const out: Array<{ group?: string; options: FilterOption[] }> = [];
  for (const o of options) {
    const last = out[out.length - 1];
    if (last && last.group === o.group) last.options.push(o);
    else out.push({ group: o.group, options: [o] });
  }
  return out;
}

export type FilterField =
  | {
      kind: "select";
      name: string;
      label: string;
      options: readonly FilterOption[];
      value: string | number | undefined;
      /** the text of a first option with an empty value ("全部"), or none */
      all?: string;
    }
  | { kind: "search"; name: string; label: string; value: string | undefined; placeholder?: string; wide?: boolean }
  /** 县区园区: a drop-down or, for a province's parks, a search (src/server/parks/park-filter.ts); `href`: the list filtered on a park */
  | { kind: "park"; name: "park"; label: string; filter: ParkFilter; href: (parkId: number) => string }
  | { kind: "date"; name: string; label: string; value: string | undefined }
  | { kind: "checkbox"; name: string; label: string; checked: boolean };

export function FilterBar({
  label,
  action,
  fields,
  keep = {},
  submitLabel = "筛选",
  reset,
}: {
  /** the form's accessible name */
  label: string;
  action?: string;
  fields: readonly (FilterField | false | null | undefined)[];
  /** params the form keeps as they are (e.g. a page size) */
  keep?: Record<string, string | number | undefined>;
  submitLabel?: string;
  /** a link that clears the filters; none when nothing is filtered */
  reset?: { href: string; label: string } | null;
}) {
  const shown = fields.filter((f): f is FilterField => Boolean(f));
  // on a wide screen one row where the fields (and the button) fit in six columns, else two even rows
  const cells = shown.reduce((n, f) => n + (isWide(f) ? 2 : 1), 1);
  const wide = WIDE_COLUMNS[Math.min(6, cells <= 6 ? cells : Math.ceil(cells / 2))] ?? WIDE_COLUMNS[6];
  return (
    <PhoneFold label="筛选" openLabel="收起筛选" chips={activeChips(shown)} testId="filter-toggle" className="no-print">
      <form method="get" action={action} className={`no-print grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 ${wide}`} aria-label={label}>
        {shown.map((f) => (
          <Field key={f.name} field={f} />
        ))}
        {shown.map((f) => f.kind === "park" && <ParkMatches key="park-matches" filter={f.filter} href={f.href} />)}
        {Object.entries(keep).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
        <div className="col-span-2 flex items-end gap-3 sm:col-span-1">
          <button type="submit" className={buttonClass}>
            {submitLabel}
          </button>
          {reset && (
            <Link href={reset.href} className="pb-2 text-sm text-blue-700 hover:underline">
              {reset.label}
            </Link>
          )}
        </div>
      </form>
    </PhoneFold>
  );
}

/**
 * The filters in force, as the chips shown beside the folded form on a phone: a select with an
 * "all" option that is set, a search typed, a date, a box ticked (a select without "all", such as
 * the year or the sort order, is a view rather than a filter).
 */
export function activeChips(fields: readonly FilterField[]): string[] {
  return fields.flatMap((f) => {
    if (f.kind === "checkbox") return f.checked ? [f.label] : [];
    if (f.kind === "park") {
      const chip = parkChip(f.filter);
      return chip ? [`${f.label}：${chip}`] : [];
    }
    if (f.value === undefined || f.value === "") return [];
    if (f.kind === "select") {
      if (f.all === undefined) return [];
      const option = f.options.find((o) => String(o.value) === String(f.value));
      return option ? [`${f.label}：${option.label}`] : [];
    }
    return [`${f.label.replace(/（.*）$/, "")}：${f.value}`];
  });
}

// whole class names, so that Tailwind sees them
const WIDE_COLUMNS: Record<number, string> = { 2: "lg:grid-cols-2", 3: "lg:grid-cols-3", 4: "lg:grid-cols-4", 5: "lg:grid-cols-5", 6: "lg:grid-cols-6" };

const isWide = (f: FilterField) => f.kind === "search" && f.wide !== false;

function Field({ field: f }: { field: FilterField }) {
  if (f.kind === "checkbox") {
    return (
      <label className="flex items-end gap-2 pb-2 text-sm">
        <input type="checkbox" name={f.name} value="1" defaultChecked={f.checked} className="h-5 w-5" />
        {f.label}
      </label>
    );
  }
  return (
    <label className={`flex flex-col gap-1 text-sm ${isWide(f) ? "col-span-2" : ""}`}>
      <span className="text-xs text-slate-500">
        {f.label}
        {f.kind === "date" && <FormatHint type="date" short />}
      </span>
      {f.kind === "park" ? (
        <ParkControl filter={f.filter} />
      ) : f.kind === "search" ? (
        <input type="search" name={f.name} defaultValue={f.value ?? ""} placeholder={f.placeholder} className={inputClass} />
      ) : f.kind === "date" ? (
        <input type="date" name={f.name} defaultValue={f.value ?? ""} className={inputClass} />
      ) : (
        <select name={f.name} defaultValue={f.value === undefined ? "" : String(f.value)} className={inputClass}>
          {f.all !== undefined && <option value="">{f.all}</option>}
          {groupOptions(f.options).map((g, i) => {
            const options = g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ));
            return g.group === undefined ? (
              options
            ) : (
              <optgroup key={`${g.group}-${i}`} label={g.group}>
                {options}
              </optgroup>
            );
          })}
        </select>
      )}
    </label>
  );
}

/** Options from a label table: `{ OPEN: "待办" }` → `[{ value: "OPEN", label: "待办" }]`. */
export function labelOptions<K extends string>(labels: Record<K, string>, keys: readonly K[] = Object.keys(labels) as K[]): FilterOption[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}
