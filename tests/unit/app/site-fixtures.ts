/**
 * A facts file cut as the pipeline cuts it for the app (src/pipeline/site-data.ts) and read back
 * through the app's loaders: the summary index, the documents, any file by path. Tests of views
 * get their data the way the app does, never through a shortcut.
 */
import { siteData } from '../../../src/pipeline/site-data.ts';
import { parseDocuments, parseFactsSlice, parseSummary, type DocumentsData } from '../../../src/app/data/load-site.ts';
import type { AtlasData, AtlasIndex } from '../../../src/app/data/atlas-data.ts';
import type { FactsFile } from '../../../src/types.ts';

export interface Site {
  index: AtlasIndex;
  documents: DocumentsData;
  figures: AtlasData;
  /** Every file the pipeline would write, parsed, by path relative to the data folder. */
  files: Map<string, unknown>;
}

export function siteOf(file: FactsFile, fold: (s: string) => string = (s) => s): Site {
  const files = new Map(siteData(file, { fold }).map((f) => [f.path, JSON.parse(f.data) as unknown]));
  const index = parseSummary(files.get('summary.json'));
  return {
    index,
    documents: parseDocuments(files.get('documents.json'), index),
    figures: parseFactsSlice(files.get('figures.json'), 'data/figures.json', index),
    files,
  };
}
