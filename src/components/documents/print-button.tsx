"use client";
// Opens the browser's print dialog (A4, 公文 margins and page numbers from the print stylesheet).
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
      打印
    </button>
  );
}
