/**
 * The facts file indexed for the app: places by id, facts by place and topic, counts per
 * district. Pure (built once from the loaded JSON); nothing here re-derives pipeline results.
 */
import { aggregate, type PlaceFacts } from '../../place-facts.ts';
import type { DocumentRecord, Fact, FactRef, FactsFile, Topic } from '../../types.ts';

export type PlaceRecord = FactsFile['places'][number];

/** The facts file, or the first view's index of it (FactRef: facts without their sentences). */
export interface FactsFileOf<F extends FactRef> {
  documents: FactsFile['documents'];
  places: FactsFile['places'];
  facts: F[];
}

/**
 * `AtlasData` (the default) has every sentence; `AtlasData<FactRef>` is the first view's index,
 * enough for the map, the lists and every count. Full data is usable wherever the index is.
 */
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
    children: (placeId) =>
      file.places.filter((p) => p.id !== placeId && (p.parent === placeId || (places.get(placeId)?.kind === 'district' && p.district === placeId && p.kind !== 'district'))),
    districtCounts: (topic) => new Map(districtIds.map((id) => [id, counting.count(id, topic)])),
  };
}

/** The first view's data: places, documents and every fact without its sentence. */
export type AtlasIndex = AtlasData<FactRef>;
