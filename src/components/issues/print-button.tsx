"use client";

/** Opens the browser's print dialog (the 督办单's A4 print stylesheet does the rest). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
      打印
    </button>
  );
}
