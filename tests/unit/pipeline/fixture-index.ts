/** The small fixture gazetteer and division table, indexed, and a way to read a sentence's mentions. */
import { readFileSync } from 'node:fs';
import { parseDivisions } from '../../../src/pipeline/divisions.ts';
import { findMentions } from '../../../src/pipeline/find-mentions.ts';
import { buildNameIndex, type Referent } from '../../../src/pipeline/name-index.ts';
import { normaliseKey } from '../../../src/pipeline/normalise-key.ts';
import { resolveMentions } from '../../../src/pipeline/resolve-mentions.ts';
import { jiebaTagger, wordStarts } from '../../../src/pipeline/segment-words.ts';

const words = (text: string) => jiebaTagger(text).map((w) => w.word);
import type { Gazetteer } from '../../../src/types.ts';

const json = (path: string) => JSON.parse(readFileSync(new URL(`../../fixtures/pipeline/${path}`, import.meta.url), 'utf8'));
export const gazetteer = json('gazetteer.json') as Gazetteer;
export const divisions = parseDivisions(json('divisions.json'));
export const index = buildNameIndex(gazetteer, divisions);

export const mentionsOf = (text: string) => {
  const norm = normaliseKey(text);
  return { key: norm.key, mentions: findMentions(index, text, norm, wordStarts(words(norm.key), norm.key)) };
};

/** What a referent is, in a word: a place id, `group:term`, or a division's name@region. */
export const label = (r: Referent | null) =>
  r === null ? null : r.type === 'place' ? r.id : r.type === 'group' ? `group:${r.term}` : `${r.unit.name}@${r.unit.region}`;

/** Resolves a document given as paragraphs of sentences; returns each mention as `alias→label`. */
export function resolveDoc(paragraphs: string[][]): string[][] {
  const sentences = paragraphs.flatMap((p, paragraph) => p.map((text) => ({ paragraph, ...mentionsOf(text) })));
  return resolveMentions(sentences).sentences.map((rs) => rs.map((r) => `${r.mention.alias}→${label(r.referent)}`));
}
