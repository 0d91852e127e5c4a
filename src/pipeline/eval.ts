/**
 * `npm run eval [-- --annotations FILE --verbose]`: runs the pipeline on the seeds and
 * scores its place assignments against tests/eval/annotations.json.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS, loadInputs, parseArgs, readJson, type Io } from './cli.ts';
import { scoreEval, type Annotation, type Counts, type EvalDocument } from './eval-score.ts';
import { runPipelineWithStats } from './run-pipeline.ts';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const line = (name: string, c: Counts) =>
  `${name.padEnd(9)} precision ${pct(c.precision).padStart(6)}  recall ${pct(c.recall).padStart(6)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

export function runEval(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  try {
    const opts = parseArgs(argv, { ...DEFAULTS, annotations: 'tests/eval/annotations.json', verbose: 'no' });
    const { input } = loadInputs(opts);
    const ann = readJson<{ sentences: Annotation[] }>(resolve(opts.annotations), 'annotations');
    const { file: out, texts } = runPipelineWithStats(input);
    const docs = new Map<string, EvalDocument>(out.documents.map((d) => [d.id, { text: texts.get(d.id)!, bodyStart: d.bodyStart }]));
    // The annotations never list the municipality (北京), so it is not scored.
    const ignore = new Set(input.gazetteer.places.filter((p) => p.kind === 'municipality').map((p) => p.id));
    const r = scoreEval(out.facts, docs, ann.sentences ?? [], ignore);
    io.log(`not scored (never annotated): ${[...ignore].join(', ') || '(none)'}`);
    io.log(`annotated sentences: ${(ann.sentences ?? []).length}  not found in document: ${r.notFound.length}  covered by no fact: ${r.noFact.length}`);
    io.log(line('explicit', r.explicit));
    io.log(line('context', r.context));
    if (opts.verbose !== 'no') {
      for (const a of r.notFound) io.log(`  not found  ${a.doc}  ${a.text.slice(0, 40)}`);
      for (const e of r.errors) io.log(`  ${e.kind} ${e.how.padEnd(8)} ${e.place.padEnd(28)} ${e.doc}  ${e.text.slice(0, 40)}`);
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
