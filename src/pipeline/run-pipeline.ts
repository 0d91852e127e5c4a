/** All stages composed: documents + curated inputs → the facts file. Pure: no file system. */
import { aggregate } from '../place-facts.ts';
import type { DocumentRecord, Fact, FactPlace, FactsFile, Gazetteer, ManifestEntry, PlaceKind, Script } from '../types.ts';
import { assignContext } from './assign-context.ts';
import { classifyLinks, type LinkCues, type LinkEvidence } from './classify-links.ts';
import { decodeDocument, type Encoding } from './decode-text.ts';
import { extractBody } from './extract-body.ts';
import { extractFigures } from './extract-figures.ts';
import { factIdMaker } from './fact-id.ts';
import { htmlToText, isHtmlFile } from './html-to-text.ts';
import { isBeijingRegion, type Divisions } from './divisions.ts';
import { findMentions } from './find-mentions.ts';
import { gazetteerGaps, type Gap, type GapSentence } from './gazetteer-gaps.ts';
import { buildNameIndex, type NameIndex } from './name-index.ts';
import { normaliseKey, simplify, toOriginalRange } from './normalise-key.ts';
import { personNames } from './person-names.ts';
import { isWeak, resolveMentions, type Resolution, type Why } from './resolve-mentions.ts';
import { buildShortForms, matchGenericHeads, matchShortForms, type ShortForms } from './short-forms.ts';
import { jiebaTagger, wordStarts, type Tagger } from './segment-words.ts';
import { rankRoles, type RoleCandidate } from './rank-roles.ts';
import { splitSentences } from './split-sentences.ts';
import { buildTopicTagger, tagTopics, type TopicLexicon, type TopicTagger } from './tag-topics.ts';
import { checkDocumentSize, documentIds, PipelineInputError, validateGazetteer, validateLinkCues, validateTopics } from './validate-inputs.ts';

export interface PipelineInput {
  documents: Array<{ file: string; bytes: Uint8Array }>;
  manifest: ManifestEntry[];
  gazetteer: Gazetteer;
  topics: TopicLexicon;
  /** Cue words for the kind of link a clause states (geo/link-cues.json); without them every place beyond Beijing is only mentioned. */
  linkCues?: LinkCues;
  /** The national division table (geo/divisions.json): competing candidates for every name. */
  divisions: Divisions;
  /** Every file name in the seeds folder, documents or not (a manifest entry naming notes.md is told apart from a missing file). */
  folderFiles?: ReadonlySet<string>;
  /** Words with their parts of speech: boundaries for matching, tags for the gaps report; jieba unless a test gives its own. */
  tag?: Tagger;
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
  /** Names left unassigned, with why: ambiguous, out of scope, or qualified as somewhere else. */
  unresolved: Array<{ name: string; why: Why; sentence: string }>;
  /** Names that look like places the gazetteer lacks, for a curator. */
  gaps: Gap[];
}

interface Ctx extends PlaceReading {
  index: NameIndex;
  tag: Tagger;
  shortForms: ShortForms;
  tagger: TopicTagger;
  /** Beijing district place id by county code (a Beijing town rolls up to its district). */
  districtByCounty: Map<string, string>;
  /** The Beijing district a place is or lies in. */
  districtOf: (id: string) => string | undefined;
  /** A gazetteer name or a short form of one. */
  isKnownName: (key: string) => boolean;
}

/** Addresses more than scenes: a story in a park inside one is not about it too. */
const ADDRESSES = new Set<PlaceKind>(['district', 'town']);
/** Scenes that are bodies with sites of their own (a lab's institute may work in a science city far from its seat). */
const INSTITUTIONS = new Set<PlaceKind>(['institute', 'university']);
/** Kinds of place a story can happen at (the others are mentioned in passing: a bank, a region). */
const SCENES = new Set<PlaceKind>(['district', 'science-city', 'development-zone', 'sub-park', 'park', 'town', 'facility', 'institute', 'university']);

/** How the context stage reads the gazetteer's places: their kinds and what lies in what. */
export interface PlaceReading {
  /** The municipality: as a sentence's subject it makes the sentence about Beijing as a whole. */
  isWhole: (id: string) => boolean;
  isScene: (id: string) => boolean;
  isAddress: (id: string) => boolean;
  isInstitution: (id: string) => boolean;
  within: (inner: string, outer: string) => boolean;
  /** Too large to lend context: the municipality and province-sized areas (津冀 of 京津冀), or unknown. */
  isBroad: (id: string) => boolean;
}

export function placeReading(gazetteer: Gazetteer): PlaceReading {
  const kinds = new Map(gazetteer.places.map((p) => [p.id, p]));
  return {
    isWhole: (id) => kinds.get(id)?.kind === 'municipality',
    isScene: (id) => SCENES.has(kinds.get(id)?.kind ?? 'other'),
    isAddress: (id) => ADDRESSES.has(kinds.get(id)?.kind ?? 'other'),
    isInstitution: (id) => INSTITUTIONS.has(kinds.get(id)?.kind ?? 'other'),
    within: (inner, outer) => {
      // Up the district and parent links (a sub-park lies in its district and in the zone).
      const seen = new Set<string>();
      const up = (id: string): boolean => {
        if (seen.has(id)) return false;
        seen.add(id);
        const p = kinds.get(id);
        return !!p && [p.district, p.parent].some((x) => x !== undefined && x !== id && (x === outer || up(x)));
      };
      return up(inner);
    },
    isBroad: (id) => {
      const p = kinds.get(id);
      return !p || p.kind === 'municipality' || (p.geometry.type === 'boundary' && p.geometry.layer === 'province');
    },
  };
}

/** A resolved name as a fact place, or nothing (a region elsewhere, or unresolved). */
interface ExplicitPlace {
  placeId: string;
  start: number;
  end: number;
  /** The same offset in the sentence's key (where a clause is cut). */
  keyStart: number;
  how: 'explicit' | 'group';
  via?: string;
}

function asPlaces(r: Resolution, ctx: Ctx): ExplicitPlace[] {
  const ref = r.referent;
  const { start, end, keyStart } = r.mention;
  if (!ref) return [];
  if (ref.type === 'place') return [{ placeId: ref.id, start, end, keyStart, how: 'explicit' }];
  if (ref.type === 'group') return ref.members.map((placeId) => ({ placeId, start, end, keyStart, how: 'group', via: ref.term }));
  // A Beijing town the gazetteer lacks is a fact about its district, through the town.
  const district = isBeijingRegion(ref.unit.region) ? ctx.districtByCounty.get(ref.unit.region.slice(0, 6)) : undefined;
  return district ? [{ placeId: district, start, end, keyStart, how: 'explicit', via: r.mention.alias }] : [];
}

/**
 * A name at the front of a site's name the gazetteer lacks (中关村|西三旗(金隅)科技园, 中关村|创业大街,
 * 温泉镇|中关村创客小镇): the place stands in for the site, with the district named before it.
 */
const SITE_AFTER = /^[^\s，,。；;：:、“”"的和与及在]{0,10}?(?:科技园|科学园|产业园|园区|园(?![林艺长丁])|基地|小镇|大街|街)/;
/** `plain`: the sentence in Simplified script; `end`: where the name ends in it. */
export const hostsSite = (plain: string, end: number) => SITE_AFTER.test(plain.slice(end));

/** Names a region other than ours and no place of ours (its context would be wrong there). */
function aboutElsewhere(rs: Resolution[], ctx: Ctx): boolean {
  const ours = (r: Resolution) => r.referent !== null && asPlaces(r, ctx).some((p) => ctx.index.regionOf.get(p.placeId)?.startsWith('11'));
  const other = (r: Resolution) => r.referent !== null && r.referent.type === 'division' && !isBeijingRegion(r.referent.unit.region) && !isWeak(r.referent);
  return rs.some(other) && !rs.some(ours);
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
    const words = ctx.tag(norm.key);
    const starts = wordStarts(words.map((w) => w.word), norm.key);
    const mentions = findMentions(ctx.index, sentence, norm, starts);
    const figures = extractFigures(sentence, s.start);
    return { ...s, sentence, norm, words, starts, mentions, figures, topics: tagTopics(ctx.tagger, norm.key, figures) };
  });
  const persons = personNames(ctx.index, rows.flatMap((r) => r.words));
  const resolved = resolveMentions(rows.map((r) => ({ paragraph: r.paragraph, key: r.norm.key, mentions: r.mentions })), persons);
  const matches = resolved.sentences.map((rs) => rs.flatMap((r) => asPlaces(r, ctx)));
  // In a document about somewhere else, a Beijing name is a passing mention: it lends nothing.
  const isBroad = resolved.aboutBeijing === false ? (id: string) => ctx.isBroad(id) || (ctx.index.regionOf.get(id) ?? '').startsWith('11') : ctx.isBroad;
  const context = assignContext(
    rows.map((r, i) => {
      // Simplified, offset for offset, so that its cue words (这里, 我国, 摄 …) read either script.
      const plain = simplify(r.sentence);
      return {
        text: plain, heading: r.heading, level: r.level, paragraph: r.paragraph,
        places: matches[i].map((m) => (m.how === 'group' ? { placeId: m.placeId, start: m.start, end: m.end, via: m.via } : { placeId: m.placeId, start: m.start, end: m.end, ...(hostsSite(plain, m.end) && { host: true }) })),
        elsewhere: aboutElsewhere(resolved.sentences[i], ctx),
      };
    }),
    { isBroad, isWhole: ctx.isWhole, within: ctx.within, isScene: ctx.isScene, isAddress: ctx.isAddress, isInstitution: ctx.isInstitution },
  );
  // Short forms (综合性国家科学中心, 科学城) resolve where the sentence, or the one before it, is about their place.
  let before = new Set<string>();
  const taken = resolved.sentences.map((rs) => rs.map((x): [number, number] => [x.mention.keyStart, x.mention.keyEnd]));
  rows.forEach((r, i) => {
    const here = [...matches[i].map((m) => m.placeId), ...context[i].map((c) => c.id)];
    // …and generic heads (园区, 基地) stand for the park or base the sentence is about by context.
    const lent = new Set(context[i].map((c) => c.id));
    const short = matchShortForms(ctx.shortForms, r.norm.key, r.starts, taken[i], new Set([...here, ...before]));
    const generic = matchGenericHeads(ctx.shortForms, r.norm.key, r.starts, [...taken[i], ...short.map((m): [number, number] => [m.keyStart, m.keyEnd])], lent);
    for (const m of [...short, ...generic]) {
      const [start, end] = toOriginalRange(r.norm, m.keyStart, m.keyEnd);
      matches[i].push({ placeId: m.placeId, start, end, keyStart: m.keyStart, how: 'explicit' });
      context[i] = context[i].filter((c) => c.id !== m.placeId);
      taken[i].push([m.keyStart, m.keyEnd]);
    }
    matches[i].sort((a, b) => a.start - b.start);
    before = new Set([...matches[i].map((m) => m.placeId), ...context[i].map((c) => c.id)]);
  });
  const nextId = factIdMaker(id);
  const facts: Fact[] = [];
  const roles: RoleCandidate[] = [];
  const links: LinkEvidence[] = [];
  const gapSentences: GapSentence[] = [];
  rows.forEach((r, i) => {
    const places = explicitPlaces(matches[i]);
    gapSentences.push({
      key: r.norm.key, words: r.words, taken: taken[i], known: ctx.isKnownName,
      divisions: resolved.sentences[i].flatMap((x) => {
        const u = x.referent?.type === 'division' && !isWeak(x.referent) ? x.referent.unit : null;
        if (!u || u.level < 3 || !/^1[123]/.test(u.region)) return [];
        return [{ name: u.name, where: (isBeijingRegion(u.region) && ctx.districtByCounty.get(u.region.slice(0, 6))) || u.region }];
      }),
      districts: [...new Set([...places.map((p) => p.id), ...context[i].map((c) => c.id)].map((pid) => ctx.districtOf(pid)).filter((d): d is string => !!d))],
    });
    for (const lent of context[i]) {
      if (places.some((p) => p.id === lent.id)) continue;
      places.push(lent.via ? { id: lent.id, how: 'group', via: lent.via } : { id: lent.id, how: 'context' });
    }
    if (places.length === 0 && r.topics.length === 0) return;
    const fact: Fact = {
      id: nextId(r.norm.key), doc: id, start: r.start, end: r.end, text: r.sentence,
      heading: r.heading, places, topics: r.topics, figures: r.figures,
    };
    facts.push(fact);
    if (places.length) {
      const at = (pid: string) => matches[i].find((m) => m.placeId === pid)?.start;
      roles.push({ fact: fact.id, key: r.norm.key, heading: r.heading, genre: entry?.genre, places: places.map((p) => ({ id: p.id, how: p.how, at: at(p.id) })) });
      const keyAt = (pid: string) => matches[i].find((m) => m.placeId === pid)?.keyStart;
      links.push({ fact: fact.id, key: r.norm.key, places: places.map((p) => ({ id: p.id, how: p.how, at: keyAt(p.id) })) });
    }
  });
  const unresolved = resolved.sentences.flatMap((rs, i) =>
    rs.filter((r) => r.referent === null && r.mention.referents.some((x) => x.type !== 'division' || isBeijingRegion(x.unit.region)))
      .map((r) => ({ name: r.mention.alias, why: r.why, sentence: rows[i].sentence })));
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
    warnings: documentWarnings(text, spans.length, facts, unresolved.length),
    unresolved,
    gaps: gazetteerGaps(gapSentences),
  };
  return { record, facts, roles, links, stats, text };
}

/** What a person adding the document should look at: it still goes into the output. */
function documentWarnings(text: string, sentences: number, facts: Fact[], unassigned: number): string[] {
  if (text.trim() === '') return ['empty document: no facts'];
  if (sentences === 0) return ['no sentences in the body: no facts'];
  if (facts.some((f) => f.places.length > 0)) return [];
  if (unassigned > 0) return ['no place could be assigned: every name of ours it uses is ambiguous or about somewhere else (see "unassigned")'];
  // Also what a wrongly decoded file looks like (Big5 read as GB18030 names nothing).
  return ['no place from the gazetteer is named: no facts about places (if the text looks garbled, give its "encoding" in the manifest)'];
}

/** One entry per place named, in order of first mention; named directly beats named through a group. */
function explicitPlaces(matches: ExplicitPlace[]): FactPlace[] {
  const out: FactPlace[] = [];
  for (const m of matches) {
    const place: FactPlace = m.via ? { id: m.placeId, how: m.how, via: m.via } : { id: m.placeId, how: m.how };
    const at = out.findIndex((p) => p.id === m.placeId);
    if (at < 0) out.push(place);
    else if (out[at].how === 'group' && m.how === 'explicit') out[at] = place;
  }
  return out;
}

/** The facts file, per-document stats, and each decoded text by document id (fact offsets index into it). */
export function runPipelineWithStats(input: PipelineInput): { file: FactsFile; stats: DocumentStats[]; texts: Map<string, string> } {
  validateGazetteer(input.gazetteer);
  validateTopics(input.topics);
  if (input.linkCues) validateLinkCues(input.linkCues);
  const docs = [...input.documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const ids = documentIds(input.manifest, docs.map((d) => d.file), input.folderFiles);
  const byFile = new Map(input.manifest.map((e) => [e.file, e]));
  const kinds = new Map(input.gazetteer.places.map((p) => [p.id, p]));
  const index = buildNameIndex(input.gazetteer, input.divisions);
  const shortForms = buildShortForms(input.gazetteer, index);
  const ctx: Ctx = {
    index,
    shortForms,
    tag: input.tag ?? jiebaTagger,
    districtByCounty: new Map(input.gazetteer.places.filter((p) => p.kind === 'district' && p.division).map((p) => [p.division!, p.id])),
    isKnownName: (key) => index.keyIndex.has(key) || shortForms.keys.includes(key),
    districtOf: (pid) => {
      const p = kinds.get(pid);
      return p?.kind === 'district' ? p.id : p?.district;
    },
    tagger: buildTopicTagger(input.topics),
    ...placeReading(input.gazetteer),
  };
  const results = docs.map((d) => processDocument(d.file, ids.get(d.file)!, d.bytes, byFile.get(d.file), ctx));
  const facts = results.flatMap((r) => r.facts);
  const roles = rankRoles(results.flatMap((r) => r.roles));
  // Places beyond Beijing the map draws as links or arrows: what the documents say ties them.
  const beyond = (id: string) => ['jjj-node', 'national-node'].includes(kinds.get(id)?.kind ?? '');
  const links = classifyLinks(results.flatMap((r) => r.links), beyond, input.linkCues ?? {});
  // The app's counting rule (src/place-facts.ts), so that the count in the file is the one it shows.
  const counts = aggregate(input.gazetteer.places, facts);
  const places = input.gazetteer.places.map((p) => {
    const link = links.get(p.id);
    return { ...p, factCount: counts.count(p.id), role: roles.get(p.id) ?? [], ...(link ? { link } : {}) };
  });
  return {
    file: { documents: results.map((r) => r.record), places, facts },
    stats: results.map((r) => r.stats),
    texts: new Map(results.map((r) => [r.record.id, r.text])),
  };
}

export function runPipeline(input: PipelineInput): FactsFile {
  return runPipelineWithStats(input).file;
}
