/**
 * The search over place names (Simplified, Traditional, English, aliases), instant and in
 * memory, ranked exact name > name prefix > alias > other name/alias match; sentences come after
 * them from the prebuilt sentence index (sentence-search.ts), loaded on first use. Pure.
 */
import type { PlaceKind } from '../../../types.ts';
import type { AtlasIndex } from '../../data/atlas-data.ts';
import type { Lang } from '../../i18n/strings.ts';
import { placeName } from '../../ui/labels.ts';
import { normalise } from '../../../search-key.ts';
import { localeOf } from '../../i18n/locale.ts';

/**
 * Folds text to one script before matching (Traditional → Simplified once the converter is in),
 * so a query finds names and sentences written in either. Identity until then.
 */
export type Fold = (text: string) => string;
const asWritten: Fold = (text) => text;

export interface SearchIndex {
  /** Applied to the query as it was to the keys below. */
  fold: Fold;
  places: Array<{
    id: string;
    kind: PlaceKind;
    factCount: number;
    names: string[]; // normalised zhHans, zhHant, en
    aliases: string[]; // normalised
    rawAliases: string[];
    label: { zh: string; en: string };
  }>;
}

export type MatchTier = 'exact' | 'prefix' | 'alias' | 'partial' | 'text';

export interface SearchResult {
  /** Stable id for the listbox option. */
  key: string;
  type: 'place' | 'fact';
  /** The place selected when the result is chosen. */
  placeId: string;
  /** For fact results: every place of the fact. */
  placeIds: string[];
  factId?: string;
  tier: MatchTier;
  /** Place name, in the UI language. */
  label: string;
  /** The alias that matched, or the fact text (exact, for display). */
  detail?: string;
}

const TIER_RANK: Record<MatchTier, number> = { exact: 0, prefix: 1, alias: 2, partial: 3, text: 4 };
const KIND_RANK: Partial<Record<PlaceKind, number>> = { district: 0, 'science-city': 1, 'development-zone': 2 };

export { normalise };

export function buildSearchIndex(data: Pick<AtlasIndex, 'file'>, fold: Fold = asWritten): SearchIndex {
  const key = (text: string) => normalise(fold(text));
  return {
    fold,
    places: data.file.places.map((p) => ({
      id: p.id,
      kind: p.kind,
      factCount: p.factCount,
      names: [p.names.zhHans, p.names.zhHant, p.names.en].map(key),
      aliases: p.aliases.map(key),
      rawAliases: [...p.aliases],
      label: { zh: placeName(p, 'zh'), en: placeName(p, 'en') },
    })),
  };
}

export function search(index: SearchIndex, query: string, lang: Lang, limit = 12): SearchResult[] {
  const q = normalise(index.fold(query));
  if (!q) return [];
  const placeHits: Array<SearchResult & { sort: number[] }> = [];
  for (const p of index.places) {
    let tier: MatchTier | null = null;
    let detail: string | undefined;
    if (p.names.includes(q)) tier = 'exact';
    else if (p.names.some((n) => n.startsWith(q))) tier = 'prefix';
    else {
      const i = p.aliases.findIndex((a) => a === q);
      const j = i >= 0 ? i : p.aliases.findIndex((a) => a.startsWith(q));
      if (j >= 0) {
        tier = 'alias';
        detail = p.rawAliases[j];
      } else if (p.names.some((n) => n.includes(q))) tier = 'partial';
      else {
        const k = p.aliases.findIndex((a) => a.includes(q));
        if (k >= 0) {
          tier = 'partial';
          detail = p.rawAliases[k];
        }
      }
    }
    if (!tier) continue;
    const exactAlias = tier === 'alias' && p.aliases.includes(q) ? 0 : 1;
    placeHits.push({
      key: `place:${p.id}`,
      type: 'place',
      placeId: p.id,
      placeIds: [p.id],
      tier,
      label: p.label[lang],
      ...(detail ? { detail } : {}),
      sort: [TIER_RANK[tier], exactAlias, KIND_RANK[p.kind] ?? 3, -p.factCount],
    });
  }
  placeHits.sort((a, b) => {
    for (let i = 0; i < a.sort.length; i++) if (a.sort[i] !== b.sort[i]) return a.sort[i] - b.sort[i];
    return a.label.localeCompare(b.label);
  });
  return placeHits.slice(0, limit).map(({ sort: _sort, ...r }) => r);
}

/** Sentence hits as results: labelled with their places' names, the sentence as written. */
export function sentenceResults(index: SearchIndex, hits: ReadonlyArray<{ id: string; text: string; placeIds: string[] }>, lang: Lang): SearchResult[] {
  const byId = new Map(index.places.map((p) => [p.id, p]));
  return hits
    .filter((h) => h.placeIds.length > 0)
    .map((h) => ({
      key: `fact:${h.id}`,
      type: 'fact' as const,
      placeId: h.placeIds[0],
      placeIds: [...h.placeIds],
      factId: h.id,
      tier: 'text' as const,
      label: h.placeIds.map((id) => byId.get(id)?.label[lang] ?? id).join(localeOf(lang).listSeparator),
      detail: h.text,
    }));
}

