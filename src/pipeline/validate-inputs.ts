/** Checks on the curated inputs that would otherwise give silently wrong output. */
import { DOC_ID, isRec, isStr, isStrList, manifestEntryProblem, optional, placeProblem, topicEntryProblem } from '../contract.ts';
import { LINK_KINDS, type Gazetteer, type ManifestEntry } from '../types.ts';
import { ENCODINGS } from './decode-text.ts';

export type CuratedInput = 'manifest' | 'gazetteer' | 'topics' | 'linkCues';
const INPUT_NAMES: Record<CuratedInput, string> = { manifest: 'manifest', gazetteer: 'gazetteer', topics: 'topic lexicon', linkCues: 'link cues' };

/**
 * A refused input, in one line. When a curated file is at fault, `input` names which and `detail`
 * is the message without the file, so the CLI can put the file's path in front instead.
 */
export class PipelineInputError extends Error {
  override name = 'PipelineInputError';
  constructor(message: string, readonly input?: CuratedInput, readonly detail = message) {
    super(input ? `${INPUT_NAMES[input]}: ${detail}` : message);
  }
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup].sort();
}

const refuse = (input: CuratedInput, what: string) => new PipelineInputError('', input, what);
const label = (x: unknown) => JSON.stringify(String(x)).slice(0, 40);

/** Every place, group and rule of the gazetteer, by the contract the app checks too; references must resolve. */
export function validateGazetteer(g: Gazetteer): void {
  const bad = (what: string) => refuse('gazetteer', what);
  if (!isRec(g) || !Array.isArray(g.places)) throw bad('"places" must be a list');
  g.places.forEach((p, i) => {
    const problem = placeProblem(p);
    if (problem) throw bad(`place ${isRec(p) && isStr(p.id) && p.id ? p.id : `#${i + 1}`} ${problem}`);
  });
  const dupIds = duplicates(g.places.map((p) => p.id));
  if (dupIds.length) throw bad(`duplicate place id(s): ${dupIds.join(', ')}`);
  const ids = new Set(g.places.map((p) => p.id));
  for (const p of g.places) {
    const refs = [p.district, p.parent, ...(p.links ?? []), ...(p.hosts ?? [])].filter((x): x is string => x !== undefined);
    const missing = refs.filter((r) => !ids.has(r));
    if (missing.length) throw bad(`place ${p.id} refers to unknown place(s): ${missing.map(label).join(', ')}`);
  }
  if (!optional(g.groups, Array.isArray)) throw bad('"groups" must be a list');
  (g.groups ?? []).forEach((gr, i) => {
    if (!isRec(gr) || !isStr(gr.term) || !gr.term || !isStrList(gr.aliases) || !isStrList(gr.members)) throw bad(`group #${i + 1} needs a term, aliases and members (lists of strings)`);
    const missing = gr.members.filter((m) => !ids.has(m));
    if (missing.length) throw bad(`group ${gr.term} has unknown member(s): ${missing.map(label).join(', ')}`);
  });
  if (!optional(g.rules, Array.isArray)) throw bad('"rules" must be a list');
  (g.rules ?? []).forEach((r, i) => {
    if (!isRec(r) || !isStr(r.alias) || !r.alias || !optional(r.notAfter, isStrList) || !optional(r.notBefore, isStrList)) {
      throw bad(`rule #${i + 1} needs an alias and notAfter/notBefore lists of strings`);
    }
  });
}

/** Every topic of the lexicon: a known topic, its labels, and its terms as a list of words. */
export function validateTopics(lexicon: unknown): void {
  if (!isRec(lexicon)) throw refuse('topics', 'must be an object of topics');
  for (const [key, entry] of Object.entries(lexicon)) {
    const problem = topicEntryProblem(key, entry);
    if (problem) throw refuse('topics', `topic ${label(key)} ${problem}`);
  }
}

/** The link cue lexicon: known kinds only, each a list of words (a typo'd kind would silently never match). */
export function validateLinkCues(cues: unknown): void {
  if (!isRec(cues)) throw refuse('linkCues', 'must be an object of link kinds');
  for (const [kind, entry] of Object.entries(cues)) {
    if (!(LINK_KINDS as readonly string[]).includes(kind)) throw refuse('linkCues', `kind ${label(kind)} is not a known link kind (known: ${LINK_KINDS.join(', ')})`);
    if (!isRec(entry) || !Array.isArray(entry.terms) || entry.terms.length === 0 || !entry.terms.every((t) => typeof t === 'string' && t.trim() !== '')) {
      throw refuse('linkCues', `kind ${label(kind)}: terms must be a list of words`);
    }
  }
}

/**
 * Largest document accepted: 20× the largest seed. Every fact is loaded when the app starts,
 * and a dense 2 MB text already gives ~5 MB of facts (and ~20 s of pipeline time); a bigger
 * file is almost always a mistake (a book, a PDF dump) and is refused rather than shipped.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export function checkDocumentSize(file: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new PipelineInputError(`${file}: ${mb(bytes.length)} is over the ${mb(MAX_DOCUMENT_BYTES)} limit for one document (split it, or keep only the article)`);
  }
}

/**
 * `files` are the document file names available, `present` every file name in the folder (to
 * tell a file that is not a document from one that is missing); returns the doc id of each document.
 */
export function documentIds(manifest: ManifestEntry[], files: string[], present: ReadonlySet<string> = new Set(files)): Map<string, string> {
  const bad = (what: string) => refuse('manifest', what);
  if (!Array.isArray(manifest)) throw bad('must be a list of entries');
  const available = new Set(files);
  manifest.forEach((e: unknown, i) => {
    const problem = manifestEntryProblem(e, ENCODINGS);
    // An entry is named by its id when that is a valid one, else by its position.
    const entry = isRec(e) && isStr(e.id) && DOC_ID.test(e.id) ? e.id : `#${i + 1}`;
    if (problem) throw bad(`entry ${entry}: ${problem}`);
    const file = (e as ManifestEntry).file;
    if (!available.has(file)) {
      throw bad(present.has(file)
        ? `entry ${entry}: ${file} is not a document (a .txt, .html or .htm file in the seeds folder)`
        : `entry ${entry} names a missing file: ${file}`);
    }
  });
  const dupFiles = duplicates(manifest.map((e) => e.file));
  if (dupFiles.length) throw bad(`file(s) listed twice: ${dupFiles.join(', ')}`);
  const byFile = new Map(manifest.map((e) => [e.file, e.id]));
  const ids = new Map(files.map((f) => [f, byFile.get(f) ?? f.replace(/\.[^.]*$/, '')]));
  for (const [file, id] of ids) {
    if (!DOC_ID.test(id)) {
      throw new PipelineInputError(`${file}: document id ${JSON.stringify(id)} must be letters, digits, '.', '_' or '-' (it names data/docs/<id>.txt and goes into links)`);
    }
  }
  const dupIds = duplicates([...ids.values()]);
  if (dupIds.length) throw new PipelineInputError(`duplicate document id(s): ${dupIds.join(', ')}`);
  return ids;
}
