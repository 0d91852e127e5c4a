/**
 * The documents list's view model: each source document with what it contributed. Pure;
 * every count comes from the facts file as loaded.
 */
import type { DocumentRecord, Script } from '../../../types.ts';
import type { DocumentsData } from '../../data/load-site.ts';
import { matchesFilter, publishers } from '../../state/doc-filter.ts';
import type { DocFilter } from '../../state/state.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { type Citation, type QuoteLang, citationOf, quoteLang } from '../../ui/citation.ts';
import { localeOf } from '../../i18n/locale.ts';

export interface DocumentRow {
  id: string;
  title: string;
  publisher: string;
  /** As in the manifest; may be partial ('2025'). */
  date: string;
  url?: string;
  /** Characters of the article body (bodyEnd − bodyStart). */
  bodyLength: number;
  /** "4,695 字" / "4,695 characters". */
  lengthLabel: string;
  script: Script;
  scriptLabel: string;
  lang: QuoteLang;
  /** Facts quoted from the document, and distinct places they name (explicit or context). */
  factCount: number;
  placeCount: number;
  bodySource: DocumentRecord['bodySource'];
  bodySourceLabel: string;
  citation: Citation;
  /** Whether the document filter lets it count (always, without a filter). */
  counts: boolean;
}

export interface DocumentsModel {
  rows: DocumentRow[];
  totalFacts: number;
  summary: string;
  /** The filter's choices: publishers (each once, in list order) and scripts present. */
  publishers: string[];
  scripts: Script[];
  /** "2 of 5 documents count", or '' without a filter. */
  filterLine: string;
  /** True when a filter is set and no document matches it. */
  noneMatch: boolean;
}

export function documentsModel(data: DocumentsData, lang: Lang, filter: DocFilter | null = null): DocumentsModel {
  const fmt = new Intl.NumberFormat(localeOf(lang).tag);
  const rows = data.list.map((d): DocumentRow => {
    const bodyLength = Math.max(0, d.bodyEnd - d.bodyStart);
    return {
      id: d.id,
      title: d.title,
      publisher: d.publisher,
      date: d.date,
      ...(d.url ? { url: d.url } : {}),
      bodyLength,
      lengthLabel: t('docs.length', lang, { n: fmt.format(bodyLength) }),
      script: d.script,
      scriptLabel: t(d.script === 'zhHant' ? 'docs.script.zhHant' : 'docs.script.zhHans', lang),
      lang: quoteLang(d.script),
      factCount: data.contributed.get(d.id)?.facts ?? 0,
      placeCount: data.contributed.get(d.id)?.places ?? 0,
      bodySource: d.bodySource,
      bodySourceLabel: t(d.bodySource === 'heuristic' ? 'docs.body.heuristic' : 'docs.body.manifest', lang),
      citation: citationOf(d, d.id),
      counts: !filter || matchesFilter(d, filter),
    };
  });
  const totalFacts = rows.reduce((a, r) => a + r.factCount, 0);
  const counting = rows.filter((r) => r.counts).length;
  return {
    rows,
    totalFacts,
    summary: t('docs.total', lang, { docs: String(rows.length), facts: fmt.format(totalFacts) }),
    publishers: publishers(data.list),
    scripts: (['zhHans', 'zhHant'] as const).filter((sc) => data.list.some((d) => d.script === sc)),
    filterLine: filter ? t('filter.count', lang, { n: String(counting), total: String(rows.length) }) : '',
    noneMatch: !!filter && counting === 0,
  };
}
