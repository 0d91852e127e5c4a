/**
 * The facts file cut into what the app loads, when it needs it, so that the first view does not
 * grow with the corpus (a hundred documents load as fast as five):
 *
 *  - summary.json — the first view: the gazetteer with counts, every cited place's Tally (the
 *    counting rule's numbers, per topic), the document ids, and each place's file names;
 *  - places/<id>-<hash>.json — a place's panel: its role sentences and, for no topic and for each
 *    topic, the first facts the panel shows (headOf); places/<id>.all-<hash>.json — every fact
 *    that reaches it (loaded by "show all" and by a document filter), when the first is not all;
 *  - documents.json — the document records and what each contributed (documents list, filter,
 *    citations); tallies-by-doc.json — every place's Tally per document (the document filter);
 *  - docs/<id>.json — one document's facts (the reader's highlights, the tour's captions);
 *  - figures.json — the facts with figures (the figures table);
 *  - search/ — the sentence search's index: character bigrams → sentences, sharded (sentence-index.ts).
 *
 * Place files are content-hashed (cached for good); the rest keep their names. Pure: returns
 * paths relative to the data folder with their JSON; cli.ts writes them.
 */
import { createHash } from 'node:crypto';
import { aggregate, headCap, headOf, tallies, type Tally } from '../place-facts.ts';
import { sentenceIndex } from './sentence-index.ts';
import type { DocumentRecord, Fact, FactsFile, Topic } from '../types.ts';

export interface SiteFile {
  path: string;
  data: string;
}

/** What the first view loads (summary.json). */
export interface SummaryFile {
  version: 1;
  docs: string[];
  places: FactsFile['places'];
  tallies: Record<string, Tally>;
  /** Per cited place: its panel's first file and its file of every fact (the same when one holds all). */
  files: Record<string, { head: string; all: string }>;
}

/** A place's panel file: the facts it shows, with the records of the documents they quote. */
export interface PlaceFile {
  place: string;
  /** True when this file holds every fact that reaches the place. */
  complete: boolean;
  documents: DocumentRecord[];
  facts: Fact[];
}

export interface DocumentsFile {
  documents: DocumentRecord[];
  /** Per document: facts quoted from it, and distinct places they name. */
  contributed: Record<string, { facts: number; places: number }>;
}

export type { TalliesByDoc } from '../place-facts.ts';

export interface DocFactsFile {
  doc: string;
  facts: Fact[];
}

export interface FiguresFile {
  documents: DocumentRecord[];
  facts: Fact[];
}

const json = (x: unknown) => JSON.stringify(x);
const hash8 = (data: string) => createHash('sha256').update(data).digest('hex').slice(0, 8);

/** The facts a place's panel file carries: role sentences (its own and those of places in it), then the panel's first facts. */
function headFacts(file: FactsFile, placeId: string, counting: ReturnType<typeof aggregate<Fact>>, byId: Map<string, Fact>, topics: ReadonlySet<Topic>): Set<Fact> {
  const out = new Set<Fact>();
  const inside = new Set(counting.of(placeId).counted.filter((x) => x.reach === 'within').map((x) => x.via));
  for (const p of file.places) {
    if (p.id !== placeId && !inside.has(p.id)) continue;
    for (const r of p.role) {
      const f = byId.get(r.fact);
      if (f) out.add(f);
    }
  }
  const take = (pf: { counted: Array<{ fact: Fact }>; listed: Array<{ fact: Fact }> }) => {
    for (const x of [...pf.counted, ...pf.listed]) out.add(x.fact);
  };
  take(headOf(counting.of(placeId), headCap(null)));
  for (const topic of topics) take(headOf(counting.of(placeId, topic), headCap(topic)));
  return out;
}

/** 128 shards of 128 sentences: typing a query fetches about half what 32 × 512 does (measured at 100×). */
const SEARCH_SHARDS = { gramShards: 128, textChunk: 128 };

export interface SiteOptions {
  /** Traditional → Simplified, for the sentence search's keys (the app folds a query the same way). */
  fold: (text: string) => string;
}

export function siteData(file: FactsFile, opts: SiteOptions): SiteFile[] {
  const out: SiteFile[] = [];
  const docs = new Map(file.documents.map((d) => [d.id, d]));
  const order = new Map(file.facts.map((f, i) => [f, i]));
  const byId = new Map(file.facts.map((f) => [f.id, f]));
  const inOrder = (facts: Iterable<Fact>) => [...facts].sort((a, b) => order.get(a)! - order.get(b)!);
  const placeFile = (placeId: string, facts: Fact[], complete: boolean): string => {
    const cited = [...new Set(facts.map((f) => f.doc))].map((id) => docs.get(id)!);
    return json({ place: placeId, complete, documents: cited, facts } satisfies PlaceFile);
  };

  const counting = aggregate(file.places, file.facts);
  const topics = new Set(file.facts.flatMap((f) => f.topics));
  const total = tallies(file.places, file.facts);
  const files: SummaryFile['files'] = {};
  for (const p of file.places) {
    if (!total.has(p.id)) continue;
    const all = counting.of(p.id);
    const every = inOrder([...all.counted, ...all.listed].map((x) => x.fact));
    const head = inOrder(headFacts(file, p.id, counting, byId, topics));
    const complete = head.length >= every.length;
    const headData = placeFile(p.id, complete ? every : head, complete);
    const headPath = `places/${p.id}-${hash8(headData)}.json`;
    out.push({ path: headPath, data: headData });
    let allPath = headPath;
    if (!complete) {
      const allData = placeFile(p.id, every, true);
      allPath = `places/${p.id}.all-${hash8(allData)}.json`;
      out.push({ path: allPath, data: allData });
    }
    files[p.id] = { head: headPath, all: allPath };
  }

  // Per document, by the same rule; a fact belongs to one document, so these add up to `total`.
  const byDoc: Record<string, Record<string, Tally>> = {};
  const docFacts = new Map(file.documents.map((d) => [d.id, [] as Fact[]]));
  for (const f of file.facts) docFacts.get(f.doc)?.push(f);
  for (const [id, facts] of docFacts) {
    byDoc[id] = Object.fromEntries(tallies(file.places, facts));
    out.push({ path: `docs/${id}.json`, data: json({ doc: id, facts } satisfies DocFactsFile) });
  }
  const contributed: DocumentsFile['contributed'] = {};
  for (const [id, facts] of docFacts) contributed[id] = { facts: facts.length, places: new Set(facts.flatMap((f) => f.places.map((p) => p.id))).size };

  const summary: SummaryFile = { version: 1, docs: file.documents.map((d) => d.id), places: file.places, tallies: Object.fromEntries(total), files };
  out.push({ path: 'documents.json', data: json({ documents: file.documents, contributed } satisfies DocumentsFile) });
  out.push({ path: 'tallies-by-doc.json', data: json(byDoc) });
  const withFigures = file.facts.filter((f) => f.figures.length > 0);
  out.push({ path: 'figures.json', data: json({ documents: file.documents.filter((d) => new Set(withFigures.map((f) => f.doc)).has(d.id)), facts: withFigures } satisfies FiguresFile) });
  // The sentence search's index, sharded so a query loads only what it needs (sentence-index.ts).
  out.push(...sentenceIndex(file.facts, opts.fold, SEARCH_SHARDS));
  // The first view's file goes last: until it is in place, the app reads the previous run's.
  out.push({ path: 'summary.json', data: json(summary) });
  return out;
}
