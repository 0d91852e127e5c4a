/** Checks on the curated inputs that would otherwise give silently wrong output. */
import type { Gazetteer, Genre, ManifestEntry } from '../types.ts';
import { ENCODINGS, isEncoding } from './decode-text.ts';

export class PipelineInputError extends Error {
  override name = 'PipelineInputError';
}

const GEOMETRY_TYPES = new Set(['boundary', 'schematic', 'point', 'none']);
const GENRES: Genre[] = ['plan', 'policy', 'interview', 'article', 'news'];

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup].sort();
}

export function validateGazetteer(g: Gazetteer): void {
  if (!g || !Array.isArray(g.places)) throw new PipelineInputError('gazetteer: "places" must be an array');
  for (const p of g.places) {
    if (!p || typeof p.id !== 'string' || !p.id) throw new PipelineInputError('gazetteer: a place has no id');
    if (!p.names || typeof p.names.zhHans !== 'string') throw new PipelineInputError(`gazetteer: place ${p.id} has no names`);
    const geo = p.geometry as { type?: string; reason?: string } | undefined;
    if (!geo || !GEOMETRY_TYPES.has(geo.type ?? '')) throw new PipelineInputError(`gazetteer: place ${p.id} has no geometry`);
    if (geo.type === 'none' && !(typeof geo.reason === 'string' && geo.reason.trim())) {
      throw new PipelineInputError(`gazetteer: place ${p.id} has geometry 'none' without a reason`);
    }
    // A region code decides which candidates a name competes with: a typo would move the place.
    if (p.division !== undefined && !(typeof p.division === 'string' && /^\d{2}(\d{2}){0,2}$/.test(p.division))) {
      throw new PipelineInputError(`gazetteer: place ${p.id} has a division that is not a 2-, 4- or 6-digit code`);
    }
  }
  const dupIds = duplicates(g.places.map((p) => p.id));
  if (dupIds.length) throw new PipelineInputError(`gazetteer: duplicate place id(s): ${dupIds.join(', ')}`);
  const ids = new Set(g.places.map((p) => p.id));
  for (const gr of g.groups ?? []) {
    const missing = gr.members.filter((m) => !ids.has(m));
    if (missing.length) throw new PipelineInputError(`gazetteer: group ${gr.term} has unknown member(s): ${missing.join(', ')}`);
  }
}

/** A document id names its reader file and appears in links: no path separators, spaces or URL syntax. */
const DOC_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/**
 * Largest document accepted: 20× the largest seed. Every fact is loaded when the app starts,
 * and a dense 2 MB text already gives ~5 MB of facts (and ~20 s of pipeline time); a bigger
 * file is almost always a mistake (a book, a PDF dump) and is refused rather than shipped.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export function checkDocumentSize(file: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new PipelineInputError(`${file}: ${mb(bytes.length)} is over the ${mb(MAX_DOCUMENT_BYTES)} limit for one document (split it, or keep only the article)`);
  }
}

/** `files` are the document file names available; returns the doc id for each of them. */
export function documentIds(manifest: ManifestEntry[], files: string[]): Map<string, string> {
  if (!Array.isArray(manifest)) throw new PipelineInputError('manifest: must be an array of entries');
  const available = new Set(files);
  for (const e of manifest) {
    if (!e || typeof e.file !== 'string' || typeof e.id !== 'string' || !e.id) throw new PipelineInputError('manifest: an entry lacks file or id');
    if (!available.has(e.file)) throw new PipelineInputError(`manifest: entry ${e.id} names a missing file: ${e.file}`);
    if (!e.body || typeof e.body.startsWith !== 'string' || typeof e.body.endsWith !== 'string') {
      throw new PipelineInputError(`manifest: entry ${e.id} lacks body.startsWith/endsWith`);
    }
    // The reader links the source page: only a web address may become a link.
    if (e.url !== undefined && !(typeof e.url === 'string' && /^https?:\/\/[^\s]+$/i.test(e.url))) {
      throw new PipelineInputError(`manifest: entry ${e.id} has a url that is not http(s): ${JSON.stringify(String(e.url)).slice(0, 60)}`);
    }
    if (e.genre !== undefined && !GENRES.includes(e.genre)) {
      throw new PipelineInputError(`manifest: entry ${e.id} has unknown genre ${JSON.stringify(e.genre)} (known: ${GENRES.join(', ')})`);
    }
    if (e.encoding !== undefined && !isEncoding(e.encoding)) {
      throw new PipelineInputError(`manifest: entry ${e.id} has unknown encoding ${JSON.stringify(e.encoding)} (known: ${ENCODINGS.join(', ')})`);
    }
  }
  const dupFiles = duplicates(manifest.map((e) => e.file));
  if (dupFiles.length) throw new PipelineInputError(`manifest: file(s) listed twice: ${dupFiles.join(', ')}`);
  const byFile = new Map(manifest.map((e) => [e.file, e.id]));
  const ids = new Map(files.map((f) => [f, byFile.get(f) ?? f.replace(/\.[^.]*$/, '')]));
  for (const [file, id] of ids) {
    if (!DOC_ID.test(id)) {
      throw new PipelineInputError(`${file}: document id ${JSON.stringify(id)} must be letters, digits, '.', '_' or '-' (it names data/docs/<id>.txt and goes into links)`);
    }
  }
  const dupIds = duplicates([...ids.values()]);
  if (dupIds.length) throw new PipelineInputError(`duplicate document id(s): ${dupIds.join(', ')}`);
  return ids;
}
