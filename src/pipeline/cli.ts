/**
 * `npm run data [-- --seeds DIR --out FILE --places FILE --topics FILE --docs DIR | --no-docs]`
 * Documents are the *.txt, *.html and *.htm files of the seeds folder; DIR/manifest.json
 * (optional) describes them; every other file there is ignored. Nothing is written until the
 * whole run has succeeded; then every output file is written to a temp file first and the temp
 * files are renamed into place, so a failed run leaves the previous output untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FactIndexFile, FactsFile, Gazetteer, ManifestEntry } from '../types.ts';
import { parseDivisions, type Divisions } from './divisions.ts';
import { factIndex } from './fact-index.ts';
import { runPipelineWithStats, type PipelineInput } from './run-pipeline.ts';
import type { TopicLexicon } from './tag-topics.ts';

export interface Io {
  log: (line: string) => void;
  error: (line: string) => void;
}

export class CliError extends Error {}

export const DEFAULTS: Record<string, string> = {
  seeds: 'seeds', out: 'public/data/facts.json', places: 'geo/places.json', topics: 'geo/topics.json',
  // The national division table: names elsewhere in China that compete with the gazetteer's.
  divisions: 'geo/divisions.json',
  // The document reader fetches each decoded text from here; fact offsets index into it.
  docs: 'public/data/docs', 'no-docs': 'no',
};

export function parseArgs(argv: string[], defaults = DEFAULTS): Record<string, string> {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i].replace(/^--/, '');
    // Flags whose default is 'no' are switches: `--verbose` alone turns one on.
    if (defaults[flag] === 'no' && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))) {
      opts[flag] = 'yes';
      i--;
      continue;
    }
    if (!(flag in defaults) || !argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new CliError(`bad argument ${argv[i] ?? ''}; flags: ${Object.keys(defaults).map((k) => `--${k} VALUE`).join(' ')}`);
    }
    opts[flag] = argv[i + 1];
  }
  return opts;
}

export function readJson<T>(path: string, what: string): T {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(raw) as T;
  } catch (e) {
    throw new CliError(`bad JSON in ${what} ${path}: ${(e as Error).message}`);
  }
}

/** One document, place or fact per line: compact, yet diffs stay readable. */
export function serialiseFacts(f: FactsFile | FactIndexFile): string {
  const list = (xs: unknown[]) => (xs.length ? `[\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n]` : '[]');
  return `{\n"documents": ${list(f.documents)},\n"places": ${list(f.places)},\n"facts": ${list(f.facts)}\n}\n`;
}

/**
 * Writes every file beside its target first and renames only when all were written: a full
 * disk or a bad path fails before any output is replaced.
 */
export function writeAllAtomically(files: Array<{ path: string; data: string }>): void {
  const staged: Array<{ tmp: string; path: string }> = [];
  // The one rename failure that is easy to foresee: a folder where a file should go.
  const blocked = files.find((f) => existsSync(f.path) && statSync(f.path).isDirectory());
  if (blocked) throw new CliError(`cannot write ${blocked.path}: it is a folder`);
  try {
    for (const { path, data } of files) {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      staged.push({ tmp, path });
      writeFileSync(tmp, data);
    }
    for (const { tmp, path } of staged) renameSync(tmp, path);
  } catch (e) {
    for (const { tmp } of staged) rmSync(tmp, { force: true });
    const failed = staged.at(-1)?.path ?? files[0]?.path ?? '';
    throw new CliError(`cannot write ${failed}: ${(e as Error).message}`);
  }
}

const WHY: Record<string, string> = {
  ambiguous: 'several places bear this name, nothing tells which',
  'out-of-scope': 'the text is about somewhere else',
  elsewhere: 'qualified as somewhere else',
  person: 'part of a person\'s name in this text',
  only: '', qualifier: '', scope: '',
};
const GAPS_SHOWN = 12;

/** Repeats counted ("朝阳区 (…) ×2"), at most `max` shown. */
function summarise(items: string[], max = 20): string {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  const list = [...counts].map(([x, n]) => (n > 1 ? `${x} ×${n}` : x));
  return list.length > max ? `${list.slice(0, max).join(', ')} … and ${list.length - max} more` : list.join(', ');
}

/** The division table, or a one-line error naming the file and the command that rebuilds it. */
function loadDivisions(path: string): Divisions {
  try {
    return parseDivisions(readJson<unknown>(path, 'division table'));
  } catch (e) {
    const why = (e as Error).message;
    throw new CliError(e instanceof CliError ? `${why} (npm run build:divisions rebuilds it)` : `bad division table ${path}: ${why} (npm run build:divisions rebuilds it)`);
  }
}

/** A document the pipeline reads: plain text, or a saved web page (turned into its text). */
const isDocumentFile = (name: string) => /\.(txt|html?)$/i.test(name);

/** Reads the seeds folder and curated inputs; throws CliError with a one-line message. */
export function loadInputs(opts: Record<string, string>): { seeds: string; input: PipelineInput } {
  const seeds = resolve(opts.seeds);
  let entries: string[];
  try {
    entries = readdirSync(seeds);
  } catch (e) {
    throw new CliError(`cannot read seeds folder ${seeds}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const names = entries.filter((n) => isDocumentFile(n) && statSync(join(seeds, n)).isFile()).sort();
  const manifest = entries.includes('manifest.json') ? readJson<ManifestEntry[]>(join(seeds, 'manifest.json'), 'manifest') : [];
  const gazetteer = readJson<Gazetteer>(resolve(opts.places), 'gazetteer');
  const topics = readJson<TopicLexicon>(resolve(opts.topics), 'topic lexicon');
  const divisions = loadDivisions(resolve(opts.divisions));
  const documents = names.map((file) => {
    try {
      return { file, bytes: new Uint8Array(readFileSync(join(seeds, file))) };
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  return { seeds, input: { documents, manifest, gazetteer, topics, divisions } };
}

export function runCli(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  try {
    const opts = parseArgs(argv);
    const { seeds, input } = loadInputs(opts);
    const t0 = performance.now();
    const { file, stats, texts } = runPipelineWithStats(input);
    const placeName = new Map(input.gazetteer.places.map((p) => [p.id, p.names.zhHans]));
    const ms = performance.now() - t0;
    for (const s of stats) {
      const read = `${s.encoding}${s.html ? ', html → text' : ''}`;
      io.log(`${s.id.padEnd(8)} ${s.file}  read as: ${read}  body: ${s.bodySource === 'heuristic' ? 'heuristic (no manifest entry)' : 'manifest'}  sentences: ${s.sentences}  facts: ${s.facts}`);
      for (const w of s.warnings) io.error(`warning: ${s.file}: ${w}`);
      if (s.unresolved.length) io.log(`         unassigned: ${summarise(s.unresolved.map((u) => `${u.name} (${WHY[u.why]})`))}`);
      if (s.gaps.length) io.log(`         not in the gazetteer: ${summarise(s.gaps.map((g) => `${g.name} ×${g.count}${g.where ? ` → ${placeName.get(g.where) ?? g.where}` : ''}`), GAPS_SHOWN)}`);
    }
    if (stats.length === 0) io.error(`warning: no .txt or .html documents in ${seeds}`);
    const out = resolve(opts.out);
    const docs = opts['no-docs'] === 'yes' ? [] : file.documents.map((d) => ({ path: join(resolve(opts.docs), `${d.id}.txt`), data: texts.get(d.id)! }));
    // The first view's slice sits beside the facts file, written in the same atomic step.
    const index = { path: join(dirname(out), 'facts-index.json'), data: serialiseFacts(factIndex(file)) };
    writeAllAtomically([...docs, index, { path: out, data: serialiseFacts(file) }]);
    const never = file.places.filter((p) => p.factCount === 0).map((p) => p.id);
    io.log(
      `documents: ${stats.length}  sentences: ${stats.reduce((n, s) => n + s.sentences, 0)}  facts: ${file.facts.length}  ` +
        `places hit: ${file.places.length - never.length}/${file.places.length}  pipeline: ${Math.round(ms)} ms`,
    );
    io.log(`places never hit: ${never.length ? never.join(', ') : '(none)'}`);
    io.log(`wrote ${out} and ${index.path}`);
    return 0;
  } catch (e) {
    io.error(`error: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCli(process.argv.slice(2));
}
