// Calendar months ("YYYY-MM") and business dates, reckoned in China time by default
// (APP_TIMEZONE, default Asia/Shanghai), whatever the server's own time zone.

export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function appTimeZone(): string {
  return process.env.APP_TIMEZONE || "Asia/Shanghai";
}

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** The calendar date (YYYY-MM-DD) of an instant in the business time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function businessDate(now: Date = new Date(), timeZone = appTimeZone()): string {
  // one formatter per zone: creating one costs far more than formatting (an import checks thousands of rows)
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(now);
}

/** "This month" in the business time zone. */
export function currentMonth(now: Date = new Date(), timeZone = appTimeZone()): string {
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
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day)) throw new Error(`无效日期：「${day}」`);
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw new Error(`无效日期：「${day}」`);
  return d;
}

/** The calendar fields of an instant in a time zone, as numbers-in-strings ("2024", "12", "03", "10", "00", "00"). */
const partFormats = new Map<string, Intl.DateTimeFormat>();
function zonedParts(instant: Date, timeZone: string): Record<"year" | "month" | "day" | "hour" | "minute" | "second", string> {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    partFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
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
