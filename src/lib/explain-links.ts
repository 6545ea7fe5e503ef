// Links to what composes a published figure (/figures/explain, src/server/figures/explain.ts):
// the figure's publication (its month and 第N次发布) travels with the link, so the page explains
// the figure that was read, even after the month is published again.
import { queryString } from "./search-params";

type Publication = { month: string; publicationNo: number };

/** The projects a total or a rate runs over (of one county park with parkId). */
export function scopeHref(pub: Publication, figure: string, parkId?: number): string {
  return `/figures/explain${queryString({ figure, park: parkId, month: pub.month, publication: pub.publicationNo })}`;
}

/** The source revision of one project's published figure. */
export function sourceHref(pub: Publication, code: string): string {
  return `/figures/explain${queryString({ project: code, month: pub.month, publication: pub.publicationNo })}`;
}
