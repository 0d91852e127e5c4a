/**
 * The documents list's view model: each source document with what it contributed. Pure;
 * every count comes from the facts file as loaded.
 */
import type { DocumentRecord, Script } from '../../types.ts';
import type { AtlasData } from '../data/atlas-data.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { type Citation, type QuoteLang, citationOf, quoteLang } from './panel-model.ts';

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
}

export interface DocumentsModel {
  rows: DocumentRow[];
  totalFacts: number;
  summary: string;
}

export function documentsModel(data: AtlasData, lang: Lang): DocumentsModel {
  const facts = new Map<string, number>();
  const places = new Map<string, Set<string>>();
  for (const f of data.file.facts) {
    facts.set(f.doc, (facts.get(f.doc) ?? 0) + 1);
    const s = places.get(f.doc) ?? new Set<string>();
    for (const p of f.places) s.add(p.id);
    places.set(f.doc, s);
  }
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN');
  const rows = data.file.documents.map((d): DocumentRow => {
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
      factCount: facts.get(d.id) ?? 0,
      placeCount: places.get(d.id)?.size ?? 0,
      bodySource: d.bodySource,
      bodySourceLabel: t(d.bodySource === 'heuristic' ? 'docs.body.heuristic' : 'docs.body.manifest', lang),
      citation: citationOf(d, d.id),
    };
  });
  const totalFacts = rows.reduce((a, r) => a + r.factCount, 0);
  return { rows, totalFacts, summary: t('docs.total', lang, { docs: String(rows.length), facts: fmt.format(totalFacts) }) };
}
