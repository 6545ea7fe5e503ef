// Reading URL search parameters of the dashboards: forgiving (a bad value is ignored), never throwing.
import { textProblem } from "./schemas/text";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function param(sp: RawSearchParams, name: string): string | undefined {
  const v = sp[name];
  const s = Array.isArray(v) ? v[0] : v;
  // control characters (a NUL the database refuses) make the value as good as absent
  return s === undefined || s.trim() === "" || textProblem(s) !== null ? undefined : s.trim();
}

export function intParam(sp: RawSearchParams, name: string): number | undefined {
  const s = param(sp, name);
  // Stryker disable next-line ConditionalExpression: the pattern refuses undefined ("undefined") too; the check is for the type
  return s !== undefined && /^[0-9]{1,9}$/.test(s) ? Number(s) : undefined;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** A query string from the non-empty entries, for links that keep the current view. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
