// Path parameters, validated before any query (pure; used by src/server/http/route-guard.ts).

/** A project code as the project form accepts it (src/lib/schemas/project.ts). */
const PROJECT_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const ID = /^[1-9][0-9]{0,8}$/;
const YEAR = /^(19|20|21)[0-9]{2}$/;
const MONTH = /^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$/;

/** A numeric id as path parameters carry it (1–999999999), or null. */
export function idParam(raw: string): number | null {
  const value = decodeSegment(raw);
  // Stryker disable next-line ConditionalExpression: the pattern refuses null ("null") too; the check is for the type
  return value !== null && ID.test(value) ? Number(value) : null;
}

/** A plan year as a path segment ("2024"), or null when it is not one. */
export function yearParam(raw: string): number | null {
  return YEAR.test(raw) ? Number(raw) : null;
}

/** The parameter as the page will see it (percent-decoded), or null when it cannot be decoded. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export type RouteParam =
  { kind: "project"; code: string } | { kind: "park"; id: number } | { kind: "issue"; id: number } | { kind: "plan"; year: number } | { kind: "period"; month: string };

/** What a dynamic path refers to; `null` when it is not a dynamic route; `"invalid"` when its parameter is malformed. */
export function routeParam(pathname: string): RouteParam | "invalid" | null {
  const parts = pathname.split("/").slice(1);
  const [a, b, c, d] = parts;
  const n = parts.length;
  let route: [RouteParam["kind"], string] | null = null;
  if ((a === "projects" || a === "monthly-report") && n === 2 && !(a === "projects" && b === "export")) route = ["project", b];
  else if (a === "admin" && b === "projects" && n === 4 && d === "edit") route = ["project", c];
  else if (a === "parks" && n === 2) route = ["park", b];
  else if (a === "issues" && n === 2 && b !== "new" && b !== "stats" && b !== "export") route = ["issue", b];
  else if (a === "issues" && n === 3 && c === "print") route = ["issue", b];
  else if (a === "admin" && b === "plans" && n === 3 && c !== "new") route = ["plan", c];
  else if (a === "periods" && (n === 2 || (n === 3 && c === "bulletin"))) route = ["period", b];
  else if (a === "annual-report" && (n === 2 || (n === 3 && c === "edit"))) route = ["plan", b];
  if (route === null) return null;
  const [kind, raw] = route;
  const value = decodeSegment(raw);
  if (value === null) return "invalid";
  if (kind === "project") return PROJECT_CODE.test(value) ? { kind, code: value } : "invalid";
  if (kind === "plan") return YEAR.test(value) ? { kind, year: Number(value) } : "invalid";
  if (kind === "period") return MONTH.test(value) ? { kind, month: value } : "invalid";
  return ID.test(value) ? { kind, id: Number(value) } : "invalid";
}
