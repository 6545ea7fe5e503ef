// The 县区园区 filter's control and, when the text typed names several parks, the parks to choose
// from (src/server/parks/park-filter.ts decides which it is: a drop-down for a city's dozen parks,
// a search box for a province's thousand).
import Link from "next/link";
import { inputClass } from "@/components/forms/field";
import { NO_PARK, type ParkFilter } from "@/server/parks/park-filter";

/** The control inside a labelled field: the drop-down (`park`) or the search box (`parkq`). */
export function ParkControl({ filter, all = "全部", options }: { filter: ParkFilter; all?: string; options?: Array<{ value: number; label: string }> }) {
  if (filter.mode === "select") {
    return (
      <select name="park" defaultValue={filter.parkId ?? ""} className={inputClass}>
        <option value="">{all}</option>
        {(options ?? filter.parks.map((p) => ({ value: p.id, label: p.name }))).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="search"
      name="parkq"
      defaultValue={filter.park?.name ?? filter.query ?? ""}
      placeholder="输入园区或县名，留空为全部"
      maxLength={60}
      className={inputClass}
      data-testid="park-search"
    />
  );
}

/** What the filter is in force as, for the chips beside a folded form ("" when it is not). */
export function parkChip(filter: ParkFilter, options?: Array<{ value: number; label: string }>): string {
  if (filter.parkId === undefined) return "";
  if (filter.mode === "select") return (options ?? filter.parks.map((p) => ({ value: p.id, label: p.name }))).find((o) => o.value === filter.parkId)?.label ?? "";
  return filter.park?.name ?? (filter.query ? `含“${filter.query}”` : "");
}

/** When the text typed is not one park's: the parks it matches, each a link to the list filtered on it. */
export function ParkMatches({ filter, href }: { filter: ParkFilter; href: (parkId: number) => string }) {
  if (filter.mode !== "search" || filter.parkId !== NO_PARK || filter.query === undefined) return null;
  return (
    <div className="col-span-full rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" role="status" data-testid="park-matches">
      {filter.matches.length === 0 ? (
        <p>没有名称或所在县含“{filter.query}”的县区园区，请换个写法。</p>
      ) : (
        <>
          <p>
            名称或所在县含“{filter.query}”的县区园区有{filter.more ? `${filter.matches.length}个以上` : `${filter.matches.length}个`}，请选择一个
            {filter.more && "（或输入更完整的名称）"}：
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {filter.matches.map((p) => (
              <li key={p.id}>
                <Link href={href(p.id)} className="text-sky-800 underline">
                  {p.name}
                </Link>
                <span className="text-xs text-amber-900">（{p.county}）</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
