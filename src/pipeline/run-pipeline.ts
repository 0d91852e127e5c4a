/** All stages composed: documents + curated inputs → the facts file. Pure: no file system. */
import type { DocumentRecord, Fact, FactPlace, FactsFile, Gazetteer, ManifestEntry, Script } from '../types.ts';
import { assignContext } from './assign-context.ts';
import { decodeDocument, type Encoding } from './decode-text.ts';
import { extractBody } from './extract-body.ts';
import { extractFigures } from './extract-figures.ts';
import { factIdMaker } from './fact-id.ts';
import { htmlToText, isHtmlFile } from './html-to-text.ts';
import { buildMatcher, matchPlaces, type Matcher, type PlaceMatch } from './match-places.ts';
import { normaliseKey } from './normalise-key.ts';
import { rankRoles, type RoleCandidate } from './rank-roles.ts';
import { splitSentences } from './split-sentences.ts';
import { buildTopicTagger, tagTopics, type TopicLexicon, type TopicTagger } from './tag-topics.ts';
import { checkDocumentSize, documentIds, PipelineInputError, validateGazetteer } from './validate-inputs.ts';

export interface PipelineInput {
  documents: Array<{ file: string; bytes: Uint8Array }>;
  manifest: ManifestEntry[];
  gazetteer: Gazetteer;
  topics: TopicLexicon;
}

export interface DocumentStats {
  file: string;
  id: string;
  bodySource: 'manifest' | 'heuristic';
  /** How the bytes were read: the encoding, and 'html' when the markup was turned into text. */
  encoding: Encoding;
  html: boolean;
  sentences: number;
  facts: number;
  warnings: string[];
}

interface Ctx {
  matcher: Matcher;
  tagger: TopicTagger;
  isBroad: (id: string) => boolean;
}

/** Traditional when a noticeable share of Han characters change under simplification. */
function detectScript(text: string): Script {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).join('');
  if (han.length === 0) return 'zhHans';
  const key = normaliseKey(han).key;
  let changed = 0;
  for (let i = 0; i < key.length; i++) if (key[i] !== han[i]) changed++;
  return changed / han.length > 0.03 ? 'zhHant' : 'zhHans';
}

function processDocument(file: string, id: string, bytes: Uint8Array, entry: ManifestEntry | undefined, ctx: Ctx) {
  checkDocumentSize(file, bytes);
  let decoded: { text: string; encoding: Encoding };
  try {
    decoded = decodeDocument(bytes, entry?.encoding);
  } catch (e) {
    throw new PipelineInputError(`${file}: ${(e as Error).message}`);
  }
  const html = isHtmlFile(file);
  const text = html ? htmlToText(decoded.text) : decoded.text;
  const body = extractBody(text, entry);
  const spans = splitSentences(text, body.start, body.end);
  const rows = spans.map((s) => {
    const sentence = text.slice(s.start, s.end);
    const norm = normaliseKey(sentence);
    const matches = matchPlaces(ctx.matcher, sentence, norm);
    const figures = extractFigures(sentence, s.start);
    return { ...s, sentence, norm, matches, figures, topics: tagTopics(ctx.tagger, norm.key, figures) };
  });
  const context = assignContext(rows.map((r) => ({ ...r, text: r.sentence, places: r.matches })), ctx.isBroad);
  const nextId = factIdMaker(id);
  const facts: Fact[] = [];
  const roles: RoleCandidate[] = [];
  rows.forEach((r, i) => {
    const places = explicitPlaces(r.matches);
    for (const pid of context[i]) if (!places.some((p) => p.id === pid)) places.push({ id: pid, how: 'context' });
    if (places.length === 0 && r.topics.length === 0) return;
    const fact: Fact = {
      id: nextId(r.norm.key), doc: id, start: r.start, end: r.end, text: r.sentence,
      heading: r.heading, places, topics: r.topics, figures: r.figures,
    };
    facts.push(fact);
    if (places.length) {
      const at = (pid: string) => r.matches.find((m) => m.placeId === pid)?.start;
      roles.push({ fact: fact.id, key: r.norm.key, heading: r.heading, places: places.map((p) => ({ id: p.id, how: p.how, at: at(p.id), via: p.via !== undefined })) });
    }
  });
  // Unlisted documents: the first heading of the body stands for the title.
  const head = spans.find((s) => s.heading);
  const record: DocumentRecord = {
    id, file,
    title: entry?.title ?? (head ? text.slice(head.start, head.end) : file),
    publisher: entry?.publisher ?? '', date: entry?.date ?? '',
    ...(entry?.url ? { url: entry.url } : {}),
    script: entry?.script ?? detectScript(text.slice(body.start, body.end)),
    bodySource: body.source, bodyStart: body.start, bodyEnd: body.end, length: text.length,
  };
  const stats: DocumentStats = {
    file, id, bodySource: body.source, encoding: decoded.encoding, html, sentences: spans.length, facts: facts.length,
    warnings: documentWarnings(text, spans.length, facts),
  };
  return { record, facts, roles, stats, text };
}

/** What a person adding the document should look at: it still goes into the output. */
function documentWarnings(text: string, sentences: number, facts: Fact[]): string[] {
  if (text.trim() === '') return ['empty document: no facts'];
  if (sentences === 0) return ['no sentences in the body: no facts'];
  // Also what a wrongly decoded file looks like (Big5 read as GB18030 names nothing).
  if (!facts.some((f) => f.places.length > 0)) return ['no place from the gazetteer is named: no facts about places (if the text looks garbled, give its "encoding" in the manifest)'];
  return [];
}

/** One entry per place named, in order of first mention; a group keeps its term. */
function explicitPlaces(matches: PlaceMatch[]): FactPlace[] {
  const out: FactPlace[] = [];
  for (const m of matches) {
    if (out.some((p) => p.id === m.placeId)) continue;
    out.push(m.via ? { id: m.placeId, how: 'explicit', via: m.via } : { id: m.placeId, how: 'explicit' });
  }
  return out;
}

/** The facts file, per-document stats, and each decoded text by document id (fact offsets index into it). */
export function runPipelineWithStats(input: PipelineInput): { file: FactsFile; stats: DocumentStats[]; texts: Map<string, string> } {
  validateGazetteer(input.gazetteer);
  const docs = [...input.documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const ids = documentIds(input.manifest, docs.map((d) => d.file));
  const byFile = new Map(input.manifest.map((e) => [e.file, e]));
  const kinds = new Map(input.gazetteer.places.map((p) => [p.id, p]));
  const ctx: Ctx = {
    matcher: buildMatcher(input.gazetteer),
    tagger: buildTopicTagger(input.topics),
    // Too large to lend context: the municipality and province-sized areas (津冀 of 京津冀).
    isBroad: (id) => {
      const p = kinds.get(id);
      return !p || p.kind === 'municipality' || (p.geometry.type === 'boundary' && p.geometry.layer === 'province');
    },
  };
  const results = docs.map((d) => processDocument(d.file, ids.get(d.file)!, d.bytes, byFile.get(d.file), ctx));
  const facts = results.flatMap((r) => r.facts);
  const roles = rankRoles(results.flatMap((r) => r.roles));
  const counts = new Map<string, number>();
  for (const f of facts) for (const p of f.places) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  const places = input.gazetteer.places.map((p) => ({ ...p, factCount: counts.get(p.id) ?? 0, role: roles.get(p.id) ?? [] }));
  return {
    file: { documents: results.map((r) => r.record), places, facts },
    stats: results.map((r) => r.stats),
    texts: new Map(results.map((r) => [r.record.id, r.text])),
  };
}

export function runPipeline(input: PipelineInput): FactsFile {
  return runPipelineWithStats(input).file;
}
