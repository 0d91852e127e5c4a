/**
 * What the app holds of the data, indexed: `AtlasIndex` (the first view's summary: places and
 * their counts, no fact) and `AtlasData` (a slice of facts — a place's file, a document's facts,
 * the figures — counted by the same rule). Pure (built once from the loaded JSON); nothing here
 * re-derives pipeline results.
 */
import { aggregate, tallyCount, tallyListed, type PlaceFacts, type Tally } from '../../place-facts.ts';
import type { DocumentRecord, Fact, FactRef, FactsFile, Topic } from '../../types.ts';

export type PlaceRecord = FactsFile['places'][number];

/** The facts file, or a slice of it (a place's file, a document's facts, the figures). */
export interface FactsFileOf<F extends FactRef> {
  documents: FactsFile['documents'];
  places: FactsFile['places'];
  facts: F[];
}

/** Facts with their sentences, indexed: the panel, reader, tour and figures read one of these. */
export interface AtlasData<F extends FactRef = Fact> {
  file: FactsFileOf<F>;
  places: Map<string, PlaceRecord>;
  facts: Map<string, F>;
  documents: Map<string, DocumentRecord>;
  /**
   * What the documents say about a place, by the one counting rule (src/place-facts.ts): the
   * facts counted for it (about it, or about places in it) and those only shown (a spanning
   * place's other hosts, group terms).
   */
  placeFacts(placeId: string, topic?: Topic | null): PlaceFacts<F>;
  /** The facts counted for a place (placeFacts' `counted`), in document order. */
  factsOf(placeId: string, topic?: Topic | null): F[];
  /** Whether the documents cite a place at all, counted or not (a county named only through 北三县). */
  isCited(placeId: string): boolean;
  /** Places whose parent is this place, or that it hosts when it is a district. */
  children(placeId: string): PlaceRecord[];
  /** Facts counted per Beijing district (id → count), optionally within one topic: placeFacts' rule. */
  districtCounts(topic?: Topic | null): Map<string, number>;
}

function childrenOf(list: readonly PlaceRecord[], places: ReadonlyMap<string, PlaceRecord>, placeId: string): PlaceRecord[] {
  const isDistrict = places.get(placeId)?.kind === 'district';
  return list.filter((p) => p.id !== placeId && (p.parent === placeId || (isDistrict && p.district === placeId && p.kind !== 'district')));
}

export function indexFacts<F extends FactRef = Fact>(file: FactsFileOf<F>): AtlasData<F> {
  const places = new Map(file.places.map((p) => [p.id, p]));
  const facts = new Map(file.facts.map((f) => [f.id, f]));
  const documents = new Map(file.documents.map((d) => [d.id, d]));
  const districtIds = file.places.filter((p) => p.kind === 'district').map((p) => p.id);
  const counting = aggregate(file.places, file.facts);
  return {
    file,
    places,
    facts,
    documents,
    placeFacts: (placeId, topic) => counting.of(placeId, topic),
    factsOf: (placeId, topic) => counting.of(placeId, topic).counted.map((x) => x.fact),
    isCited: (placeId) => {
      const all = counting.of(placeId);
      return all.counted.length + all.listed.length > 0;
    },
    children: (placeId) => childrenOf(file.places, places, placeId),
    districtCounts: (topic) => new Map(districtIds.map((id) => [id, counting.count(id, topic)])),
  };
}

/**
 * The first view's data (summary.json): the places and, for each, its Tally — the counting
 * rule's numbers — but no fact. Enough for the map, the place list, the legend and the charts'
 * counts. The tallies it answers with are the whole corpus's, or a document filter's sums
 * (`useTallies`), so every count follows the filter from one place.
 */
export interface AtlasIndex {
  file: { places: FactsFile['places'] };
  places: Map<string, PlaceRecord>;
  /** Every document id (their records load with documents.json). */
  docIds: ReadonlySet<string>;
  /** Per cited place: the panel's first file and the file of all its facts. */
  files: Readonly<Record<string, { head: string; all: string }>>;
  tally(placeId: string): Tally | undefined;
  /** Facts counted for a place (self and within), optionally within one topic. */
  count(placeId: string, topic?: Topic | null): number;
  /** Facts shown for a place but not counted (shared, group). */
  listed(placeId: string, topic?: Topic | null): number;
  /** Whether the documents cite a place at all, counted or not (a county named only through 北三县). */
  isCited(placeId: string): boolean;
  /** Places whose parent is this place, or that it hosts when it is a district. */
  children(placeId: string): PlaceRecord[];
  /** Facts counted per Beijing district (id → count), optionally within one topic. */
  districtCounts(topic?: Topic | null): Map<string, number>;
  /** Answer with these tallies from now on (a document filter's sums); null: the whole corpus's again. */
  useTallies(tallies: ReadonlyMap<string, Tally> | null): void;
  /** True while a document filter's tallies are in use. */
  filtered(): boolean;
  /** Changes with every `useTallies`: what a drawing of the counts was made from. */
  version(): number;
}

/**
 * What a map's counts were drawn for: the theme and the tallies in use (the whole corpus's, or a
 * document filter's). Two drawings with the same key colour the districts and size the points alike.
 */
export function countsKey(topic: Topic | null, data: Pick<AtlasIndex, 'version'>): string {
  return `${topic ?? ''}|${data.version()}`;
}

export interface SummaryData {
  places: FactsFile['places'];
  docs: string[];
  tallies: Record<string, Tally>;
  files: Record<string, { head: string; all: string }>;
}

export function indexSummary(summary: SummaryData): AtlasIndex {
  const places = new Map(summary.places.map((p) => [p.id, p]));
  const districtIds = summary.places.filter((p) => p.kind === 'district').map((p) => p.id);
  const whole: ReadonlyMap<string, Tally> = new Map(Object.entries(summary.tallies));
  let current = whole;
  let version = 0;
  return {
    file: { places: summary.places },
    places,
    docIds: new Set(summary.docs),
    files: summary.files,
    tally: (id) => current.get(id),
    count: (id, topic) => tallyCount(current.get(id), topic),
    listed: (id, topic) => tallyListed(current.get(id), topic),
    isCited: (id) => tallyCount(current.get(id)) + tallyListed(current.get(id)) > 0,
    children: (placeId) => childrenOf(summary.places, places, placeId),
    districtCounts: (topic) => new Map(districtIds.map((id) => [id, tallyCount(current.get(id), topic)])),
    useTallies: (t) => {
      current = t ?? whole;
      version++;
    },
    filtered: () => current !== whole,
    version: () => version,
  };
}
