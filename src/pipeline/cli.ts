/**
 * `npm run data [-- --seeds DIR --out FILE --places FILE --topics FILE --link-cues FILE --divisions FILE --no-docs]`
 * Documents are the *.txt, *.html and *.htm files of the seeds folder, each a regular file (a
 * link is refused: it could publish any file of the build machine); DIR/manifest.json (optional)
 * describes them; every other file there is ignored. The reader texts go to the docs/ folder
 * beside FILE, where the app fetches them. Nothing is written until the whole run has succeeded;
 * then all outputs are published together or not at all (write-outputs.ts).
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FactsFile, Gazetteer, ManifestEntry } from '../types.ts';
import { parseDivisions, type Divisions } from './divisions.ts';
import { siteData } from './site-data.ts';
import { toSimplified } from './normalise-key.ts';
import { runPipelineWithStats, type PipelineInput } from './run-pipeline.ts';
import type { TopicLexicon } from './tag-topics.ts';
import type { LinkCues } from './classify-links.ts';
import { DOC_ID } from '../contract.ts';
import { PipelineInputError, type CuratedInput } from './validate-inputs.ts';
import { writeOutputs } from './write-outputs.ts';

export interface Io {
  log: (line: string) => void;
  error: (line: string) => void;
}

export class CliError extends Error {}

export const DEFAULTS: Record<string, string> = {
  seeds: 'seeds', out: 'public/data/facts.json', places: 'geo/places.json', topics: 'geo/topics.json',
  // Words that say what ties a place beyond Beijing to it (co-built park, integration, cooperation).
  'link-cues': 'geo/link-cues.json',
  // The national division table: names elsewhere in China that compete with the gazetteer's.
  divisions: 'geo/divisions.json',
  'no-docs': 'no',
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
  return parseJson<T>(raw, path, what);
}

function parseJson<T>(raw: string, path: string, what: string): T {
  try {
    // Windows editors save JSON with a byte-order mark; JSON.parse refuses it.
    return JSON.parse(raw.replace(/^\uFEFF/, '')) as T;
  } catch (e) {
    throw new CliError(`bad JSON in ${what} ${path}: ${(e as Error).message}`);
  }
}

/** One document, place or fact per line: compact, yet diffs stay readable. */
export function serialiseFacts(f: FactsFile): string {
  const list = (xs: unknown[]) => (xs.length ? `[\n${xs.map((x) => JSON.stringify(x)).join(',\n')}\n]` : '[]');
  return `{\n"documents": ${list(f.documents)},\n"places": ${list(f.places)},\n"facts": ${list(f.facts)}\n}\n`;
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

const LINK = 'a symbolic link; a seed must be a regular file in the seeds folder';

/**
 * A seed's bytes, never through a link: lstat gives the clear message, O_NOFOLLOW closes the gap
 * between the check and the read, fstat refuses a device or pipe named like a document.
 */
function readSeed(seeds: string, file: string): Uint8Array {
  const path = join(seeds, file);
  let fd: number | undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) throw new CliError(`${file}: ${LINK}`);
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) throw new CliError(`${file}: not a regular file; a seed must be a regular file in the seeds folder`);
    return new Uint8Array(readFileSync(fd));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ELOOP' ? LINK : `cannot read it (${code ?? (e as Error).message})`}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads the seeds folder and curated inputs; throws CliError with a one-line message. */
export function loadInputs(opts: Record<string, string>): { seeds: string; input: PipelineInput } {
  const seeds = resolve(opts.seeds);
  let entries: string[];
  try {
    entries = readdirSync(seeds);
  } catch (e) {
    throw new CliError(`cannot read seeds folder ${seeds}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // A folder named like a document is not one; anything else named like one is read (and refused if a link).
  const isFolder = (n: string) => lstatSync(join(seeds, n), { throwIfNoEntry: false })?.isDirectory() ?? false;
  const names = entries.filter((n) => isDocumentFile(n) && !isFolder(n)).sort();
  let manifest: ManifestEntry[] = [];
  if (entries.includes('manifest.json')) {
    const bytes = readSeed(seeds, 'manifest.json');
    manifest = parseJson<ManifestEntry[]>(new TextDecoder().decode(bytes), join(opts.seeds, 'manifest.json'), 'manifest');
  }
  const gazetteer = readJson<Gazetteer>(resolve(opts.places), 'gazetteer');
  const topics = readJson<TopicLexicon>(resolve(opts.topics), 'topic lexicon');
  const linkCues = readJson<LinkCues>(resolve(opts['link-cues']), 'link cues');
  const divisions = loadDivisions(resolve(opts.divisions));
  const documents = names.map((file) => ({ file, bytes: readSeed(seeds, file) }));
  return { seeds, input: { documents, manifest, gazetteer, topics, linkCues, divisions, folderFiles: new Set(entries) } };
}

/** Where the reader texts go: the docs/ folder beside the facts file, which the app fetches from. */
export const docsFolder = (out: string) => join(dirname(out), 'docs');

/** The folders of generated files, beside the facts file: what is in them and not written by this run is stale. */
const GENERATED = ['docs', 'places', 'search'];
/** A file an earlier design wrote there, which nothing reads any more. */
const RETIRED = ['facts-index.json'];

/**
 * Generated files that this run did not write: a deleted seed's text must not keep shipping,
 * nor a place file under an old hash. Only names this pipeline could have written are touched.
 */
function staleFiles(dataDir: string, keep: ReadonlySet<string>): string[] {
  const out = RETIRED.map((n) => join(dataDir, n)).filter((p) => existsSync(p));
  for (const folder of GENERATED) {
    let names: string[];
    try {
      names = readdirSync(join(dataDir, folder));
    } catch {
      continue;
    }
    for (const n of names) {
      const path = join(dataDir, folder, n);
      if (!keep.has(path) && /\.(txt|json)$/.test(n) && DOC_ID.test(n)) out.push(path);
    }
  }
  return out;
}

/** The error in one line; a refused curated input is named by the path it was read from. */
function errorLine(e: unknown, opts: Record<string, string>): string {
  let message = (e as Error).message;
  if (e instanceof PipelineInputError && e.input) {
    const paths: Record<CuratedInput, string> = { manifest: join(opts.seeds, 'manifest.json'), gazetteer: opts.places, topics: opts.topics, linkCues: opts['link-cues'] };
    message = `${paths[e.input]}: ${e.detail}`;
  }
  return message.split('\n')[0];
}

export function runCli(argv: string[], io: Io = { log: console.log, error: console.error }): number {
  // The defaults stand until the arguments are parsed: a curated input is refused only after that.
  let opts = DEFAULTS;
  try {
    opts = parseArgs(argv);
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
    const dataDir = dirname(out);
    const withDocs = opts['no-docs'] !== 'yes';
    const docs = withDocs ? file.documents.map((d) => ({ path: join(docsFolder(out), `${d.id}.txt`), data: texts.get(d.id)! })) : [];
    // What the app loads (site-data.ts), summary.json last of them; facts.json, the whole contract for other tools, last.
    const site = withDocs ? siteData(file, { fold: toSimplified }).map((f) => ({ path: join(dataDir, f.path), data: f.data })) : [];
    const files = [...docs, ...site, { path: out, data: serialiseFacts(file) }];
    const stale = withDocs ? staleFiles(dataDir, new Set(files.map((f) => f.path))) : [];
    writeOutputs({ files, stale });
    const never = file.places.filter((p) => p.factCount === 0).map((p) => p.id);
    io.log(
      `documents: ${stats.length}  sentences: ${stats.reduce((n, s) => n + s.sentences, 0)}  facts: ${file.facts.length}  ` +
        `places hit: ${file.places.length - never.length}/${file.places.length}  pipeline: ${Math.round(ms)} ms`,
    );
    io.log(`places never hit: ${never.length ? never.join(', ') : '(none)'}`);
    io.log(`wrote ${out}${withDocs ? `, ${site.length} app file(s) and ${docs.length} reader text(s) in ${dataDir}${stale.length ? ` (${stale.length} stale removed)` : ''}` : ''}`);
    return 0;
  } catch (e) {
    io.error(`error: ${errorLine(e, opts)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runCli(process.argv.slice(2));
}
