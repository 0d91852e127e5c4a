/**
 * A curator's report: names in a document that look like places the gazetteer lacks —
 *  - names the national table resolved to a unit in 京津冀 (a Beijing town such as 良乡 rolls up
 *    to its district, but a place of its own may deserve an entry);
 *  - words ending like a place (…园, …园区, …科学城, …小镇, …中心, …实验室, …大学 …) with the words
 *    in front of them that make a name, where no gazetteer name covers them;
 * each with how often it occurs and the district it would fall in (the district the sentence is
 * about, when there is one). A report, never an addition.
 */
export interface GapSentence {
  /** The sentence's normalised key and its words with their parts of speech. */
  key: string;
  words: Array<{ word: string; tag: string }>;
  /** Key spans of every name the pipeline took (full names and short forms). */
  taken: Array<[number, number]>;
  /** Whether a name is the gazetteer's already (a name or a short form), taken here or not. */
  known: (name: string) => boolean;
  /** Units of the national table the sentence's names resolved to, in 京津冀 and below prefecture
   * level, with where they lie (a Beijing district id, else the region code). */
  divisions: Array<{ name: string; where: string }>;
  /** The Beijing districts the sentence is about (its places' districts, explicit or by context). */
  districts: string[];
}

export interface Gap {
  name: string;
  count: number;
  /** A district id, a region code outside Beijing, or '' when the sentences do not say. */
  where: string;
  why: 'national table' | 'looks like a place';
}

const SUFFIX = /(?:科学城|科技城|科技园|产业园|园区|小镇|中心|实验室|研究院|研究所|大学|学院|基地|开发区|示范区|园)$/;
/** Front words too common to make a name (国际科技创新中心 is a goal, not a place). */
const GENERIC_FRONT = /^(?:国际|国家|全国|科技|科学|创新|技术|产业|工程|研究|服务|数据|共享|协同|公共|重点|新型|高水平|一流|世界|全球|区域|综合|专业|技术创新|科技创新|成果|转化|孵化|企业|高校|大学|领域|行业|市场|信息|网络|平台|运营|管理|发展|制造|应用|示范|培训|交流|合作|联合|开放|前沿|基础|关键)$/;
/** Parts of speech a name's front words have: nouns of every kind, verbal nouns, set phrases (生命科学), abbreviations, Latin words. */
const NAME_TAG = /^(?:n|nr|ns|nt|nz|nrt|nrfg|ng|j|l|vn|eng)$/;
const HAN = /^\p{Script=Han}+$/u;
const MAX_FRONT_WORDS = 3;

/** Each word's span in the key (the words concatenate to it). */
function spans(words: GapSentence['words']): Array<[number, number]> {
  let at = 0;
  return words.map(({ word }) => [at, (at += word.length)]);
}

export function gazetteerGaps(sentences: GapSentence[]): Gap[] {
  const found = new Map<string, { count: number; where: Map<string, number>; why: Gap['why'] }>();
  const note = (name: string, where: string, why: Gap['why']) => {
    const g = found.get(name) ?? { count: 0, where: new Map<string, number>(), why };
    g.count++;
    if (where) g.where.set(where, (g.where.get(where) ?? 0) + 1);
    found.set(name, g);
  };
  for (const s of sentences) {
    const district = s.districts.length === 1 ? s.districts[0] : '';
    for (const d of s.divisions) note(d.name, d.where, 'national table');
    if (s.words.map((w) => w.word).join('') !== s.key) continue;
    const ws = spans(s.words);
    ws.forEach(([a, b], i) => {
      if (!SUFFIX.test(s.key.slice(a, b)) || !HAN.test(s.key.slice(a, b))) return;
      // Take the words in front that belong to the name.
      let from = i;
      while (from > 0 && i - from < MAX_FRONT_WORDS) {
        const { word: w, tag } = s.words[from - 1];
        // One-character words are particles and verbs (了, 抓, 在京's 京), not parts of a name.
        if (w.length < 2 || !HAN.test(w) || !NAME_TAG.test(tag)) break;
        from--;
      }
      // A name does not start with a verbal noun (建设国家重点实验室 is building one).
      while (from < i && s.words[from].tag === 'vn') from++;
      if (from === i) return;
      const front = ws.slice(from, i).map(([x, y]) => s.key.slice(x, y));
      if (front.every((w) => GENERIC_FRONT.test(w))) return;
      const [start, end] = [ws[from][0], b];
      if (s.known(s.key.slice(start, end))) return;
      // A name already taken may stand in front (北京生命科学研究所); one that reaches beyond the
      // front makes this a part of a known place (北京交通大学机电学院) or the place itself.
      if (s.taken.some(([x, y]) => x < end && start < y && !(start <= x && y <= a))) return;
      note(s.key.slice(start, end), district, 'looks like a place');
    });
  }
  return [...found]
    .map(([name, g]) => ({ name, count: g.count, why: g.why, where: [...g.where].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '' }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}
