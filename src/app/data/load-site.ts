/**
 * Loads the files the pipeline cut for the app (src/pipeline/site-data.ts), each when it is
 * needed, and checks each like facts.json before anything reads it: the summary for the first
 * view, a place's file when its panel opens, a document's facts when the reader or the tour
 * needs them, the document records for the documents list and the filter.
 */
import { factDocOf, isNum, isRec, isStr, isStrList, isTopic, placeLinkProblem, placeProblem as curatedPlaceProblem, type Rec } from '../../contract.ts';
import type { TalliesByDoc } from '../../place-facts.ts';
import type { DocumentRecord, Fact, FactsFile } from '../../types.ts';
import { type AtlasData, type AtlasIndex, indexFacts, indexSummary, type SummaryData } from './atlas-data.ts';
import { DataFileError, fetchDataFile } from './fetch-data-file.ts';
import { documentProblem, FACTS_COMMAND, factProblem, isNat, listProblem, validate } from './load-facts.ts';

export const SUMMARY_URL = 'data/summary.json';
export const DOCUMENTS_URL = 'data/documents.json';
export const TALLIES_BY_DOC_URL = 'data/tallies-by-doc.json';
export const FIGURES_URL = 'data/figures.json';
export const docFactsUrl = (docId: string) => `data/docs/${encodeURIComponent(docId)}.json`;

const invalidIn = (file: string) => (reason: string) => new DataFileError(file, reason, 'invalid', FACTS_COMMAND);

const isTally = (x: unknown): boolean =>
  isRec(x) && isNat(x.n) && isNat(x.l) && isRec(x.t) && isRec(x.p) &&
  Object.entries(x.t).every(([k, v]) => isTopic(k) && Array.isArray(v) && v.length === 2 && v.every(isNat)) &&
  Object.entries(x.p).every(([k, v]) => (k === 'other' || isTopic(k)) && isNat(v));

/** A place file's name as the summary gives it: a plain name in places/, never a path elsewhere. */
const PLACE_FILE = /^places\/[\p{L}\p{N}][\p{L}\p{N}._-]*\.json$/u;

export function parseSummary(json: unknown, file = SUMMARY_URL): AtlasIndex {
  const invalid = invalidIn(file);
  if (!isRec(json) || json.version !== 1 || !Array.isArray(json.places) || !isStrList(json.docs) || !isRec(json.tallies) || !isRec(json.files)) {
    throw invalid('version 1 with places, docs, tallies and files is required');
  }
  const places = json.places as Rec[];
  const listed = listProblem(places, 'place');
  if (listed) throw invalid(listed);
  const docs = new Set(json.docs);
  for (const p of places) {
    const problem =
      curatedPlaceProblem(p) ??
      (!isNat(p.factCount) ? 'has no factCount' : null) ??
      (!Array.isArray(p.role) || !p.role.every((r) => isRec(r) && isStr(r.fact) && docs.has(factDocOf(r.fact) ?? '') && isNum(r.score)) ? 'has a role that cites an unknown fact' : null) ??
      placeLinkProblem(p.link, (id) => docs.has(factDocOf(id) ?? ''));
    if (problem) throw invalid(`place ${p.id} ${problem}`);
  }
  const ids = new Set(places.map((p) => p.id as string));
  for (const [id, t] of Object.entries(json.tallies)) {
    if (!ids.has(id)) throw invalid(`tally for unknown place ${id}`);
    if (!isTally(t)) throw invalid(`place ${id} has a malformed tally`);
  }
  for (const [id, f] of Object.entries(json.files)) {
    if (!ids.has(id) || !isRec(f) || !isStr(f.head) || !isStr(f.all) || !PLACE_FILE.test(f.head) || !PLACE_FILE.test(f.all)) throw invalid(`place ${id} has malformed file names`);
  }
  return indexSummary(json as unknown as SummaryData);
}

export async function loadSummary(fetcher: typeof fetch = fetch): Promise<AtlasIndex> {
  return parseSummary(await fetchDataFile(SUMMARY_URL, FACTS_COMMAND, fetcher));
}

/**
 * Facts with the records of the documents they quote (a place's file, the figures file, a
 * document's facts with its record), checked like facts.json and indexed with the summary's
 * places: the counting rule then gives, for the place a file is about, what facts.json would.
 */
export function parseFactsSlice(json: unknown, file: string, summary: AtlasIndex): AtlasData {
  if (!isRec(json) || !Array.isArray(json.documents) || !Array.isArray(json.facts)) throw invalidIn(file)('documents and facts lists are required');
  // A place's role and link may cite facts outside the slice (the summary checked them): the slice's facts are what is checked.
  const places = summary.file.places.map(({ link: _, ...p }) => ({ ...p, role: [] }));
  validate({ documents: json.documents, places, facts: json.facts }, file, factProblem);
  return indexFacts({ documents: json.documents as DocumentRecord[], places: summary.file.places, facts: json.facts as Fact[] });
}

export interface PlaceSlice {
  data: AtlasData;
  /** True when the file holds every fact reaching the place (the panel needs no "show all"). */
  complete: boolean;
}

export function parsePlaceFile(json: unknown, file: string, placeId: string, summary: AtlasIndex): PlaceSlice {
  if (!isRec(json) || json.place !== placeId || typeof json.complete !== 'boolean') throw invalidIn(file)(`is not the file of place ${placeId}`);
  return { data: parseFactsSlice(json, file, summary), complete: json.complete };
}

export async function loadPlaceFile(placeId: string, which: 'head' | 'all', summary: AtlasIndex, fetcher: typeof fetch = fetch): Promise<PlaceSlice> {
  const name = summary.files[placeId]?.[which];
  if (!name) return { data: indexFacts({ documents: [], places: summary.file.places, facts: [] }), complete: true };
  const file = `data/${name}`;
  return parsePlaceFile(await fetchDataFile(file, FACTS_COMMAND, fetcher), file, placeId, summary);
}

export interface DocumentsData {
  documents: Map<string, DocumentRecord>;
  list: DocumentRecord[];
  contributed: ReadonlyMap<string, { facts: number; places: number }>;
}

export function parseDocuments(json: unknown, summary: AtlasIndex, file = DOCUMENTS_URL): DocumentsData {
  const invalid = invalidIn(file);
  if (!isRec(json) || !Array.isArray(json.documents) || !isRec(json.contributed)) throw invalid('documents and contributed are required');
  const listed = listProblem(json.documents, 'document');
  if (listed) throw invalid(listed);
  const list = json.documents as FactsFile['documents'];
  const contributed = new Map<string, { facts: number; places: number }>();
  for (const d of list) {
    const problem = documentProblem(d as unknown as Rec) ?? (summary.docIds.has(d.id) ? null : 'is not in the summary (another run?)');
    if (problem) throw invalid(`document ${d.id} ${problem}`);
    const c = json.contributed[d.id];
    if (!isRec(c) || !isNat(c.facts) || !isNat(c.places)) throw invalid(`document ${d.id} has no contribution counts`);
    contributed.set(d.id, { facts: c.facts, places: c.places });
  }
  return { documents: new Map(list.map((d) => [d.id, d])), list, contributed };
}

export async function loadDocuments(summary: AtlasIndex, fetcher: typeof fetch = fetch): Promise<DocumentsData> {
  return parseDocuments(await fetchDataFile(DOCUMENTS_URL, FACTS_COMMAND, fetcher), summary);
}

export function parseTalliesByDoc(json: unknown, summary: AtlasIndex, file = TALLIES_BY_DOC_URL): TalliesByDoc {
  const invalid = invalidIn(file);
  if (!isRec(json)) throw invalid('an object of documents is required');
  for (const [doc, byPlace] of Object.entries(json)) {
    if (!summary.docIds.has(doc)) throw invalid(`unknown document ${doc}`);
    if (!isRec(byPlace)) throw invalid(`document ${doc} has no tallies`);
    for (const [place, t] of Object.entries(byPlace)) if (!summary.places.has(place) || !isTally(t)) throw invalid(`document ${doc} has a malformed tally for ${place}`);
  }
  return json as TalliesByDoc;
}

export async function loadTalliesByDoc(summary: AtlasIndex, fetcher: typeof fetch = fetch): Promise<TalliesByDoc> {
  return parseTalliesByDoc(await fetchDataFile(TALLIES_BY_DOC_URL, FACTS_COMMAND, fetcher), summary);
}

/** One document's facts, with its record (the reader highlights them; the tour quotes them). */
export async function loadDocFacts(doc: DocumentRecord, summary: AtlasIndex, fetcher: typeof fetch = fetch): Promise<AtlasData> {
  const file = docFactsUrl(doc.id);
  const json = await fetchDataFile(file, FACTS_COMMAND, fetcher);
  if (!isRec(json) || json.doc !== doc.id || !Array.isArray(json.facts)) throw invalidIn(file)(`is not the facts file of document ${doc.id}`);
  return parseFactsSlice({ documents: [doc], facts: json.facts }, file, summary);
}

export async function loadFigures(summary: AtlasIndex, fetcher: typeof fetch = fetch): Promise<AtlasData> {
  return parseFactsSlice(await fetchDataFile(FIGURES_URL, FACTS_COMMAND, fetcher), FIGURES_URL, summary);
}
