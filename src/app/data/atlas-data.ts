/**
 * The facts file indexed for the app: places by id, facts by place and topic, counts per
 * district. Pure (built once from the loaded JSON); nothing here re-derives pipeline results.
 */
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
  /** Facts naming or about a place (explicit or context), in document order. */
  factsOf(placeId: string, topic?: Topic | null): F[];
  /** Places whose parent is this place, or that it hosts when it is a district. */
  children(placeId: string): PlaceRecord[];
  /**
   * Facts per Beijing district (id → count), optionally within one topic. A fact counts for a
   * district when one of its places is the district or lies in it (`district`) and has a map
   * position — zone-wide places with no position (中关村示范区) would otherwise pile onto one district.
   */
  districtCounts(topic?: Topic | null): Map<string, number>;
}

export function indexFacts<F extends FactRef = Fact>(file: FactsFileOf<F>): AtlasData<F> {
  const places = new Map(file.places.map((p) => [p.id, p]));
  const facts = new Map(file.facts.map((f) => [f.id, f]));
  const documents = new Map(file.documents.map((d) => [d.id, d]));
  const byPlace = new Map<string, F[]>();
  for (const f of file.facts) {
    for (const p of f.places) {
      const list = byPlace.get(p.id) ?? [];
      list.push(f);
      byPlace.set(p.id, list);
    }
  }
  const districtIds = file.places.filter((p) => p.kind === 'district').map((p) => p.id);
  const districtOf = (id: string): string | null => {
    const p = places.get(id);
    if (!p || p.geometry.type === 'none') return null;
    if (p.kind === 'district') return p.id;
    return p.district && districtIds.includes(p.district) ? p.district : null;
  };
  return {
    file,
    places,
    facts,
    documents,
    factsOf: (placeId, topic) => (byPlace.get(placeId) ?? []).filter((f) => !topic || f.topics.includes(topic)),
    children: (placeId) =>
      file.places.filter((p) => p.id !== placeId && (p.parent === placeId || (places.get(placeId)?.kind === 'district' && p.district === placeId && p.kind !== 'district'))),
    districtCounts: (topic) => {
      const counts = new Map(districtIds.map((id) => [id, 0]));
      for (const f of file.facts) {
        if (topic && !f.topics.includes(topic)) continue;
        const hit = new Set(f.places.map((p) => districtOf(p.id)).filter((d): d is string => d !== null));
        for (const d of hit) counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      return counts;
    },
  };
}

/** The first view's data: places, documents and every fact without its sentence. */
export type AtlasIndex = AtlasData<FactRef>;
