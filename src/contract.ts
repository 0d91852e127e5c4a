/**
 * The data contract's vocabularies and checks, shared by the pipeline — which checks its curated
 * inputs at the door — and the app, which checks the files it loads: a place, a document or a
 * topic the one accepts, the other accepts too. Each check returns what is wrong, naming the
 * field, or null. Pure; no UI strings (a kind is valid because it is in PLACE_KINDS; the UI looks
 * its strings up by the vocabulary, and the type checker refuses a vocabulary value without one).
 */
import { GENRES, LINK_KINDS, PLACE_KINDS, SCRIPTS, TOPICS, type PlaceKind, type Topic } from './types.ts';

export { GENRES, PLACE_KINDS, SCRIPTS, TOPICS };

export const isTopic = (s: unknown): s is Topic => typeof s === 'string' && (TOPICS as readonly string[]).includes(s);
export const isPlaceKind = (s: unknown): s is PlaceKind => typeof s === 'string' && (PLACE_KINDS as readonly string[]).includes(s);

export type Rec = Record<string, unknown>;
export const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
export const isStr = (x: unknown): x is string => typeof x === 'string';
export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
export const isStrList = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
export const optional = (x: unknown, ok: (v: unknown) => boolean) => x === undefined || ok(x);
const nonEmpty = (x: unknown): x is string => isStr(x) && x.trim() !== '';

/** An ISO date, possibly partial (2021, 2021-11, 2021-11-24), or '' when unknown. */
export const ISO_DATE = /^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)?$/;
/** A document id names data/docs/<id>.txt and goes into links: no separators, spaces or URL syntax. */
export const DOC_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** The reader links the source page: only a web address may become a link. */
/** The document a fact id names: ids are `<doc>-<10 hex>` with `-2`, `-3` … for repeats (src/pipeline/fact-id.ts). */
export function factDocOf(factId: string): string | undefined {
  const m = /^(.+)-[0-9a-f]{10}(?:-\d+)?$/.exec(factId);
  return m && DOC_ID.test(m[1]) ? m[1] : undefined;
}
export const WEB_ADDRESS = /^https?:\/\/[^\s]+$/i;

export function geometryProblem(g: unknown): string | null {
  if (!isRec(g)) return 'has no geometry';
  switch (g.type) {
    case 'boundary':
      return isStr(g.layer) && isStr(g.unit) ? null : 'has a boundary geometry without layer and unit';
    case 'schematic':
      return isStr(g.basis) ? null : 'has a schematic geometry without basis';
    case 'none':
      return nonEmpty(g.reason) ? null : "has geometry 'none' without a reason";
    case 'point': {
      const ll = g.lonLat;
      const ok = Array.isArray(ll) && ll.length === 2 && isNum(ll[0]) && isNum(ll[1]) && Math.abs(ll[0]) <= 180 && Math.abs(ll[1]) <= 90;
      return ok && isNum(g.precisionM) && g.precisionM >= 0 && isStr(g.source) ? null : 'has a point geometry without a valid lonLat, precisionM and source';
    }
    default:
      return 'has an unknown geometry type';
  }
}

/** What is wrong with a place as the gazetteer curates it (the facts file adds factCount and role). */
export function placeProblem(p: unknown): string | null {
  if (!isRec(p)) return 'is not an object';
  if (!nonEmpty(p.id)) return 'has no id';
  // The id names the place's files (places/<id>-<hash>.json) and goes into links.
  if (!DOC_ID.test(p.id)) return "has an id that is not letters, digits, '.', '_' or '-'";
  const n = p.names;
  if (!isRec(n) || !nonEmpty(n.zhHans) || !isStr(n.zhHant) || !isStr(n.en)) return 'lacks names in zhHans, zhHant and en';
  if (!optional(n.enShort, nonEmpty)) return 'has a short English name that is not a name';
  if (!isStrList(p.aliases)) return 'has aliases that are not a list of names';
  if (!isPlaceKind(p.kind)) return `has an unknown kind ${JSON.stringify(p.kind)?.slice(0, 40)} (known: ${PLACE_KINDS.join(', ')})`;
  if (!optional(p.district, isStr) || !optional(p.parent, isStr) || !optional(p.links, isStrList) || !optional(p.hosts, isStrList)) {
    return 'has a district, parent, links or hosts of the wrong type';
  }
  // A region code decides which candidates a name competes with: a typo would move the place.
  if (!optional(p.division, (d) => isStr(d) && /^\d{2}(\d{2}){0,2}$/.test(d))) return 'has a division that is not a 2-, 4- or 6-digit code';
  return geometryProblem(p.geometry);
}

/** What is wrong with a place's `link` as the pipeline writes it (absent is fine); `knownFact` says whether its fact exists. */
export function placeLinkProblem(link: unknown, knownFact: (id: string) => boolean): string | null {
  if (link === undefined) return null;
  if (!isRec(link) || !(link.kind === 'mention' || (LINK_KINDS as readonly unknown[]).includes(link.kind))) return `has a link of unknown kind (known: ${LINK_KINDS.join(', ')}, mention)`;
  if (!isStr(link.fact) || !knownFact(link.fact)) return 'has a link that cites an unknown fact';
  return optional(link.cue, isStr) ? null : 'has a link cue that is not a string';
}

/** What is wrong with a manifest entry, naming the field. */
export function manifestEntryProblem(e: unknown, encodings: readonly string[]): string | null {
  if (!isRec(e)) return 'is not an object';
  if (!nonEmpty(e.file)) return 'file is not a file name';
  if (!isStr(e.id) || !DOC_ID.test(e.id)) return "id must be letters, digits, '.', '_' or '-'";
  for (const field of ['title', 'publisher'] as const) if (!optional(e[field], isStr)) return `${field} is not a string`;
  if (!optional(e.date, (d) => isStr(d) && ISO_DATE.test(d))) return 'date is not an ISO date (2021, 2021-11 or 2021-11-24)';
  if (!optional(e.url, (u) => isStr(u) && WEB_ADDRESS.test(u))) return `url is not an http(s) address: ${JSON.stringify(String(e.url)).slice(0, 60)}`;
  if (!optional(e.script, (s) => (SCRIPTS as readonly unknown[]).includes(s))) return `script must be one of ${SCRIPTS.join(', ')}`;
  if (!optional(e.genre, (g) => (GENRES as readonly unknown[]).includes(g))) return `genre must be one of ${GENRES.join(', ')}`;
  if (!optional(e.encoding, (x) => encodings.includes(x as string))) return `encoding must be one of ${encodings.join(', ')}`;
  if (!isRec(e.body) || !nonEmpty(e.body.startsWith) || !nonEmpty(e.body.endsWith)) return 'body needs startsWith and endsWith, two strings of the text';
  return null;
}

/** What is wrong with a topic of the lexicon, naming the field. */
export function topicEntryProblem(key: string, entry: unknown): string | null {
  if (!isTopic(key)) return `is not a known topic (known: ${TOPICS.join(', ')})`;
  if (!isRec(entry) || !nonEmpty(entry.en) || !nonEmpty(entry.zh)) return 'needs en and zh labels';
  if (!Array.isArray(entry.terms) || entry.terms.length === 0 || !entry.terms.every(nonEmpty)) return 'terms must be a list of words (a string would be split into characters)';
  return null;
}
