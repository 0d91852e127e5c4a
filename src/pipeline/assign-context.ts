/**
 * Context places: places a sentence is about without naming them, lent by the document's
 * structure.
 *  - A heading naming exactly one place lends it to everything under it, until the next heading
 *    of the same or a broader level (a document title lends nothing); a heading naming one group
 *    term lends its members, as a group, to the sentences under it that have no place of their
 *    own and no paragraph topic.
 *  - A paragraph's first sentence lends its places to the rest of the paragraph when it is a
 *    short topic sentence ("突破懷柔科學城。", "推動“一區多園”統籌協同發展。"), or names one place
 *    (or one and places inside it) as its subject or near its start ("亦莊聚焦……", "两年前，北京
 *    交通大学……", "位于中关村东升国际科学园内的“天智航”……"). Inside such a
 *    paragraph, a sentence opening with a place as its subject ("“生命谷”佈局……") lends that
 *    place to the following sentences until the next subject; a clause after ； continues the
 *    subject of the one before.
 *  - A sentence that names places of its own takes, from a lead of several places, only those
 *    that contain one of its places (通州区's 中关村通州园, not 北三县); from a one-place lead it
 *    takes the lead.
 *  - A story goes on across paragraphs: a paragraph that names no place but opens by pointing
 *    back (这座/这里/该/他们/团队 …) continues the topic of the paragraph before it (its lead, or
 *    the one place it named), unless it turns to the general picture (北京, 全国, 我们 …).
 *  - An enumeration inside a paragraph (一是… 二是…) starts a new topic, as a paragraph would.
 *  - An interview answer (the paragraphs after a "记者：" question, until the next) is about the
 *    places its question names, for sentences that name none — unless the question is about
 *    Beijing as a whole (it names 北京, and others only to compare).
 *  - Context ends at a sentence about somewhere else (it names another region and no place of
 *    ours) or about Beijing as a whole (北京/本市 is its subject): it takes nothing and ends the
 *    story and subject chain.
 * Broad places (municipality, provinces) never lend, except provinces reached through a group
 * term in a paragraph's own lead (优化京津冀创新链…。 → the paragraph is about 津冀, as a group).
 * A place reached through a group term lends as such (`via`).
 */

export interface ContextSentence {
  text: string;
  heading: boolean;
  /** Heading level; smaller = broader. */
  level?: number;
  paragraph: number;
  /** Explicit matches, offsets into `text`; `via`: the group term a place was named through. */
  places: Array<{ placeId: string; via?: string; start: number }>;
  /** Names another region and no place of ours. */
  elsewhere?: boolean;
}

/** A lent place; `via` when it was named through a group term. */
export interface LentPlace {
  id: string;
  via?: string;
}

export interface ContextRules {
  /** Too large to lend from a heading or a question (the municipality, provinces). */
  isBroad: (id: string) => boolean;
  /** The municipality: as a sentence's subject it makes the sentence about Beijing as a whole. */
  isWhole?: (id: string) => boolean;
  /** Whether place `inner` lies in place `outer` (its district or a parent, at any depth). */
  within?: (inner: string, outer: string) => boolean;
}

const SHORT_LEAD = 30;
/** How far into a first sentence its one place may stand and still be the paragraph's topic. */
const EARLY = 12;
const OPENER = /^[“"「『《(（]?$/;
/** A speaker label opening a paragraph: 记者：… is a question, 靳伟：… an answer. */
const SPEAKER = /^([^\s，,。：:“”"]{1,8})[：:]/;
const QUESTION = /^(记者|記者|问|問|主持人|Q)$/i;
const SEMICOLON = /[；;]\s*$/;
/** Words that point back to what the text was just about. */
const POINTS_BACK = /这里|这儿|这座|这所|这家|这个|这项|这些|该|此处|他们|她们|他|她|团队|其中/;
/** A paragraph opening on the country or on 我们 turns from a story to the general picture. */
const GENERAL_OPENING = /我国|全国|中国|我们|全球|世界|全市|本市/;
const ENUMERATION = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、是]|其[一二三四五六七八九十][，,、是])/;

interface Lead {
  places: LentPlace[];
  single: boolean;
}

export function assignContext(sentences: ContextSentence[], rules: ContextRules | ((id: string) => boolean)): LentPlace[][] {
  const { isBroad, isWhole = () => false, within = () => false } = typeof rules === 'function' ? { isBroad: rules } : rules;

  /** Each place once, named directly where it is named both ways. */
  const lendable = (s: ContextSentence, broadToo = false): LentPlace[] => {
    const out = new Map<string, LentPlace>();
    for (const p of s.places) {
      if (isWhole(p.placeId) || (isBroad(p.placeId) && !(broadToo && p.via))) continue;
      if (!out.has(p.placeId) || !p.via) out.set(p.placeId, p.via ? { id: p.placeId, via: p.via } : { id: p.placeId });
    }
    return [...out.values()];
  };
  const ownIds = (s: ContextSentence) => lendable(s).map((p) => p.id);
  /** One place, named directly (not through a group term). */
  const single = (s: ContextSentence) => {
    const ids = lendable(s);
    return ids.length === 1 && !ids[0].via && !s.places.some((p) => p.via && !isBroad(p.placeId)) ? ids[0].id : null;
  };
  const groupOnly = (s: ContextSentence): LentPlace[] => {
    const ids = lendable(s);
    const terms = new Set(ids.map((p) => p.via));
    return ids.length > 0 && terms.size === 1 && !terms.has(undefined) ? ids : [];
  };
  const subject = (s: ContextSentence) => {
    const first = s.places.find((p) => !p.via && !isBroad(p.placeId));
    return first && OPENER.test(s.text.slice(0, first.start)) && s.places.every((p) => p.start >= first.start) ? first.placeId : null;
  };
  /** Beijing as a whole is the subject, and nothing narrower is named. */
  const general = (s: ContextSentence) => {
    const first = s.places[0];
    return first !== undefined && isWhole(first.placeId) && OPENER.test(s.text.slice(0, first.start)) && ownIds(s).length === 0;
  };
  /** The sentence's one topic: a place named first that contains every other it names (天智航 in 东升科学园). */
  const topic = (s: ContextSentence): LentPlace[] => {
    const ids = lendable(s);
    if (ids.length === 0 || ids.some((p) => p.via)) return [];
    const outer = ids.find((p) => ids.every((q) => q.id === p.id || within(q.id, p.id)));
    return outer ? ids : [];
  };
  const leadOf = (s: ContextSentence): Lead | null => {
    const places = lendable(s, true);
    if (!places.length) return null;
    if (s.text.length <= SHORT_LEAD) return { places, single: single(s) !== null };
    const one = topic(s);
    const first = s.places.find((p) => p.placeId === one[0]?.id);
    if (first && (subject(s) === first.placeId || first.start <= EARLY)) return { places: one, single: true };
    return null;
  };
  /** From a lead of several places, a sentence naming its own takes only those containing one. */
  const fromLead = (lead: Lead, own: string[]): LentPlace[] =>
    lead.single || own.length === 0 ? lead.places : lead.places.filter((p) => own.some((o) => within(o, p.id)));

  const stack: Array<{ level: number; place: string | null; group: LentPlace[] }> = [];
  const fromHeadings = () => [...stack].reverse().find((h) => h.place)?.place ?? null;
  const groupFromHeadings = () => [...stack].reverse().find((h) => h.place || h.group.length)?.group ?? [];
  let paragraph = -1;
  let seenBody = false;
  let lead: Lead | null = null;
  let chain: string | null = null;
  let story: LentPlace[] = [];
  let question: LentPlace[] = [];
  /** Places named in the current paragraph, for the story it leaves behind. */
  let named = new Set<string>();
  let endsStory = false;
  let previous: ContextSentence | null = null;

  const closeParagraph = () => {
    if (endsStory) story = [];
    else if (lead) story = lead.places;
    else if (named.size === 1) story = [{ id: [...named][0] }];
    else if (named.size > 1) story = [];
  };

  return sentences.map((s) => {
    const ownList = ownIds(s);
    const own = new Set(s.places.map((p) => p.placeId));
    const out: LentPlace[] = [];
    const add = (p: LentPlace | string | null) => {
      const lent = typeof p === 'string' ? { id: p } : p;
      if (lent && !own.has(lent.id) && !out.some((o) => o.id === lent.id)) out.push(lent);
    };
    const sameParagraph = s.paragraph === paragraph && !ENUMERATION.test(s.text);
    const after = previous;
    previous = s;

    if (s.heading) {
      closeParagraph();
      const level = s.level ?? 6;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      add(fromHeadings());
      // A title (a heading before any sentence) covers the whole document: too broad to lend.
      stack.push({ level, place: seenBody ? single(s) : null, group: seenBody ? groupOnly(s) : [] });
      [paragraph, lead, chain, story, question, named, endsStory] = [s.paragraph, null, null, [], [], new Set(), false];
      return out;
    }
    seenBody = true;
    if (!sameParagraph) {
      closeParagraph();
      const enumerated = s.paragraph === paragraph;
      [paragraph, lead, chain, named, endsStory] = [s.paragraph, null, null, new Set(), false];
      const speaker = SPEAKER.exec(s.text)?.[1];
      if (speaker && QUESTION.test(speaker)) question = s.places.some((p) => isWhole(p.placeId)) ? [] : lendable(s);
      // A story goes on where the text points back to it, until it turns to the general picture.
      const goesOn = POINTS_BACK.test(s.text) && !GENERAL_OPENING.test(s.text) && !s.places.some((p) => isWhole(p.placeId));
      if (speaker || enumerated || !goesOn) story = [];
    }
    ownList.forEach((id) => named.add(id));
    if (s.elsewhere || general(s)) {
      [chain, endsStory] = [null, true];
      return out;
    }
    add(fromHeadings());

    if (!sameParagraph) {
      lead = leadOf(s);
      if (ownList.length === 0) {
        story.forEach(add);
        question.forEach(add);
        if (story.length === 0 && question.length === 0) groupFromHeadings().forEach(add);
      }
      return out;
    }

    const subj = subject(s);
    // Under a multi-place lead, a subject sentence switches the topic to its own place.
    if (lead && (lead.single || (!subj && !chain))) fromLead(lead, ownList).forEach(add);
    if (!lead && ownList.length === 0) {
      story.forEach(add);
      question.forEach(add);
    }
    if (!subj) add(chain);
    // A clause after ； continues the subject of the clause before it.
    if (!subj && ownList.length === 0 && after && SEMICOLON.test(after.text)) add(subject(after));
    if (subj && lead) chain = subj;
    if (!lead && out.length === 0 && ownList.length === 0 && !chain) groupFromHeadings().forEach(add);
    return out;
  });
}
