/**
 * The document filter (state.filter): which documents match it. Pure. Dates may be partial
 * (2021, 2021-06): a document dated 2021 matches a range that overlaps the year 2021.
 */
import type { DocumentRecord } from '../../types.ts';
import type { DocFilter } from './state.ts';

/** A filter date as a link or the form gives it: a year, a month or a day (ISO). */
export const FILTER_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** The first and last day a partial ISO date can mean ('' means unknown: it matches every range). */
function span(date: string): [string, string] {
  const [y, m, d] = date.split('-');
  if (!y) return ['', ''];
  if (!m) return [`${y}-01-01`, `${y}-12-31`];
  if (!d) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [date, date];
}

export function matchesFilter(doc: Pick<DocumentRecord, 'publisher' | 'date' | 'script'>, f: DocFilter): boolean {
  if (f.publisher !== null && doc.publisher !== f.publisher) return false;
  if (f.script !== null && doc.script !== f.script) return false;
  const [first, last] = span(doc.date);
  if (first === '') return f.from === null && f.to === null;
  if (f.from !== null && last < span(f.from)[0]) return false;
  if (f.to !== null && first > span(f.to)[1]) return false;
  return true;
}

/** The ids of the documents that count under a filter, in list order. */
export function matchingDocs(list: readonly DocumentRecord[], f: DocFilter | null): string[] {
  return list.filter((d) => !f || matchesFilter(d, f)).map((d) => d.id);
}

/** Two filters that select the same documents by the same words. */
export function sameFilter(a: DocFilter | null, b: DocFilter | null): boolean {
  return a === b || (!!a && !!b && a.publisher === b.publisher && a.from === b.from && a.to === b.to && a.script === b.script);
}

/** The publishers of a document list, each once, in the order they first appear. */
export function publishers(list: readonly DocumentRecord[]): string[] {
  return [...new Set(list.map((d) => d.publisher))];
}
