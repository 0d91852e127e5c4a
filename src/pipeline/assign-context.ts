/**
 * Context places: places a sentence is about without naming them. Three scopes lend them:
 *  - a heading naming exactly one place (not a group term) lends it to everything under it,
 *    until the next heading of the same or a broader level (a document title lends nothing);
 *  - a paragraph's first sentence lends its places to the rest of the paragraph when it is a
 *    short topic sentence ("突破懷柔科學城。", "推動“一區多園”統籌協同發展。") or opens with
 *    its one place as the subject ("亦莊聚焦……");
 *  - inside such a place paragraph, a sentence opening with a place as its subject
 *    ("“生命谷”佈局……") lends that place to the following sentences until the next subject.
 * Under a multi-place lead, a subject sentence and the sentences it leads take no context from
 * the lead (the district sentences of a 三城一區 paragraph are about their district). Broad places (municipality,
 * province-sized areas) never lend: they would spread over most of a document.
 */

export interface ContextSentence {
  text: string;
  heading: boolean;
  /** Heading level; smaller = broader. */
  level?: number;
  paragraph: number;
  /** Explicit matches, offsets into `text`. */
  places: Array<{ placeId: string; via?: string; start: number }>;
}

const SHORT_LEAD = 30;
const OPENER = /^[“"「『《(（]?$/;

interface Lead {
  places: string[];
  single: boolean;
}

export function assignContext(sentences: ContextSentence[], isBroad: (id: string) => boolean): string[][] {
  const lendable = (s: ContextSentence) => [...new Set(s.places.map((p) => p.placeId).filter((id) => !isBroad(id)))];
  /** One place, named directly (not through a group term). */
  const single = (s: ContextSentence) => {
    const ids = lendable(s);
    return ids.length === 1 && !s.places.some((p) => p.via && !isBroad(p.placeId)) ? ids[0] : null;
  };
  const subject = (s: ContextSentence) => {
    const first = s.places.find((p) => !p.via && !isBroad(p.placeId));
    return first && OPENER.test(s.text.slice(0, first.start)) && s.places.every((p) => p.start >= first.start) ? first.placeId : null;
  };
  const leadOf = (s: ContextSentence): Lead | null => {
    const places = lendable(s);
    const one = single(s);
    if (!places.length) return null;
    if (s.text.length <= SHORT_LEAD || (one && subject(s) === one)) return { places, single: one !== null };
    return null;
  };

  const stack: Array<{ level: number; place: string | null }> = [];
  const fromHeadings = () => [...stack].reverse().find((h) => h.place)?.place ?? null;
  let paragraph = -1;
  let seenBody = false;
  let lead: Lead | null = null;
  let chain: string | null = null;
  return sentences.map((s) => {
    const own = new Set(s.places.map((p) => p.placeId));
    const out: string[] = [];
    const add = (id: string | null) => {
      if (id && !own.has(id) && !out.includes(id)) out.push(id);
    };
    if (s.heading) {
      const level = s.level ?? 6;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      add(fromHeadings());
      // A title (a heading before any sentence) covers the whole document: too broad to lend.
      stack.push({ level, place: seenBody ? single(s) : null });
      [paragraph, lead, chain] = [s.paragraph, null, null];
      return out;
    }
    seenBody = true;
    add(fromHeadings());
    if (s.paragraph !== paragraph) {
      [paragraph, lead, chain] = [s.paragraph, leadOf(s), null];
      return out;
    }
    const subj = subject(s);
    // Under a multi-place lead, a subject sentence switches the topic to its own place.
    if (lead && (lead.single || (!subj && !chain))) lead.places.forEach(add);
    if (!subj) add(chain);
    if (subj && lead) chain = subj;
    return out;
  });
}
