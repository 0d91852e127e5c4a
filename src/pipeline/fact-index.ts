/** The facts file for the first view: every fact without its sentence, offsets and figures. */
import type { FactIndexFile, FactRef, FactsFile } from '../types.ts';

export function factIndex(file: FactsFile): FactIndexFile {
  const facts = file.facts.map(({ id, doc, heading, places, topics }): FactRef => ({ id, doc, heading, places, topics }));
  return { documents: file.documents, places: file.places, facts };
}
