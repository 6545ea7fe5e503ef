// The one shape of a generated document (the monthly 通报, the annual 情况报告): a title, its date
// block, and blocks in reading order. The page (src/components/documents/document-view.tsx) and
// the .docx (./docx.ts) both render this, so they always say the same words and figures.

export type DocBlock =
  /** 一、二、三、; `anchor` the heading's id on the page (a link to the section) */
  | { kind: "h1"; text: string; anchor?: string }
  /** （一）（二） */
  | { kind: "h2"; text: string }
  /** a body paragraph; `lead` ("一是加快推进项目建设。") is set in bold before the text */
  | { kind: "p"; lead?: string; text: string }
  /** a figure table; `numeric` columns are right-aligned; on a phone's screen every row becomes a card showing all columns */
  | { kind: "table"; caption: string; head: string[]; rows: string[][]; numeric: boolean[]; testId: string }
  /** a small explanatory note (口径, what a list leaves out) */
  | { kind: "note"; text: string };

export type GeneratedDocument = {
  title: string;
  /** under the title, e.g. "（2024年11月）" */
  subtitle: string | null;
  /** which published month the figures are as of, and that it is published */
  asOf: string;
  blocks: DocBlock[];
  /** the closing date line (落款日期), e.g. "2024年12月3日" */
  dateLine: string;
  /** file name of the .docx, e.g. "2024年11月重大项目通报.docx" */
  fileName: string;
};

/** ASCII double quotes in stored text as Chinese quotation marks, paired: "项目为王" → “项目为王”. */
export function chineseQuotes(text: string): string {
  return text.replace(/"([^"\n]*)"/g, "“$1”");
}

/** A sentence that ends with Chinese punctuation (adds "。" when it does not). */
export function endSentence(text: string): string {
  const t = text.trim();
  return /[。；！？]$/.test(t) ? t : `${t}。`;
}

/** Spaces next to Chinese text dropped, as print writes it: "截止日期 2024年4月30日" → "截止日期2024年4月30日". */
export function compactSpaces(text: string): string {
  return text.replace(/ +(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef]) +/g, "");
}

/** What a plan's title plans: "市工业园区2024年重大项目计划" → "市工业园区2024年重大项目" (also before a closing note in brackets). */
export function planSubject(title: string): string {
  return title.replace(/计划(?=（[^（）]*）$|$)/, "");
}
