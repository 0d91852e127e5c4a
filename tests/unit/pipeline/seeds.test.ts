/** Checks over the real seeds and curated inputs: the invariants the app relies on. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/pipeline/decode-text.ts';
import { parseDivisions } from '../../../src/pipeline/divisions.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import type { Gazetteer, ManifestEntry } from '../../../src/types.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const paths = { manifest: join(ROOT, 'seeds/manifest.json'), places: join(ROOT, 'geo/places.json'), topics: join(ROOT, 'geo/topics.json') };
const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const divisions = parseDivisions(json(join(ROOT, 'geo/divisions.json')));

describe('pipeline over the real seeds', () => {
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  const documents = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(ROOT, 'seeds', file))) }));
  const manifest: ManifestEntry[] = json(paths.manifest);
  const gazetteer: Gazetteer = json(paths.places);
  const out = runPipeline({ documents, manifest, gazetteer, divisions, topics: json(paths.topics) });
  const texts = new Map(out.documents.map((d) => [d.id, decodeText(documents.find((x) => x.file === d.file)!.bytes)]));

  it('takes every listed document body from the manifest', () => {
    expect(out.documents.filter((d) => manifest.some((m) => m.file === d.file)).every((d) => d.bodySource === 'manifest')).toBe(true);
  });

  it('gives every fact exactly the text at its offsets', () => {
    const bad = out.facts.filter((f) => texts.get(f.doc)!.slice(f.start, f.end) !== f.text);
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('takes no fact from outside the manifest body', () => {
    const body = new Map(out.documents.map((d) => [d.id, d]));
    const outside = out.facts.filter((f) => f.start < body.get(f.doc)!.bodyStart || f.end > body.get(f.doc)!.bodyEnd);
    expect(outside.map((f) => f.id)).toEqual([]);
  });

  it('gives every figure exactly the text at its offsets, inside its fact', () => {
    for (const f of out.facts) {
      for (const g of f.figures) {
        expect(texts.get(f.doc)!.slice(g.start, g.end)).toBe(g.text);
        expect(g.start >= f.start && g.end <= f.end).toBe(true);
      }
    }
  });

  it('gives unique fact ids and refers only to gazetteer places', () => {
    expect(new Set(out.facts.map((f) => f.id)).size).toBe(out.facts.length);
    const ids = new Set(gazetteer.places.map((p) => p.id));
    expect(out.facts.flatMap((f) => f.places.map((p) => p.id)).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('assigns an unlisted Traditional page to the right real places', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'tests/fixtures/pipeline/huairou-yizhuang-trad.txt')));
    const r = runPipeline({ documents: [{ file: 'page.txt', bytes }], manifest: [], gazetteer, divisions, topics: json(paths.topics) });
    const placesOf = (start: string) => r.facts.find((f) => f.text.startsWith(start))!.places.map((p) => `${p.id}:${p.how}`);
    expect(placesOf('懷柔科學城聚焦')).toEqual(['huairou-science-city:explicit']);
    expect(placesOf('目前已建設29個')).toEqual(['huairou-science-city:context']);
    expect(placesOf('亦莊將發揮')).toEqual(['beijing-etda:explicit']);
  });
});
