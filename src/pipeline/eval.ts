/**
 * `npm run eval [-- --annotations FILE --second-reading FILE --verbose]`: runs the pipeline on the seeds and scores
 * its place assignments against tests/eval/annotations.json, per part (dev: read while shaping
 * the rules; heldout: not), then on the held-out web pages of tests/eval/pages/ when present.
 * `--verbose` lists the dev errors only: looking at held-out errors would make them dev. It also
 * prints how far a second, blind reading of the seeds (tests/eval/second-reading.json) agrees with the gold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ManifestEntry } from '../types.ts';
import { DEFAULTS, loadInputs, parseArgs, readJson, type Io } from './cli.ts';
import { compareReadings, HOWS, scoreEval, wilson, type Annotation, type Counts, type EvalDocument, type EvalResult, type Reading } from './eval-score.ts';
import { buildNameIndex } from './name-index.ts';
import { runPipelineWithStats, type PipelineInput } from './run-pipeline.ts';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
/** 95% interval, in points: on a few dozen pairs a figure is a range, not a point. */
const range = (k: number, n: number) => {
  const w = wilson(k, n);
  return w ? `[${(100 * w[0]).toFixed(0)}–${(100 * w[1]).toFixed(0)}]` : '';
};
const line = (name: string, c: Counts) =>
  `  ${name.padEnd(9)} precision ${pct(c.precision).padStart(6)} ${range(c.tp, c.tp + c.fp).padEnd(9)} recall ${pct(c.recall).padStart(6)} ${range(c.tp, c.tp + c.fn).padEnd(9)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

/**
 * Sets of real web pages, each excerpted and annotated by reading: dev sets may be looked at
 * while shaping the rules (`--verbose` lists their errors), held-out sets are only scored.
 */
export const PAGE_SETS = [
  { dir: 'tests/eval/dev-pages', name: 'dev web pages (stories, interviews, plans)', part: 'dev' },
  { dir: 'tests/eval/pages', name: 'web pages A (held out for its first run, looked at since)', part: 'dev' },
  { dir: 'tests/eval/pages-b', name: 'web pages B (held out for its first run, looked at since)', part: 'dev' },
  { dir: 'tests/eval/pages-c', name: 'web pages C (held out for its first run, looked at since)', part: 'dev' },
  { dir: 'tests/eval/pages-d', name: 'web pages D, stories (held out for its first run, looked at since)', part: 'dev' },
  { dir: 'tests/eval/pages-g', name: 'web pages G, features and interviews (dev: looked at while shaping)', part: 'dev' },
  { dir: 'tests/eval/pages-h', name: 'web pages H, features and speeches (dev: looked at while shaping)', part: 'dev' },
  { dir: 'tests/eval/pages-k', name: 'web pages K, 人民日报-style features (dev: looked at while shaping)', part: 'dev' },
  { dir: 'tests/eval/pages-e', name: 'web pages E (held out: scored untouched, never looked at)', part: 'heldout' },
  { dir: 'tests/eval/pages-f', name: 'web pages F, features and interviews (held out: scored untouched, never looked at)', part: 'heldout' },
  { dir: 'tests/eval/pages-i', name: 'web pages I, features and interviews (held out: scored untouched, never looked at)', part: 'heldout' },
  { dir: 'tests/eval/pages-j', name: 'web pages J, traps that name 北京 in passing (held out: scored untouched, never looked at)', part: 'heldout' },
  { dir: 'tests/eval/pages-l', name: 'web pages L, multi-scene features (held out: scored untouched, never looked at)', part: 'heldout' },
] as const;

export interface PageSource {
  id: string;
  file: string;
  url: string;
  title: string | null;
  publisher?: string;
  date?: string;
  kind: 'trap' | 'beijing';
}

function score(input: PipelineInput, annotations: Annotation[]): EvalResult {
  const { file: out, texts } = runPipelineWithStats(input);
  const docs = new Map<string, EvalDocument>(out.documents.map((d) => [d.id, { text: texts.get(d.id)!, bodyStart: d.bodyStart }]));
  // The annotations never list the municipality (北京), so it is not scored.
  const ignore = new Set(input.gazetteer.places.filter((p) => p.kind === 'municipality').map((p) => p.id));
  return scoreEval(out.facts, docs, annotations, ignore);
}

function report(io: Io, title: string, r: EvalResult, n: number, isBeijing?: (id: string) => boolean): void {
  io.log(`${title}: ${n} sentences  not found in document: ${r.notFound.length}  covered by no fact: ${r.noFact.length}`);
  for (const how of HOWS) io.log(line(how, r[how]));
  if (isBeijing) {
    const wrong = r.errors.filter((e) => e.kind === 'fp' && isBeijing(e.place));
    io.log(`  Beijing places the annotation does not give: ${wrong.length} (sentence, place) pairs`);
  }
}

/** The web pages as a corpus: each excerpt whole is its body (they were cut to the article). */
export function pagesInput(dir: string, base: PipelineInput): PipelineInput {
  const sources = readJson<PageSource[]>(join(dir, 'sources.json'), 'page sources');
  const documents = sources.map((s) => ({ file: s.file, bytes: new Uint8Array(readFileSync(join(dir, s.file))) }));
  const manifest: ManifestEntry[] = sources.map((s, i) => {
    const text = new TextDecoder().decode(documents[i].bytes).trim();
    return {
      file: s.file, id: s.id, title: s.title ?? s.id, publisher: s.publisher ?? '', date: s.date ?? '', url: s.url, script: 'zhHans',
      body: { startsWith: text.slice(0, 8), endsWith: text.slice(-8) },
    };
  });
  return { ...base, documents, manifest };
}

export function runEval(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  try {
    const opts = parseArgs(argv, { ...DEFAULTS, annotations: 'tests/eval/annotations.json', 'second-reading': 'tests/eval/second-reading.json', verbose: 'no' });
    const { input } = loadInputs(opts);
    const ann = readJson<{ sentences: Annotation[] }>(resolve(opts.annotations), 'annotations').sentences ?? [];
    io.log('not scored (never annotated): the municipality (北京)');
    for (const part of ['dev', 'heldout']) {
      const some = ann.filter((a) => (a.part ?? 'dev') === part);
      const r = score(input, some);
      report(io, `seeds, ${part}`, r, some.length);
      if (part === 'dev' && opts.verbose !== 'no') {
        for (const a of r.notFound) io.log(`    not found  ${a.doc}  ${a.text.slice(0, 40)}`);
        for (const e of r.errors) io.log(`    ${e.kind} ${e.how.padEnd(8)} ${e.place.padEnd(28)} ${e.doc}  ${e.text.slice(0, 50)}`);
      }
    }
    // How far a second, blind reading agrees with the gold: how much a careful reader's answer can differ.
    const second = resolve(opts['second-reading']);
    if (existsSync(second)) {
      const agreement = compareReadings(ann, readJson<{ sentences: Reading[] }>(second, 'second reading').sentences);
      for (const [part, counts] of agreement) {
        io.log(`second reading against the gold (not the pipeline), seeds, ${part}:`);
        for (const how of HOWS) io.log(line(how, counts[how]));
      }
    }
    for (const set of PAGE_SETS) {
    const pages = resolve(set.dir);
    if (existsSync(join(pages, 'annotations.json')) && readdirSync(pages).includes('sources.json')) {
      const sources = readJson<PageSource[]>(join(pages, 'sources.json'), 'page sources');
      const pageAnn = readJson<{ sentences: Annotation[] }>(join(pages, 'annotations.json'), 'page annotations').sentences;
      const pin = pagesInput(pages, input);
      const regions = buildNameIndex(input.gazetteer, input.divisions!).regionOf;
      const isBeijing = (id: string) => (regions.get(id) ?? '').startsWith('11');
      for (const kind of [...new Set(sources.map((s) => s.kind))]) {
        const ids = new Set(sources.filter((s) => s.kind === kind).map((s) => s.id));
        const some = pageAnn.filter((a) => ids.has(a.doc));
        const r = score({ ...pin, documents: pin.documents.filter((d) => ids.has(sources.find((s) => s.file === d.file)!.id)), manifest: pin.manifest.filter((e) => ids.has(e.id)) }, some);
        report(io, `${set.name}, ${kind} (${ids.size} pages)`, r, some.length, isBeijing);
        if (set.part === 'dev' && opts.verbose !== 'no') for (const e of r.errors) io.log(`    ${e.kind} ${e.how.padEnd(8)} ${e.place.padEnd(28)} ${e.doc}  ${e.text.slice(0, 50)}`);
      }
    }
    }
    return 0;
  } catch (e) {
    io.error(`error: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runEval(process.argv.slice(2));
}
