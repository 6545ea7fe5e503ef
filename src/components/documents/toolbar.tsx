// The bar above a generated document (never printed): where it comes from, its .docx download and printing.
import Link from "next/link";
import { PrintButton } from "./print-button";

export function DocumentToolbar({
  back,
  docxHref,
  docxLabel,
  children,
}: {
  back: { href: string; label: string };
  docxHref: string;
  docxLabel: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="doc-toolbar no-print mb-4 flex flex-wrap items-center justify-between gap-3">
      <Link href={back.href} className="text-sm text-sky-700 hover:underline">
        ← {back.label}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <a href={docxHref} download className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800" data-testid="docx-download">
          {docxLabel}
        </a>
        <PrintButton />
      </div>
    </div>
  );
}
