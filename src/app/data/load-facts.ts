/** Loads the pipeline's facts.json and checks the fields the app relies on before indexing it. */
import type { FactsFile } from '../../types.ts';
import { DataFileError, fetchDataFile } from './fetch-data-file.ts';
import { type AtlasData, indexFacts } from './atlas-data.ts';

export const FACTS_URL = 'data/facts.json';
export const FACTS_COMMAND = 'npm run data';

export function parseFacts(json: unknown, file = FACTS_URL): AtlasData {
  const invalid = (reason: string) => new DataFileError(file, reason, 'invalid', FACTS_COMMAND);
  const f = json as FactsFile;
  if (!f || !Array.isArray(f.documents) || !Array.isArray(f.places) || !Array.isArray(f.facts)) throw invalid('documents, places and facts lists are required');
  for (const d of f.documents) if (typeof d?.id !== 'string' || typeof d.title !== 'string') throw invalid('a document has no id or title');
  for (const p of f.places) {
    if (typeof p?.id !== 'string' || typeof p.names?.zhHans !== 'string' || typeof p.geometry?.type !== 'string') throw invalid(`place ${String(p?.id)} lacks id, names or geometry`);
  }
  const docs = new Set(f.documents.map((d) => d.id));
  const places = new Set(f.places.map((p) => p.id));
  for (const x of f.facts) {
    if (typeof x?.id !== 'string' || typeof x.text !== 'string' || !Number.isInteger(x.start) || x.end - x.start !== x.text.length) throw invalid(`fact ${String(x?.id)} has no text or inconsistent offsets`);
    if (!docs.has(x.doc)) throw invalid(`fact ${x.id} cites unknown document ${x.doc}`);
    if (!Array.isArray(x.places) || x.places.some((p) => !places.has(p.id))) throw invalid(`fact ${x.id} names an unknown place`);
  }
  return indexFacts(f);
}

export async function loadFacts(fetcher: typeof fetch = fetch): Promise<AtlasData> {
  return parseFacts(await fetchDataFile(FACTS_URL, FACTS_COMMAND, fetcher));
}
