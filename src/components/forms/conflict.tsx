import { useState } from "react";
import type { ConflictDetails } from "@/server/errors";

/** Both sides of a save conflict: what is saved now and what this form tried to save. */
export function ConflictNotice({ message, conflict, labels }: { message?: string; conflict: ConflictDetails; labels: Record<string, string> }) {
  const keys = Object.keys(labels).filter((k) => k in conflict.theirs || k in conflict.yours);
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="conflict">
      <p className="font-medium text-amber-900">{message}</p>
      {keys.length > 0 && (
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left">
            <thead>
              <tr className="text-amber-900">
                <th className="py-1 pr-2 font-medium">项目</th>
                <th className="py-1 pr-2 font-medium">已保存的{conflict.by ? `（${conflict.by}）` : ""}</th>
                <th className="py-1 font-medium">您填写的</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k} className="align-top">
                  <td className="py-1 pr-2 text-slate-600">{labels[k]}</td>
                  <td className="break-all py-1 pr-2">{conflict.theirs[k] ?? "—"}</td>
                  <td className="break-all py-1">{conflict.yours[k] ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <a href="" className="mt-2 inline-block text-sky-700 underline">
        刷新页面查看最新内容
      </a>
    </div>
  );
}

/** aria attributes for an input with errors. */
export function invalidProps(errors: Record<string, string[] | undefined>, name: string) {
  return errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

/**
 * A key that changes with every action result. Keying a form with it remounts the form after
 * each submission, so that its selects and checkboxes show what was submitted (React's
 * automatic form reset would otherwise restore the values they were first rendered with).
 */
export function useResultKey(state: object): number {
  const [seen, setSeen] = useState<{ state: object; key: number }>({ state, key: 0 });
  if (seen.state !== state) {
    const next = { state, key: seen.key + 1 };
    setSeen(next);
    return next.key;
  }
  return seen.key;
}
