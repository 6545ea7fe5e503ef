// Calendar months ("YYYY-MM") and business dates, reckoned in China time by default
// (APP_TIMEZONE, default Asia/Shanghai), whatever the server's own time zone.
// The business "today" is the clock's date unless APP_TODAY ("YYYY-MM-DD") names another: the
// demo's date (演示日期, set by runtime/start.ts from the database) or an operator's. It moves only
// business dates — deadlines, 超期, the open month, an issue's 提出日期, a publication's date —
// never timestamps (createdAt, the audit log, sessions), which stay real time.

export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function appTimeZone(): string {
  return process.env.APP_TIMEZONE || "Asia/Shanghai";
}

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

const DAY_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/**
 * The business "today" APP_TODAY names ("YYYY-MM-DD"), or null when it is unset; a value that is
 * not a calendar day is refused (runtime/start.ts checks it before serving).
 */
export function appToday(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.APP_TODAY?.trim();
  if (!raw) return null;
  if (!DAY_PATTERN.test(raw) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
    throw new Error(`APP_TODAY 必须是日期（年-月-日，如 2025-01-03），而不是「${raw}」`);
  }
  return raw;
}

/** Whether the business "today" is the demo's date (runtime/start.ts sets APP_TODAY_SOURCE=demo). */
export function isDemoToday(env: Record<string, string | undefined> = process.env): boolean {
  return appToday(env) !== null && env.APP_TODAY_SOURCE === "demo";
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in the business time zone; without an instant,
 * the business "today": APP_TODAY when set, else the clock's date.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function businessDate(now?: Date, timeZone = appTimeZone()): string {
  if (now === undefined) {
    const fixed = appToday();
    if (fixed) return fixed;
    now = new Date();
  }
  // one formatter per zone: creating one costs far more than formatting (an import checks thousands of rows)
  let f = dayFormats.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache; a new formatter every time gives the same date
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}

/**
 * "Now" on the business day: the clock's instant, moved to APP_TODAY's date at the same time of
 * day when it is set. For business events stamped with a time (a publication's 发布时间), never
 * for audit timestamps (createdAt, the audit log), which stay real time.
 */
export function businessInstant(now: Date = new Date(), timeZone = appTimeZone()): Date {
  const fixed = appToday();
  if (!fixed) return now;
  const days = Math.round((Date.parse(`${fixed}T00:00:00Z`) - Date.parse(`${businessDate(now, timeZone)}T00:00:00Z`)) / 86_400_000);
  return new Date(now.getTime() + days * 86_400_000);
}

/** "This month" in the business time zone (of the business "today" without an instant). */
export function currentMonth(now?: Date, timeZone = appTimeZone()): string {
  return businessDate(now, timeZone).slice(0, 7);
}

export function monthOf(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return monthOf(Math.floor(index / 12), (index % 12) + 1);
}

/** Inclusive list of months from `from` to `to`. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** "2024-09" → "2024年9月" */
export function formatMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${y}年${Number(m)}月`;
}

/** A Date holding a calendar day (as Prisma returns @db.Date) → "2024年4月30日". */
export function formatDay(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** Calendar day "YYYY-MM-DD" → Date at UTC midnight, as @db.Date columns are stored. */
export function dayToDate(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw new Error(`无效日期：「${day}」`);
  return d;
}

/** The calendar fields of an instant in a time zone, as numbers-in-strings ("2024", "12", "03", "10", "00", "00"). */
const partFormats = new Map<string, Intl.DateTimeFormat>();
function zonedParts(instant: Date, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  let f = partFormats.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache; a new formatter every time gives the same fields
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    partFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** An instant as a business-time-zone date and time: "2024-12-03 10:00" (with `seconds`, "2024-12-03 10:00:05"). */
export function formatDateTime(instant: Date, timeZone = appTimeZone(), { seconds = false }: { seconds?: boolean } = {}): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ""}`;
}

/** The instant a business-time-zone calendar day starts. */
export function startOfDay(day: string, timeZone = appTimeZone()): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // the zone's offset at that moment: format the instant there and read it back as UTC
  const p = zonedParts(utcMidnight, timeZone);
  const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return new Date(utcMidnight.getTime() - (shown - utcMidnight.getTime()));
}
