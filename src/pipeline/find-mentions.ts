/**
 * Finds the names in a sentence and every thing each could mean (candidates), before any choice:
 * all occurrences of every indexed name on the normalised key, minus those the evidence of the
 * text itself rules out —
 *  - a gazetteer rule (怀柔 before 一号 is a satellite);
 *  - a word boundary: the name starts or ends inside a word of the segmenter (京东 in 京东方);
 *  - a group term that goes on as a longer list (三城一区一基地 is a district's own slogan);
 *  - a street or a bridge: the name is followed by a street word (北京东路, 朝阳北大街, 太阳宫桥);
 *  - an organisation named after the place: followed by 管委会, 论坛 …, or by 公司 within a few
 *    words (中关村科学城公司, 上海奥威科技开发有限公司);
 * then the longest names win where they overlap (长春市朝阳区 → 长春市 + 朝阳区), and a name left
 * out of a coordination takes the shared head (中关村和怀柔国家实验室 → 中关村国家实验室 too).
 */
import { longestFirst, type Hit } from './aho-corasick.ts';
import type { NameIndex, Referent } from './name-index.ts';
import { toOriginalRange, type NormalisedKey } from './normalise-key.ts';

export interface Mention {
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  /** Offsets into the sentence's key. */
  keyStart: number;
  keyEnd: number;
  /** The name as the sentence writes it. */
  alias: string;
  referents: Referent[];
  /** The full name a coordinated name stands for (中关村 in 中关村和怀柔国家实验室: 中关村国家实验室). */
  head?: string;
}

/** Words that make the name before them a street's (a segmenter word of its own, so 路演 is not 路). */
const STREET_WORDS = new Set(['路', '街', '大街', '大道', '东路', '西路', '南路', '北路', '中路', '东街', '西街', '南街', '北街', '北大街', '南大街', '东大街', '西大街', '胡同', '巷', '桥']);
/** Words that make the name right before them an organisation's (a company's own name is matched whole). */
const ORGANISATION_WORDS = new Set(['公司', '有限公司', '股份有限公司', '有限责任公司', '集团', '管委会', '管理委员会', '论坛', '联盟', '协会', '分团', '团', '代表团', '代表队', '交流团', '考察团']);
/** A company's name may put words between the place and 公司 (上海奥威科技开发有限公司). */
const COMPANY_WORDS = new Set(['公司', '有限公司', '股份有限公司', '有限责任公司', '集团']);
const COMPANY_REACH = 4;
/** Words a company's name never holds: the name has ended before them. */
const OUTSIDE_A_NAME = /^(?:的|和|与|及|在|是|等|或|并|将|为|对|从|到|已|也|还|都)$|[^\p{Script=Han}\p{L}\p{N}]/u;
/** A numeral word after a group term goes on with its list (三城一区一基地). */
const NUMERAL = /^[一二两三四五六七八九十]$/;
/** What joins the items of a coordination. */
const CONJUNCTION = /^(?:和|与|及|以及|、)$/;

function ruledOut(index: NameIndex, key: string, start: number, end: number, pattern: string): boolean {
  const before = key.slice(0, start);
  const after = key.slice(end);
  return (index.rules.get(pattern) ?? []).some(
    (r) => r.notAfter.some((x) => x && before.endsWith(x)) || r.notBefore.some((x) => x && after.startsWith(x)),
  );
}

/**
 * The word starts, plus the seams inside a word made wholly of names: the segmenter keeps
 * 上海浦东新区 as one word, which is 上海 + 浦东新区, not a word that hides a name.
 */
function withNameSeams(key: string, starts: Uint8Array, hits: Hit[]): Uint8Array {
  const out = Uint8Array.from(starts);
  let a = 0;
  for (let b = 1; b <= key.length; b++) {
    if (!starts[b]) continue;
    const inside = hits.filter((h) => h.start >= a && h.end <= b && h.end - h.start < b - a);
    if (inside.length > 1) {
      // Fewest pieces from a to b: breadth first over the names that start where one ends.
      const previous = new Map<number, number>();
      const queue = [a];
      for (let qi = 0; qi < queue.length; qi++) {
        for (const h of inside) {
          if (h.start !== queue[qi] || h.end === a || previous.has(h.end)) continue;
          previous.set(h.end, h.start);
          queue.push(h.end);
        }
      }
      if (previous.has(b)) for (let at = previous.get(b)!; at > a; at = previous.get(at)!) out[at] = 1;
    }
    a = b;
  }
  return out;
}

/** Whether a company word follows within a few words, with nothing between that ends a name. */
function inCompanyName(key: string, starts: Uint8Array, end: number): boolean {
  let at = end;
  for (let n = 0; n < COMPANY_REACH; n++) {
    const w = wordAt(key, starts, at);
    if (!w || OUTSIDE_A_NAME.test(w)) return false;
    if (COMPANY_WORDS.has(w)) return true;
    at += w.length;
  }
  return false;
}

/**
 * The segmenter glues a name's last character to a localiser after it (首钢园内 → 首钢/园内,
 * 开发区内 → 开发/区内): a seam before the localiser ends the name.
 */
const LOCALISER = /[内外里中旁边]/;
function localiserSeam(key: string, starts: Uint8Array, end: number): boolean {
  return end >= 1 && end < key.length && LOCALISER.test(key[end]) && starts[end - 1] === 1 && (end + 1 >= key.length || starts[end + 1] === 1);
}

/** What makes the place name before it an office's: a government body or its holder's title. */
const OFFICE = /^(?:区委|区政府|区人民政府|人民政府|区人大|人大常委会|人民代表大会|区政协|政协|区长|副区长|县委|县政府|县长|市委|市政府|市长|副市长|镇党委|镇政府|镇长|副镇长|乡政府|乡长|副乡长)/;

/** 南口, 北口 … right after a street, gate, station or bridge is its entrance (创业大街南口, 西直门北口), not a town. */
const ENTRANCE_NAME = /^[东西南北]口$/;
const ENTRANCE_OF = /(?:路|街|道|门|站|桥|巷|胡同|广场)$/;
function entrance(key: string, start: number, pattern: string): boolean {
  return ENTRANCE_NAME.test(pattern) && ENTRANCE_OF.test(key.slice(Math.max(0, start - 2), start));
}

/** The word of the segmentation that starts at `at` ('' at the end or inside a word). */
function wordAt(key: string, starts: Uint8Array, at: number): string {
  if (!starts[at] || at >= key.length) return '';
  let end = at + 1;
  while (end < key.length && !starts[end]) end++;
  return key.slice(at, end);
}

export function findMentions(index: NameIndex, text: string, norm: NormalisedKey, starts: Uint8Array): Mention[] {
  const key = norm.key;
  // A street's or an organisation's name is one name: nothing inside it is a place either.
  const covered: Array<[number, number]> = [];
  const all = index.ac.search(key);
  const bounds = withNameSeams(key, starts, all);
  const hits = all.filter((h) => {
    const pattern = index.keys[h.pattern];
    if (!bounds[h.start] || !(bounds[h.end] || localiserSeam(key, starts, h.end))) return false;
    const next = wordAt(key, starts, h.end);
    const notCompany = index.referents[h.pattern].every((r) => r.type !== 'place' || index.kindOf.get(r.id) !== 'company');
    const organisation = notCompany && (ORGANISATION_WORDS.has(next) || inCompanyName(key, starts, h.end));
    // 三城一区一基地 is a longer list of its own, not the group 三城一区.
    const longerList = NUMERAL.test(next) && index.referents[h.pattern].some((r) => r.type === 'group');
    if (longerList) return false;
    if (entrance(key, h.start, pattern)) return false;
    // 大兴区委书记, 海淀区人民政府, 丰台区区长: an office or its holder, not the place.
    if (OFFICE.test(key.slice(h.end))) {
      covered.push([h.start, h.end]);
      return false;
    }
    if (STREET_WORDS.has(next) || organisation) {
      covered.push([h.start, h.end]);
      return false;
    }
    return !ruledOut(index, key, h.start, h.end, pattern);
  }).filter((h) => !covered.some(([a, b]) => a <= h.start && h.end <= b));
  const mentions = longestFirst(hits).map((h): Mention => {
    const [start, end] = toOriginalRange(norm, h.start, h.end);
    return { start, end, keyStart: h.start, keyEnd: h.end, alias: text.slice(start, end), referents: index.referents[h.pattern] };
  });
  // Right to left, so that 中关村、昌平和怀柔国家实验室 passes the head on twice.
  for (let i = mentions.length - 2; i >= 0; i--) {
    const [m, n] = [mentions[i], mentions[i + 1]];
    if (!CONJUNCTION.test(key.slice(m.keyEnd, n.keyStart))) continue;
    const head = sharedHead(index, key.slice(m.keyStart, m.keyEnd), n.head ?? key.slice(n.keyStart, n.keyEnd));
    if (head) mentions[i] = { ...m, referents: index.referents[head.pattern], head: head.head };
  }
  return mentions;
}

/** For 中关村 before 怀柔国家实验室: 中关村国家实验室, when that is a name (and 怀柔 one too). */
function sharedHead(index: NameIndex, name: string, next: string): { pattern: number; head: string } | null {
  for (let i = 2; i <= next.length - 2; i++) {
    const pattern = index.keyIndex.get(name + next.slice(i));
    if (pattern !== undefined && index.keyIndex.has(next.slice(0, i))) return { pattern, head: name + next.slice(i) };
  }
  return null;
}
