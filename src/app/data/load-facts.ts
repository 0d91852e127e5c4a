/**
 * Loads the pipeline's facts.json and checks, before anything is drawn, every field the app
 * reads (src/types.ts is the contract): a file that is valid JSON but the wrong shape gets
 * the error screen naming it, never a TypeError deep inside a view.
 */
import type { FactsFile } from '../../types.ts';
import { ISO_DATE, isNum, isRec, isStr, isTopic, optional, placeLinkProblem, placeProblem as curatedPlaceProblem, SCRIPTS, WEB_ADDRESS, type Rec } from '../../contract.ts';
import { DataFileError } from './fetch-data-file.ts';
import { type AtlasData, indexFacts } from './atlas-data.ts';

export const FACTS_URL = 'data/facts.json';
export const FACTS_COMMAND = 'npm run data';

export const isNat = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** What is wrong with a document record, or null. */
export function documentProblem(d: Rec): string | null {
  if (!['file', 'title', 'publisher', 'date'].every((k) => isStr(d[k]))) return 'lacks file, title, publisher or date';
  if (!ISO_DATE.test(d.date as string)) return 'has a date that is not an ISO date';
  if (!(SCRIPTS as readonly unknown[]).includes(d.script)) return 'has no script';
  if (d.bodySource !== 'manifest' && d.bodySource !== 'heuristic') return 'has no body source';
  if (!isNat(d.bodyStart) || !isNat(d.bodyEnd) || !isNat(d.length) || d.bodyStart > d.bodyEnd || d.bodyEnd > d.length) return 'has inconsistent body offsets';
  // The reader links it: a javascript: or data: address must never become a link.
  if (!optional(d.url, (u) => isStr(u) && WEB_ADDRESS.test(u))) return 'has a url that is not http(s)';
  return null;
}

/** The gazetteer's own check (the pipeline ran it too), then what the pipeline adds. */
function placeProblem(p: Rec, factIds: ReadonlySet<string>): string | null {
  const curated = curatedPlaceProblem(p);
  if (curated) return curated;
  if (!isNat(p.factCount)) return 'has no factCount';
  if (!Array.isArray(p.role) || !p.role.every((r) => isRec(r) && isStr(r.fact) && factIds.has(r.fact) && isNum(r.score))) return 'has a role that cites an unknown fact';
  return placeLinkProblem(p.link, (id) => factIds.has(id));
}

/** What the index and the full file share: the fact's document, places and topics. */
function factRefProblem(f: Rec, docs: ReadonlyMap<string, Rec>, placeIds: ReadonlySet<string>): string | null {
  if (!isStr(f.doc) || !docs.has(f.doc)) return `cites unknown document ${String(f.doc)}`;
  if (typeof f.heading !== 'boolean') return 'has no heading flag';
  if (!Array.isArray(f.places) || !f.places.every((p) => isRec(p) && isStr(p.id) && placeIds.has(p.id))) return 'names an unknown place';
  if (!f.places.every((p) => (p.how === 'explicit' || p.how === 'group' || p.how === 'context') && optional(p.via, isStr))) return 'has a place without how (explicit, group or context)';
  if (!Array.isArray(f.topics) || !f.topics.every((t) => isStr(t) && isTopic(t))) return 'has an unknown topic';
  return null;
}

export function factProblem(f: Rec, docs: ReadonlyMap<string, Rec>, placeIds: ReadonlySet<string>): string | null {
  if (!isStr(f.text) || !isNat(f.start) || !isNat(f.end) || f.end - f.start !== f.text.length) return 'has no text or inconsistent offsets';
  const ref = factRefProblem(f, docs, placeIds);
  if (ref) return ref;
  if (f.end > (docs.get(f.doc as string)!.length as number)) return `lies beyond the end of document ${f.doc}`;
  const [start, end] = [f.start, f.end];
  const inside = (g: Rec) => isNat(g.start) && isNat(g.end) && g.start >= start && g.end <= end && g.start <= g.end;
  const figureOk = (g: unknown) => isRec(g) && isStr(g.text) && isNum(g.value) && optional(g.max, isNum) && isStr(g.unit) && isStr(g.measure) && inside(g);
  if (!Array.isArray(f.figures) || !f.figures.every(figureOk)) return 'has a malformed figure';
  return null;
}

/** A list whose entries lack an id, or repeat one: what is wrong, or null. */
export function listProblem(list: unknown[], what: string): string | null {
  const i = list.findIndex((x) => !isRec(x) || !isStr(x.id) || x.id === '');
  if (i >= 0) return `${what} ${i + 1} has no id`;
  const dup = duplicateOf((list as Rec[]).map((x) => x.id as string));
  return dup === undefined ? null : `${what} id ${dup} appears twice`;
}

export function duplicateOf(ids: string[]): string | undefined {
  const seen = new Set<string>();
  return ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

type FactCheck = (f: Rec, docs: ReadonlyMap<string, Rec>, placeIds: ReadonlySet<string>) => string | null;

/** Every list, id, document, place and fact checked (facts by `factCheck`); throws naming the first problem. */
export function validate(json: unknown, file: string, factCheck: FactCheck): void {
  const invalid = (reason: string) => new DataFileError(file, reason, 'invalid', FACTS_COMMAND);
  if (!isRec(json) || !Array.isArray(json.documents) || !Array.isArray(json.places) || !Array.isArray(json.facts)) throw invalid('documents, places and facts lists are required');
  const lists = { document: json.documents as unknown[], place: json.places as unknown[], fact: json.facts as unknown[] };
  for (const [what, list] of Object.entries(lists)) {
    const problem = listProblem(list, what);
    if (problem) throw invalid(problem);
  }
  const documents = json.documents as Rec[];
  const places = json.places as Rec[];
  const facts = json.facts as Rec[];
  const docs = new Map(documents.map((d) => [d.id as string, d]));
  const placeIds = new Set(places.map((p) => p.id as string));
  const factIds = new Set(facts.map((f) => f.id as string));
  for (const d of documents) {
    const problem = documentProblem(d);
    if (problem) throw invalid(`document ${d.id} ${problem}`);
  }
  for (const p of places) {
    const problem = placeProblem(p, factIds);
    if (problem) throw invalid(`place ${p.id} ${problem}`);
  }
  for (const f of facts) {
    const problem = factCheck(f, docs, placeIds);
    if (problem) throw invalid(`fact ${f.id} ${problem}`);
  }
}

export function parseFacts(json: unknown, file = FACTS_URL): AtlasData {
  validate(json, file, factProblem);
  return indexFacts(json as FactsFile);
}
