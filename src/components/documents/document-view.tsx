// A generated document (src/server/documents/model.ts) as a printable page: the same blocks the
// .docx is made of, in the 公文 fonts named with common fallbacks (no font is downloaded). The
// print stylesheet (globals.css, `.doc-print`) sets A4 with the 公文 margins and page numbers.
import type { DocBlock, GeneratedDocument } from "@/server/documents/model";

/** numbers right-aligned and never wrapped; a short name (a county park) never wrapped; longer text wraps but keeps some width */
const cellClass = (numeric: boolean, text: string) => (numeric ? "num whitespace-nowrap text-right" : [...text].length <= 6 ? "whitespace-nowrap" : "min-w-[7em]");

function Table({ b }: { b: Extract<DocBlock, { kind: "table" }> }) {
  return (
    <figure className="doc-table my-3">
      <figcaption className="doc-h1 mb-1 text-center text-[0.85em]">{b.caption}</figcaption>
      <div className="hidden overflow-x-auto sm:block print:block">
        <table className="w-full border-collapse text-[0.75em] leading-normal" data-testid={b.testId}>
          <thead>
            <tr>
              {b.head.map((h) => (
                <th key={h} scope="col" className="doc-h1 border border-slate-500 px-1.5 py-1 font-normal">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, ri) => (
              <tr key={ri}>
                {r.map((c, i) => (
                  <td key={i} className={`border border-slate-500 px-1.5 py-1 ${cellClass(b.numeric[i], c)}`}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableCards b={b} />
    </figure>
  );
}

/**
 * On a phone's screen a table becomes one card per row: its first text column as the card's title,
 * every other column below it with its heading — no column is left out (print keeps the table).
 */
function TableCards({ b }: { b: Extract<DocBlock, { kind: "table" }> }) {
  const titleAt = Math.max(0, b.numeric.indexOf(false));
  return (
    <ul className="space-y-2 text-[0.75em] leading-normal sm:hidden print:hidden" data-testid={`${b.testId}-cards`}>
      {b.rows.map((r, ri) => (
        <li key={ri} className="rounded border border-slate-400 px-2 py-1.5">
          <p className="doc-h1">{r[titleAt]}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2">
            {r.map((c, i) =>
              i === titleAt ? null : (
                <div key={i} className="contents">
                  <dt className="text-slate-600">{b.head[i]}</dt>
                  <dd className={b.numeric[i] ? "num text-right" : ""}>{c}</dd>
                </div>
              ),
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Block({ b }: { b: DocBlock }) {
  switch (b.kind) {
    case "h1":
      return (
        <h2 id={b.anchor} className="doc-h1 doc-indent scroll-mt-4">
          {b.text}
        </h2>
      );
    case "h2":
      return <h3 className="doc-h2 doc-indent">{b.text}</h3>;
    case "p":
      return (
        <p className="doc-indent text-justify">
          {b.lead && <strong className="font-bold">{b.lead}</strong>}
          {b.text}
        </p>
      );
    case "note":
      return <p className="doc-indent text-[0.8em] text-slate-600 print:text-black">{b.text}</p>;
    case "table":
      return <Table b={b} />;
  }
}

export function DocumentView({ doc, testId }: { doc: GeneratedDocument; testId: string }) {
  return (
    <article className="doc-print doc-body mx-auto max-w-[210mm] bg-white px-5 py-8 shadow-sm sm:px-[16mm] sm:py-[16mm] print:p-0 print:shadow-none" data-testid={testId}>
      <h1 className="doc-title text-center">{doc.title}</h1>
      {doc.subtitle && <p className="doc-h2 text-center">{doc.subtitle}</p>}
      <p className="mb-6 text-center text-[0.75em] text-slate-600 print:text-black" data-testid="document-as-of">
        {doc.asOf}
      </p>
      {doc.blocks.map((b, i) => (
        <Block key={i} b={b} />
      ))}
      <p className="mt-8 pr-[4em] text-right">{doc.dateLine}</p>
    </article>
  );
}
