/**
 * `npm run eval:combiner`: the context probe (context-combiner.ts) on the dev annotations only —
 * the seeds' dev part and the dev page sets, each one set. Held-out sets are never read: the
 * probe is for deciding what to build, and they are for scoring what was built.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Gazetteer } from '../types.ts';
import { DEFAULTS, loadInputs, readJson, type Io } from './cli.ts';
import { candidates, leaveOneSetOut, type Pairs, type ProbePlaces, type ProbeSentence, type ProbeSet } from './context-combiner.ts';
import { locate, type Annotation } from './eval-score.ts';
import { PAGE_SETS, pagesInput } from './eval.ts';
import { simplify } from './normalise-key.ts';
import { placeReading, runPipelineWithStats, type PipelineInput } from './run-pipeline.ts';
import { splitSentences } from './split-sentences.ts';

const THRESHOLDS = [0.2, 0.25, 0.3, 0.4, 0.5];

/** The places as the rules read them; lendable: what context may give (not the municipality or a province). */
function probePlaces(g: Gazetteer): ProbePlaces & { lendable: (id: string) => boolean } {
  const reading = placeReading(g);
  return { ...reading, lendable: (id) => !reading.isBroad(id) };
}

/** The pipeline's sentences of each document as the probe reads them, and the set's labelled candidates. */
export function probeSet(name: string, input: PipelineInput, annotations: Annotation[]): ProbeSet {
  const places = probePlaces(input.gazetteer);
  const { file, texts } = runPipelineWithStats(input);
  const docs = new Map(file.documents.map((d) => {
    const text = texts.get(d.id)!;
    const facts = new Map(file.facts.filter((f) => f.doc === d.id).map((f) => [f.start, f]));
    const starts = splitSentences(text, d.bodyStart, d.bodyEnd);
    const sentences: ProbeSentence[] = starts.map((s) => {
      const ps = facts.get(s.start)?.places ?? [];
      return {
        // Simplified, as the rules read it, so that the cue words read either script.
        text: simplify(text.slice(s.start, s.end)), heading: s.heading, level: s.level, paragraph: s.paragraph,
        named: [...new Set(ps.filter((p) => p.how === 'explicit' && places.lendable(p.id)).map((p) => p.id))],
        lent: ps.filter((p) => p.how === 'context').map((p) => p.id),
      };
    });
    return [d.id, { text, bodyStart: d.bodyStart, sentences, starts }];
  }));
  const set: ProbeSet = { name, examples: [], uncovered: 0 };
  for (const a of annotations) {
    const d = docs.get(a.doc);
    const at = d && a.text ? locate(d, a) : -1;
    const i = at < 0 ? -1 : d!.starts.findIndex((s) => s.start < at + a.text.length && at < s.end);
    if (i < 0) continue;
    const own = d!.sentences[i].named;
    const gold = new Set(a.context.filter((id) => places.lendable(id) && !own.includes(id)));
    const found = candidates(d!.sentences, i, places);
    set.uncovered += [...gold].filter((id) => !found.some((c) => c.place === id)).length;
    for (const c of found) set.examples.push({ features: c.features, label: gold.has(c.place), rule: c.rule });
  }
  return set;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
const line = (name: string, t: Pairs) => `  ${name.padEnd(26)} precision ${pct(t.tp, t.tp + t.fp).padStart(6)}  recall ${pct(t.tp, t.tp + t.fn).padStart(6)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;

export function runCombiner(io: Io = { log: console.log, error: console.error }): number {
  try {
    const { input } = loadInputs({ ...DEFAULTS });
    const seeds = readJson<{ sentences: Annotation[] }>(resolve('tests/eval/annotations.json'), 'annotations').sentences;
    const sets = [probeSet('seeds, dev', input, seeds.filter((a) => (a.part ?? 'dev') === 'dev'))];
    for (const s of PAGE_SETS.filter((x) => x.part === 'dev')) {
      const ann = readJson<{ sentences: Annotation[] }>(join(resolve(s.dir), 'annotations.json'), 'page annotations').sentences;
      sets.push(probeSet(s.name, pagesInput(resolve(s.dir), input), ann));
    }
    const { rules, combiner } = leaveOneSetOut(sets, THRESHOLDS);
    io.log(`context on the dev annotations (${sets.length} sets, ${sets.reduce((n, s) => n + s.examples.length, 0)} candidate pairs), leave one set out:`);
    io.log(line('hand rules (in sample)', rules));
    for (const [t, pairs] of combiner) io.log(line(`combiner, threshold ${t}`, pairs));
    return 0;
  } catch (e) {
    io.error(`error: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCombiner();
}
