/**
 * Chooses what each name of a document means, by evidence, the way a geoparser does:
 *  1. a qualifier right before the name (长春市朝阳区, 江苏南通, 中国（上海）自由贸易试验区) keeps only
 *     the candidates inside it; a name followed by another region's name and more of a compound
 *     (北京大学深圳医院, 中关村南阳科技产业园) is that region's thing, not Beijing's;
 *  2. the document's geographic scope: names with one meaning vote for their province and
 *     prefecture, per paragraph and per document (a page naming 吉林 and 长春 and never 北京 is
 *     not about Beijing); so does a province's name that a town elsewhere shares (北京, and
 *     广州's 北京街道), for the document only and not as one item of a list;
 *  3. a name with several candidates takes the one the places named with it support best — in
 *     its sentence, else its paragraph, else its document; a tie or no support leaves it
 *     unresolved (and the run says so);
 *  4. a Beijing name that does not locate itself (未来科技城, 经开区, 综合保税区, 小米 — no Beijing
 *     place name inside it) counts only where its sentence, else its paragraph, also names Beijing,
 *     or, where they name nowhere, the document is about Beijing; a page that names no Beijing
 *     place at all gives it no Beijing meaning. Any Beijing name counts only where something else
 *     in its sentence or document is Beijing's too, when the document names places elsewhere
 *     (东城区, over and over, on a page about 东莞 is 东莞's);
 *  5. a town's short form (东城 of 东城街道, 河北 of 河北镇) beats a bigger unit or a gazetteer place
 *     only with local evidence: a qualifier, or its county named in the paragraph; and a Beijing
 *     town's name (天竺, 燕园, 新街口) counts only on a page that names Beijing above town level,
 *     or that names the same place by a name that is no town's (亦庄 after 北京经济技术开发区);
 *  6. a name the document also uses inside a person's name (昌平 of 李昌平) is the person there.
 * Pure: mentions in, one resolution per mention out.
 */
import { compatible, isBeijingRegion } from './divisions.ts';
import type { Mention } from './find-mentions.ts';
import { regionOfReferent, type Referent } from './name-index.ts';

export interface MentionSentence {
  paragraph: number;
  /** The sentence's normalised key (mentions' key offsets index it). */
  key: string;
  mentions: Mention[];
}

export type Why = 'only' | 'qualifier' | 'scope' | 'ambiguous' | 'elsewhere' | 'out-of-scope' | 'person';

export interface Resolution {
  mention: Mention;
  /** null: unresolved (why says which way). */
  referent: Referent | null;
  why: Why;
  /** The candidates left after the text's own evidence (qualifiers), for reports. */
  candidates: Referent[];
}

/** What may stand between a qualifier and the name it qualifies. */
const SEPARATOR = /^[\s()（）·・\-—–]*$/;
/** What may follow a region name that ends a list item (北京、上海; 北京和天津) rather than a compound. */
const LIST_NEXT = /^(?:$|[\p{P}\s\d]|[和与及或等])/u;
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

type Votes = Map<string, number>;

const isTownShort = (r: Referent) => r.type === 'division' && r.short && r.unit.level === 4;
/** A Beijing town's name, or a place named by one: it speaks for Beijing only where more does. */
const isBeijingTown = (r: Referent) => isBeijingReferent(r) && (r.type === 'division' ? r.unit.level === 4 : r.type === 'place' && !!r.town);
/**
 * The short form of a county or town elsewhere is often a word (资源 of 资源县, 和平 of 和平区):
 * it may compete with a Beijing name, but it is no evidence of what a text is about.
 */
export const isWeak = (r: Referent) => r.type === 'division' && r.short && r.unit.level >= 3 && !isBeijingRegion(r.unit.region);
const isBeijingReferent = (r: Referent) => isBeijingRegion(regionOfReferent(r));
/** Generic Beijing names neither vote nor count without scope. */
const isGenericBeijing = (r: Referent) => r.type !== 'division' && r.generic && isBeijingReferent(r);

/** The longest region code every candidate lies in ('' when they share none). */
function commonRegion(cands: Referent[]): string {
  if (cands.length === 0) return '';
  let region = regionOfReferent(cands[0]);
  for (const c of cands) {
    const r = regionOfReferent(c);
    while (!r.startsWith(region)) region = region.slice(0, -1);
  }
  return region;
}

/** A region's prefecture (a municipality is its own), or the province when that is all it says. */
function prefectureOf(region: string): string {
  if (region.length >= 4) return region.slice(0, 4);
  return MUNICIPALITIES.has(region) ? `${region}01` : region;
}

/** The region prefixes a vote counts for: province, prefecture (a municipality is its own), county. */
function levels(region: string): string[] {
  const out = [region.slice(0, 2)];
  if (region.length >= 4) out.push(region.slice(0, 4));
  else if (MUNICIPALITIES.has(region)) out.push(`${region}01`);
  if (region.length >= 6) out.push(region.slice(0, 6));
  return out;
}

function vote(votes: Votes, region: string): void {
  for (const l of levels(region)) votes.set(l, (votes.get(l) ?? 0) + 1);
}

/** Support for a candidate: its prefecture's votes count double its province's. */
function support(votes: Votes, r: Referent): number {
  const [province, prefecture] = levels(regionOfReferent(r));
  return (votes.get(province) ?? 0) + 2 * (prefecture ? (votes.get(prefecture) ?? 0) : 0);
}

/** Beijing's votes and the most any other province has. */
function tally(votes: Votes): { beijing: number; other: number } {
  let beijing = 0;
  let other = 0;
  for (const [k, n] of votes) {
    if (k.length !== 2) continue;
    if (k === '11') beijing = n;
    else other = Math.max(other, n);
  }
  return { beijing, other };
}

/** Whether a document is about Beijing: it names Beijing at least as often as anywhere else (null: it names nowhere). */
function aboutBeijing(votes: Votes): boolean | null {
  const { beijing, other } = tally(votes);
  return beijing + other === 0 ? null : beijing >= other;
}

/**
 * Whether a generic Beijing name counts here: its sentence, else its paragraph, names Beijing
 * (a Beijing plan's paragraph on 北三县 still is Beijing's), else the document is about Beijing;
 * with no evidence anywhere, yes.
 */
function inBeijingScope(sentence: Votes, paragraph: Votes, doc: Votes): boolean {
  for (const local of [sentence, paragraph]) {
    const { beijing, other } = tally(local);
    if (beijing > 0) return true;
    if (other > 0) return false;
  }
  // A page that names no place of Beijing's gives a generic name no Beijing meaning (小米 in a
  // porridge recipe, 一区 of a journal ranking).
  return aboutBeijing(doc) ?? false;
}

/** The candidate with the most support, or null on a tie or none. */
function best(cands: Referent[], votes: Votes): Referent | null {
  const scored = cands.map((c) => ({ c, s: support(votes, c) })).sort((a, b) => b.s - a.s);
  return scored[0].s > 0 && (scored.length === 1 || scored[1].s < scored[0].s) ? scored[0].c : null;
}

export interface DocumentResolution {
  sentences: Resolution[][];
  /** Whether the document as a whole is about Beijing (null: its names say nothing either way). */
  aboutBeijing: boolean | null;
}

/**
 * `persons`: names this document uses inside a person's name (昌平 of 李昌平): anywhere in it,
 * the bare name is taken for the person too (one sense per discourse).
 */
export function resolveMentions(sentences: MentionSentence[], persons: Set<string> = new Set()): DocumentResolution {
  // 1. The text's own evidence: qualifiers and trailing regions.
  const cands = sentences.map((s) => s.mentions.map((m) => [...m.referents]));
  const qualified = sentences.map((s) => s.mentions.map(() => false));
  /** Qualified by a Beijing name (北京清华大学): in scope wherever the text is. */
  const inBeijing = sentences.map((s) => s.mentions.map(() => false));
  sentences.forEach((s, si) => {
    s.mentions.forEach((m, mi) => {
      const prev = s.mentions[mi - 1];
      // A county's short form that may be a word (资源 of 资源县) qualifies nothing.
      if (prev && SEPARATOR.test(s.key.slice(prev.keyEnd, m.keyStart)) && !cands[si][mi - 1].every(isWeak)) {
        const q = commonRegion(cands[si][mi - 1]);
        if (q) {
          // Inside the qualifier; else inside its prefecture (北京怀柔科学城中科院物理研究所: the
          // institute's Huairou campus); else the name is the qualifier's region's own.
          const inside = cands[si][mi].filter((c) => compatible(regionOfReferent(c), q));
          const near = cands[si][mi].filter((c) => compatible(prefectureOf(regionOfReferent(c)), prefectureOf(q)));
          cands[si][mi] = inside.length ? inside : near;
          qualified[si][mi] = true;
          inBeijing[si][mi] = isBeijingRegion(q);
        }
      }
      const next = s.mentions[mi + 1];
      const regionElsewhere = (r: Referent) => r.type === 'division' && r.unit.level <= 3 && !isBeijingRegion(r.unit.region);
      if (next && next.keyStart === m.keyEnd && next.referents.every(regionElsewhere) && !LIST_NEXT.test(s.key.slice(next.keyEnd))) {
        cands[si][mi] = cands[si][mi].filter((c) => !isBeijingReferent(c));
      }
    });
  });

  // 2. Votes of names with one meaning, per sentence, per paragraph and for the document.
  const doc: Votes = new Map();
  /** The document's votes without town names: what a town name needs to count for Beijing. */
  const aboveTowns: Votes = new Map();
  const byParagraph = new Map<number, Votes>();
  // A Beijing name is no evidence that the text is about Beijing where it is the only one
  // (东城区, over and over, on a page about 东莞): names are counted, not just votes.
  /** The names that voted for each province: evidence from one word alone (桃园) is weak. */
  const namesFor = new Map<string, Set<string>>();
  const nameOf = (s: MentionSentence, m: Mention) => s.key.slice(m.keyStart, m.keyEnd);
  /** Places the document names by a name that is no town's (北京经济技术开发区): their town names (亦庄) mean them too. */
  const namedFully = new Set<string>();
  /** Per sentence, the region each name voted for. */
  const cast: Array<Array<{ name: string; region: string; town: boolean }>> = sentences.map(() => []);
  const bySentence: Votes[] = sentences.map(() => new Map());
  /** `local`: the vote counts for its sentence and paragraph too, not only for the document. */
  const castVote = (si: number, mi: number, c: Referent[], local = true) => {
    const s = sentences[si];
    const region = commonRegion(c);
    if (region.length < 2 || c.some(isGenericBeijing) || c.every(isWeak)) return;
    const name = nameOf(s, s.mentions[mi]);
    if (local) cast[si].push({ name, region, town: c.some(isBeijingTown) });
    if (c.length === 1 && c[0].type === 'place' && !isBeijingTown(c[0])) namedFully.add(c[0].id);
    for (const v of local ? [doc, byParagraph.get(s.paragraph)!, bySentence[si]] : [doc]) vote(v, region);
    if (!c.some(isBeijingTown)) vote(aboveTowns, region);
    // 长春市朝阳区 is one reference: a qualified name adds no name of its own.
    const province = region.slice(0, 2);
    if (!qualified[si][mi]) namesFor.set(province, (namesFor.get(province) ?? new Set()).add(name));
  };
  /** A province's name that is also a town's short form elsewhere (北京 of 广州's 北京街道). */
  const provinceNames: Array<[number, number]> = [];
  sentences.forEach((s, si) => {
    if (!byParagraph.has(s.paragraph)) byParagraph.set(s.paragraph, new Map());
    cands[si].forEach((c, mi) => {
      if (c.some((r) => !isTownShort(r) && regionOfReferent(r).length === 2) && c.some(isTownShort)) provinceNames.push([si, mi]);
      else castVote(si, mi, c);
    });
  });
  // Such a name says what the page is about — for the document only: in its sentence it is as
  // often a distance or a comparison (离北京200公里) as a scope; unless the text names the town's
  // county (房山区的河北镇 … 河北的小米: the town), and not as one item of a list (来自天津、北京、上海…).
  for (const [si, mi] of provinceNames) {
    const { key } = sentences[si];
    const m = sentences[si].mentions[mi];
    const c = cands[si][mi];
    const countyNamed = c.some((r) => isTownShort(r) && (doc.get(regionOfReferent(r).slice(0, 6)) ?? 0) > 0);
    if (!countyNamed && key[m.keyStart - 1] !== '、' && key[m.keyEnd] !== '、') castVote(si, mi, c.filter((r) => !isTownShort(r)), false);
  }

  // What the page as a whole says for and against Beijing, the same for each of its names.
  const beijingNamed = namesFor.get('11') ?? new Set<string>();
  const mostNamesElsewhere = Math.max(0, ...[...namesFor].filter(([province]) => province !== '11').map(([, names]) => names.size));
  const townsOfBeijing = new Set(cast.flat().filter((v) => v.town).map((v) => v.name)).size;
  const pageAboveTowns = aboutBeijing(aboveTowns);

  // 3–5. Choose: first what the sentence itself decides, whose choices then vote too (海淀区和
  // 朝阳区 makes 朝阳区 Beijing's for the rest of the document); then the rest.
  const choose = (si: number, mi: number, sentenceOnly: boolean): Resolution | null => {
    const s = sentences[si];
    const mention = s.mentions[mi];
    const para = byParagraph.get(s.paragraph)!;
    let c = cands[si][mi];
    const done = (referent: Referent | null, why: Why): Resolution => ({ mention, referent, why, candidates: c });
    if (persons.has(nameOf(s, mention))) return done(null, 'person');
    if (c.length === 0) return done(null, 'elsewhere');
    // A town's short form against a bigger unit or a place: only with its county nearby.
    if (!qualified[si][mi] && c.some(isTownShort) && c.some((r) => !isTownShort(r))) {
      // …or its county named in the document more than the bigger unit's region (三河 of 肥西县三河镇).
      const county = (v: Votes, r: Referent) => v.get(regionOfReferent(r).slice(0, 6)) ?? 0;
      const bigger = Math.max(...c.filter((r) => !isTownShort(r)).map((r) => support(doc, r)));
      c = c.filter((r) => !isTownShort(r) || county(para, r) > 0 || 2 * county(doc, r) > bigger);
    }
    const inScope = () => inBeijing[si][mi] || inBeijingScope(bySentence[si], para, doc);
    const name = nameOf(s, mention);
    // A Beijing name on a page about somewhere else — named there by at least two names, and by
    // more names than Beijing is besides this one — with nothing else in its sentence about Beijing.
    const beijingNames = beijingNamed.size - (beijingNamed.has(name) ? 1 : 0);
    const elsewhere = mostNamesElsewhere >= 2 && mostNamesElsewhere > beijingNames;
    const beijingBeside = cast[si].some((v) => v.name !== name && isBeijingRegion(v.region));
    // A town's name (天竺, 燕园, 新街口) counts for Beijing only on a page that names Beijing above
    // town level, or in a sentence that does; town names of Beijing support each other when the
    // page has two or more of them and names no other province as often (上地, 望京, 亦庄).
    const strongBeside = cast[si].some((v) => v.name !== name && !v.town && isBeijingRegion(v.region));
    const townsHold = townsOfBeijing >= 2 && mostNamesElsewhere < townsOfBeijing;
    const weakTown = (r: Referent) => isBeijingTown(r) && !(r.type === 'place' && namedFully.has(r.id)) && !inBeijing[si][mi] && !strongBeside && pageAboveTowns !== true && !townsHold;
    const outOfScope = (r: Referent) => weakTown(r) || (isBeijingReferent(r) && !inBeijing[si][mi] && elsewhere && !beijingBeside);
    if (c.length === 1) {
      const [r] = c;
      if (outOfScope(r)) return done(null, 'out-of-scope');
      if (!isGenericBeijing(r)) return done(r, qualified[si][mi] ? 'qualifier' : 'only');
      return inScope() ? done(r, 'scope') : done(null, 'out-of-scope');
    }
    const chosen = best(c, bySentence[si]) ?? (sentenceOnly ? undefined : best(c, para) ?? best(c, doc));
    if (chosen === undefined) return null;
    if (!chosen) return done(null, 'ambiguous');
    if (outOfScope(chosen) || (isGenericBeijing(chosen) && !inScope())) return done(null, 'out-of-scope');
    return done(chosen, 'scope');
  };
  const first = sentences.map((s, si) => s.mentions.map((_, mi) => (cands[si][mi].length > 1 ? choose(si, mi, true) : null)));
  first.forEach((rs, si) => rs.forEach((r) => {
    if (r?.referent && r.candidates.length > 1) for (const v of [doc, byParagraph.get(sentences[si].paragraph)!]) vote(v, regionOfReferent(r.referent));
  }));
  const resolved = sentences.map((s, si) => s.mentions.map((_, mi) => first[si][mi] ?? choose(si, mi, false)!));
  return { sentences: resolved, aboutBeijing: aboutBeijing(doc) };
}
