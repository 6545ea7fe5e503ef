// A save that changes nothing writes nothing and leaves no audit entry: the services compare what
// they are about to record (before/after, as stored) and throw NothingChangedError, which rolls
// back their transaction (the version stamp moved by the edit's claim included) and reaches the
// form through the action as 「没有修改，未保存。」.
import { Prisma } from "@/generated/prisma/client";
import { StateError } from "@/server/errors";

export const NO_CHANGE_MESSAGE = "没有修改，未保存。";

export class NothingChangedError extends StateError {
  constructor() {
    super(NO_CHANGE_MESSAGE);
    this.name = "NothingChangedError";
  }
}

/** An amount typed in a form as it is stored: "5000.00" → "5000" (null stays null). */
export function storedAmount(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === "" ? null : new Prisma.Decimal(value).toString();
}

/** Values compared as stored: undefined and "" as null, decimals and dates as text, keys in order. */
function canonical(value: unknown): unknown {
  if (value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toString();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => [k, canonical(v)] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return value;
}

/** Throws NothingChangedError when `before` and `after` record the same values (bookkeeping fields ignored). */
export function assertChanged(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = ["version"]): void {
  const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !ignore.includes(k)));
  if (JSON.stringify(canonical(strip(before))) === JSON.stringify(canonical(strip(after)))) throw new NothingChangedError();
}
