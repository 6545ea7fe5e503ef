// A labelled form field with its error messages underneath, linked for screen readers; a date or
// month input's field says the format beside its label (FormatHint).
import { isValidElement } from "react";
import Link from "next/link";
import type { ActionLink } from "@/server/action-state";
import { FormatHint } from "./format-hint";

export { FormatHint };

/** "date" or "month" when the field holds one such <input>, so every Field says its format by itself */
function dateInputType(children: React.ReactNode): "date" | "month" | null {
  if (!isValidElement<{ type?: unknown }>(children) || children.type !== "input") return null;
  const t = children.props.type;
  return t === "date" || t === "month" ? t : null;
}

export function Field({ name, label, errors, hint, children }: { name: string; label: string; errors?: string[]; hint?: string; children: React.ReactNode }) {
  const format = dateInputType(children);
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
        {format && <FormatHint type={format} />}
      </label>
      {children}
      {hint && !errors?.length && <p className="text-xs text-slate-500">{hint}</p>}
      <FieldErrors name={name} errors={errors} />
    </div>
  );
}

/** A field's error messages, each read out at once; the input points at them with `aria-describedby="<name>-error"` (invalidProps). */
export function FieldErrors({ name, errors }: { name: string; errors?: string[] }) {
  return errors?.map((e) => (
    <p key={e} id={`${name}-error`} className="text-sm text-red-600" role="alert">
      {e}
    </p>
  ));
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200 aria-[invalid=true]:border-red-500";

export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-300 disabled:opacity-60";

export function FormMessage({ ok, message, link }: { ok: boolean; message?: string; link?: ActionLink }) {
  if (!message) return null;
  return (
    <p role={ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
      {message}
      {link && (
        <>
          {" "}
          <Link href={link.href} className="font-medium underline underline-offset-2">
            {link.label}
          </Link>
        </>
      )}
    </p>
  );
}
