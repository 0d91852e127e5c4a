/**
 * Context places: places a sentence is about without naming them, lent by the document's
 * structure. The text is read in segments — a paragraph, cut again where an enumeration starts
 * (一是… 二是…) — and:
 *  - A heading naming exactly one place lends it to everything under it, until the next heading
 *    of the same or a broader level (a document title lends nothing); a heading naming one group
 *    term lends its members, as a group, to the sentences under it that have no place of their
 *    own and no segment topic.
 *  - A segment's topic: its first sentence when that is a short topic sentence ("突破懷柔科學城。",
 *    "推動“一區多園”統籌協同發展。"), or the first sentence naming places when it names one place
 *    (or one and places inside it) as its subject or near its start ("亦莊聚焦……", "两年前，北京
 *    交通大学……"). The topic is lent to the whole segment. In a text without numbered sections
 *    (a news story, an interview) the topic also reaches one short scene-setting sentence before
 *    it ("车流涌动，大路径直。从…出发，…便到达北京经济技术开发区。"), and a paragraph naming one
 *    place where things happen (a district, a park, a lab — not a bank or 硅谷), or one and
 *    places inside it, anywhere is about that place (the outer one).
 *  - Inside a segment with a topic, a sentence opening with a place as its subject ("“生命谷”
 *    佈局……") lends that place to the following sentences until the next subject; a clause after
 *    ； continues the subject of the one before.
 *  - A sentence that names places of its own takes, from a topic of several places, only those
 *    that contain one of its places (通州区's 中关村通州园, not 北三县); from a one-place topic it
 *    takes the topic.
 *  - A text without numbered sections (a news story, a feature, an interview) is read as a
 *    narrative: its story — the most specific scene it happens at (东升科技园, not also 海淀区
 *    around it) — goes on into the next paragraphs, named or not, until a paragraph turns to
 *    the general picture (北京, 全国, 我国, 我们 … as its opening; 中国科学院 is no such turn),
 *    opens a list (一是…) or is a speaker's turn, or a sentence is about somewhere else. A
 *    place named in passing leaves it where it is; a sentence about a place inside the scene
 *    is about the scene too. The opening sentences of a story (up to four) wait for the place
 *    it turns out to be at, and so does a subtitle inside a story (a footer after the last
 *    paragraph, which no story follows, takes nothing).
 *    Within a story: where someone arrives (走进…, 来到…) is the scene, whatever else the sentence
 *    names; a paragraph that names a district and one scene inside it is about the scene (大兴区
 *    的生物医药基地); the town or district around the scene (曾经的东升…) and an institution at
 *    work at an area (物理所's team in 怀柔科学城) leave the story where it is; a sentence naming
 *    another region (台湾青年们…, 来自广西) takes nothing but does not end the story; a preface's
 *    signature (——编者) stops its sentences waiting for the story, and so does a sentence that
 *    leads them to Beijing as a whole (还看首都北京！); quoted speech sets no scene (what a speaker
 *    names is talked about). A group term said of a sentence's subject (怀柔科学城，是…“三城一区”
 *    主平台之一), and scenes a district's sentence lists (怀柔…金名片：怀柔科学城、国际会都…),
 *    leave the subject the topic.
 *  - The text's own addresses: a place named right after an area (北京怀柔科学城中科院物理研究所,
 *    海淀区的东升科技园) lies in that area for this document, whatever the gazetteer says of its seat.
 *  - In a plan (numbered sections), a segment that names no place continues the topic of the
 *    segment before it only when it opens by pointing back (这里, 该装置, 他们 …), with a
 *    quotation or with a speaker ("…”赵勇说。").
 *  - An interview answer (the paragraphs after a question — a speaker's paragraph ending in ？,
 *    or labelled 记者/问 — until the next) is about the places its question names, all of its
 *    sentences (a group term: those that name no place), unless the question is about Beijing
 *    as a whole (it names 北京).
 *  - Context ends at a sentence about somewhere else (it names another region and no place of
 *    ours) or about Beijing as a whole (北京/本市 is its subject): it takes nothing and ends the
 *    story and subject chain.
 *  - A narrative page about one place — a scene it names directly at least three times, 70% of
 *    its scene names (its focus) — lends it to the sentences that name nothing and took no other
 *    context, from its first naming on (a preface before it is not yet about it); a page that
 *    moves between scenes has no focus.
 * Broad places (municipality, provinces) never lend, except provinces reached through a group
 * term in a segment's own topic (优化京津冀创新链…。 → the paragraph is about 津冀, as a group).
 * A place reached through a group term lends as such (`via`). Photo credits take nothing.
 */

export interface ContextSentence {
  /** In Simplified script (the cue words are written so); offsets as in the original. */
  text: string;
  heading: boolean;
  /** Heading level; smaller = broader. */
  level?: number;
  paragraph: number;
  /** Explicit matches, offsets into `text`; `via`: the group term a place was named through. */
  /** `host`: named at the front of a site the gazetteer lacks (中关村|创业大街), for which it stands. */
  places: Array<{ placeId: string; via?: string; start: number; end?: number; host?: boolean }>;
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
  /** A place a story can happen at (a district, a park, a lab), not one it merely mentions (a bank, 硅谷). */
  isScene?: (id: string) => boolean;
  /** An address more than a scene (a district, a town): a story in a park inside it is not about it too. */
  isAddress?: (id: string) => boolean;
  /** A body more than an area (an institute, a university): named in a story at an area, it is named in passing. */
  isInstitution?: (id: string) => boolean;
}

const SHORT_LEAD = 30;
/** How many sentences at a story's start may wait for the place it turns out to be at. */
const MAX_PENDING = 4;
/** How far into a sentence its one place may stand and still be the segment's topic. */
const EARLY = 12;
const OPENER = /^[“"「『《(（]?$/;
/** A speaker label opening a paragraph: 记者：… 新京报:…？ is a question, 靳伟：… an answer. */
const SPEAKER = /^([^\s，,。：:“”"]{1,8})[：:]/;
const CAPTION_LABEL = /^(?:图注|图说|图片说明|图为)$/;
const QUESTION_LABEL = /^(记者|記者|问|問|主持人|Q)$/i;
const ASKS = /[？?]\s*$/;
const SEMICOLON = /[；;]\s*$/;
/** How a story goes on: pointing back, a quotation, a speaker. */
const GOES_ON = /这里|这儿|这座|这所|这家|这个|这项|这些|该|此处|他们|她们|他|她|团队|其中|^[“"「]|(?:说|表示|介绍|回忆|坦言|直言|告诉记者)[。！]?[”"」]?$/;
/**
 * A segment opening on the country or on 我们 turns from a story to the general picture (中国 that
 * starts an organisation's name — 中国科学院, 中国移动 — is not the country).
 */
const GENERAL_OPENING = /我国|全国(?!首|领先|知名|重点)|中国(?![科工农人电移联医])|我们|全球(?!首|领先|知名|500强|五百强)|世界(?!级|一流|领先|知名|首|先进|500强|五百强)|全市|本市|人类|科学界/;
/** A mention that is one item of a list: 、 right before or after it. */
const inList = (text: string, p: { start: number; end?: number }) => text[p.start - 1] === '、' || (p.end !== undefined && text[p.end] === '、');
/** An arrival verb right before a place (北京 may stand between: 走进北京经济技术开发区). */
const ARRIVES = /(?:来到|走进|走入|进入|抵达|到达|踏入|步入)了?(?:北京市?)?$/;
/**
 * How far into a segment's first sentence the general picture may stand and still open it
 * (after a date or a 如今); further in, or in a quotation ("我们在这里…"), it is a detail of the story.
 */
const GENERAL_AT = 20;
const opensOnGeneral = (text: string) => {
  const m = GENERAL_OPENING.exec(text);
  return m !== null && m.index <= GENERAL_AT && !/^[“"「]/.test(text);
};
const ENUMERATION = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、是]|其[一二三四五六七八九十][，,、是])/;
/** A sentence opening on quoted speech (a clause inside the quotation marks, not a quoted term: “一基地”即…). */
const QUOTE_OPENS = /^[“"「][^”"」]*[，,；;。！？!?]/;
/** The cue words the rules read, for tools that weigh the same signals (the context probe). */
export const contextCues = {
  goesOn: (text: string) => GOES_ON.test(text),
  opensOnGeneral: (text: string) => opensOnGeneral(text),
  opensOnQuote: (text: string) => QUOTE_OPENS.test(text),
};
/** A photo credit line: no content, lends and takes nothing. */
const CREDIT = /摄(?:影)?\s*(?:[（(][^）)]*[）)])?$|摄影|^\s*[（(][^（()）]*摄[)）]\s*$/;
const CAPTION = /(?:图|照片|资料图片?|效果图)[。.]?[)）]?$/;
/** A signature closing a preface (——编者): what came before it waits for no story. */
const SIGNATURE = /^\s*(?:——|--|－－)\s*\S{1,10}\s*$/;

interface Lead {
  places: LentPlace[];
  single: boolean;
}

export function assignContext(sentences: ContextSentence[], rules: ContextRules | ((id: string) => boolean)): LentPlace[][] {
  const { isBroad, isWhole = () => false, within: known = () => false, isScene = () => true, isAddress = () => false, isInstitution = () => false } = typeof rules === 'function' ? { isBroad: rules } : rules;
  // The text's own addresses (北京怀柔科学城中科院物理研究所, 海淀区的东升科技园): a place named right
  // after an area lies in it, in this document, whatever the gazetteer says of its main site.
  const addressed = addressChains(sentences, isScene, known);
  const hosts = new Set(sentences.flatMap((x) => x.places.filter((p) => p.host).map((p) => p.placeId)));
  const within = (inner: string, outer: string) => known(inner, outer) || addressed.has(`${inner}\u0000${outer}`);

  /** A text with numbered sections (a plan) keeps its topics to where it states them. */
  const structured = sentences.filter((s) => s.heading && (s.level ?? 6) < 6).length >= 3;
  /** A text without them (a news story, a feature, an interview) is read as a narrative: its story goes on until it turns. */
  const narrative = !structured;

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
  /** What a sentence lends, less a group term said of its subject (怀柔科学城，是…“三城一区”主平台之一). */
  const ownTopics = (s: ContextSentence, broadToo = false): LentPlace[] => {
    const subj = subject(s);
    return lendable(s, broadToo).filter((p) => !(p.via && subj && p.id !== subj));
  };
  /** The sentence's one topic: a place named first that contains every other it names (天智航 in 东升科学园). */
  const topicOf = (s: ContextSentence): LentPlace[] => {
    const subj = subject(s);
    const said = ownTopics(s);
    // A subject whose scenes the sentence lists (怀柔…打造四张金名片：怀柔科学城、国际会都…) is the topic itself.
    const listed = s.places.filter((p) => p.placeId !== subj && inList(s.text, p)).map((p) => p.placeId);
    const ids = subj && said.some((p) => listed.includes(p.id)) ? said.filter((p) => !listed.includes(p.id)) : said;
    if (ids.length === 0 || ids.some((p) => p.via)) return [];
    // In a story, where someone arrives is where it now happens (记者走进…, 来到…), whatever else is named.
    const arrival = narrative ? s.places.find((p) => ARRIVES.test(s.text.slice(Math.max(0, p.start - 4), p.start)) && ids.some((q) => q.id === p.placeId)) : undefined;
    if (arrival) return ids.filter((p) => p.id === arrival.placeId || within(p.id, arrival.placeId));
    const outer = ids.find((p) => ids.every((q) => q.id === p.id || within(q.id, p.id)));
    const first = s.places.find((p) => p.placeId === outer?.id);
    return first && (subject(s) === first.placeId || first.start <= EARLY) ? ids : [];
  };
  /** A segment's topic: a short first sentence's places, or the first sentence naming places when it has one topic. */
  const leadOf = (segment: ContextSentence[], turn: boolean): Lead | null => {
    const [first] = segment;
    const places = ownTopics(first, true);
    if (places.length && first.text.length <= SHORT_LEAD && (structured || !QUOTE_OPENS.test(first.text))) return { places, single: single(first) !== null };
    // The topic sentence opens the segment, or (in a story) follows one short scene-setting sentence.
    const at = segment.findIndex((s) => s.places.length > 0);
    const naming = segment[at];
    if (!naming || naming.elsewhere || general(naming)) return null;
    // What a quotation names is talked about, not where the story is (“要用新经济视角理解中关村…”).
    if (!structured && QUOTE_OPENS.test(naming.text)) return null;
    if (at === 0 || (at === 1 && !structured && first.text.length <= SHORT_LEAD)) {
      const one = topicOf(naming);
      // In a story, a company or a bank is no scene: what it does is not about a place.
      if (one.length && (structured || one.some((p) => isScene(p.id)))) return { places: withoutAddresses(one), single: true };
    }
    // In a story (a text without numbered sections), a paragraph that names one place, or one
    // and places inside it, is about that place wherever it names it.
    // (Not in a speaker's turn: there, the question says what it is about.)
    if (structured || turn) return null;
    const all = segment.flatMap((s) => (s.elsewhere || general(s) ? [] : lendable(s)));
    const ids = [...new Set(all.map((p) => p.id))];
    if (ids.length === 0 || all.some((p) => p.via)) return null;
    const outer = ids.find((id) => ids.every((q) => q === id || within(q, id)));
    if (!outer || !isScene(outer)) return null;
    // A district named as the address of one scene inside it (大兴区的生物医药基地): the scene.
    const listed = (id: string) => segment.some((x) => x.places.some((m) => m.placeId === id && inList(x.text, m)));
    const inside = ids.filter((id) => id !== outer && isScene(id) && !isAddress(id) && !listed(id));
    const scene = isAddress(outer) && inside.length === 1 ? inside[0] : outer;
    return { places: [{ id: scene }], single: true };
  };
  /** A district or town named as the address of a place inside it (海淀区的东升科技园) is not the topic itself. */
  const withoutAddresses = (places: LentPlace[]): LentPlace[] =>
    places.filter((p) => !(isAddress(p.id) && places.some((q) => q.id !== p.id && within(q.id, p.id))));
  /** From a topic of several places, a sentence naming its own takes only those containing one. */
  const fromLead = (lead: Lead, own: string[]): LentPlace[] =>
    lead.single || own.length === 0 ? lead.places : lead.places.filter((p) => own.some((o) => within(o, p.id)));

  // Segments: runs of body sentences of one paragraph, cut where an enumeration starts; headings alone.
  const segments: ContextSentence[][] = [];
  sentences.forEach((s, i) => {
    const prev = sentences[i - 1];
    const joins = prev && !s.heading && !prev.heading && prev.paragraph === s.paragraph && !ENUMERATION.test(s.text);
    if (joins) segments[segments.length - 1].push(s);
    else segments.push([s]);
  });

  const stack: Array<{ level: number; place: string | null; group: LentPlace[] }> = [];
  const fromHeadings = () => [...stack].reverse().find((h) => h.place)?.place ?? null;
  const groupFromHeadings = () => [...stack].reverse().find((h) => h.place || h.group.length)?.group ?? [];
  let seenBody = false;
  let story: LentPlace[] = [];
  /** In a narrative: the sentences since the story broke off, waiting for the place it goes on at. */
  let pending: LentPlace[][] = [];
  let question: LentPlace[] = [];
  /** Inside an answer: what the question names directly goes to all its sentences, like a heading. */
  let answering = false;
  let previousParagraph = -1;
  /** Every place given is the story's scene or lies inside it. */
  const inStory = (ids: string[]) => story.length > 0 && ids.length > 0 && ids.every((o) => story.some((p) => p.id === o || within(o, p.id)));
  /** Institutions only, none of them inside the story's area. */
  const visiting = (places: LentPlace[]) =>
    story.some((p) => !isInstitution(p.id)) && places.every((p) => isInstitution(p.id) && !story.some((q) => within(p.id, q.id)));
  /** Only the districts or towns around the story's scene (曾经的东升… in a story at 东升科技园). */
  const aroundStory = (ids: string[]) => ids.length > 0 && ids.every((id) => isAddress(id) && story.some((q) => within(q.id, id)));
  /** The story now happens at `places`: the most specific ones, and a scene around them that it was already at. */
  const setStory = (places: LentPlace[]) => {
    const scenes = places.some((p) => p.via) ? places : places.filter((p) => isScene(p.id));
    // (A place standing in for a site the gazetteer lacks leaves the district around it in the story.)
    const inner = scenes.filter((p) => p.via || !scenes.some((q) => q.id !== p.id && within(q.id, p.id) && !hosts.has(q.id)));
    // A topic that is no scene (a company, a bank) leaves the story where it is, and so does an
    // institution outside an area the story is at (物理所's team at work in 怀柔科学城).
    if (inner.length === 0 || visiting(inner) || aroundStory(inner.map((p) => p.id))) return;
    const around = inStory(inner.map((p) => p.id)) ? story.filter((p) => !isAddress(p.id) && !inner.some((q) => q.id === p.id)) : [];
    story = [...inner, ...around];
    lendWaiting();
  };
  /** The sentences waiting for the story's place get it (a story's opening, a subtitle inside it). */
  const lendWaiting = () => {
    if (story.length === 0) return;
    for (const waiting of pending) story.forEach((p) => waiting.some((w) => w.id === p.id) || waiting.push(p));
    pending = [];
  };
  const breakStory = () => {
    story = [];
    pending = [];
  };
  const wait = (lent: LentPlace[]) => {
    pending.push(lent);
    if (pending.length > MAX_PENDING) pending.shift();
  };

  const out: LentPlace[][] = [];
  /** A photo's caption (X建设图。, or the line before a credit): it names what the photo shows, the story stays. */
  const captions = new Set(sentences.filter((x, i) => CAPTION.test(x.text) || (sentences[i + 1] && CREDIT.test(sentences[i + 1].text) && sentences[i + 1].paragraph !== x.paragraph)));
  for (const segment of segments) {
    const [first] = segment;
    const lent = segment.map(() => [] as LentPlace[]);
    const addTo = (i: number, p: LentPlace | string | null) => {
      const place = typeof p === 'string' ? { id: p } : p;
      if (!place || segment[i].places.some((x) => x.placeId === place.id) || lent[i].some((o) => o.id === place.id)) return;
      lent[i].push(place);
    };

    if (first.heading) {
      if (CREDIT.test(first.text) || SIGNATURE.test(first.text)) {
        if (SIGNATURE.test(first.text)) breakStory();
        out.push([]);
        continue;
      }
      const level = first.level ?? 6;
      // An unnumbered heading naming no place is a subtitle (关键词, □146.7平方公里): it ends
      // neither the unnumbered place heading above it nor a story.
      const subtitle = level === 6 && first.places.length === 0 && seenBody;
      if (!subtitle) while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      addTo(0, fromHeadings());
      // A title (a heading before any sentence) covers the whole document: too broad to lend.
      if (!subtitle) stack.push({ level, place: seenBody ? single(first) : null, group: seenBody ? groupOnly(first) : [] });
      if (!subtitle) {
        breakStory();
        question = [];
      } else if (narrative && lent[0].length === 0) {
        // A story's subtitle is about where the story goes on (a page's footer, after which it does not, takes nothing).
        wait(lent[0]);
      }
      out.push(lent[0]);
      continue;
    }
    seenBody = true;

    const label = SPEAKER.exec(first.text)?.[1];
    // 图注：… labels a photo's caption, not a speaker's turn.
    const speaker = label && !CAPTION_LABEL.test(label) ? label : undefined;
    const newParagraph = first.paragraph !== previousParagraph;
    previousParagraph = first.paragraph;
    if (newParagraph && speaker && (QUESTION_LABEL.test(speaker) || ASKS.test(segment[segment.length - 1].text))) {
      question = first.places.some((p) => isWhole(p.placeId)) ? [] : segment.flatMap((s) => lendable(s));
      answering = false;
    } else if (newParagraph && speaker) answering = true;
    const namesNothing = segment.every((s) => ownIds(s).length === 0);
    const opensGeneral = opensOnGeneral(first.text) || general(first) || (namesNothing && first.places.some((p) => isWhole(p.placeId)));
    // A plan's segment goes on with the one before only when it points back to it; a narrative's
    // goes on unless it turns to the general picture, opens a list or is a speaker's turn.
    const goesOn = !speaker && !opensGeneral && (narrative ? !ENUMERATION.test(first.text) : namesNothing && GOES_ON.test(first.text));
    if (!goesOn && (namesNothing || narrative)) breakStory();

    if (narrative && goesOn) lendWaiting();
    const found = leadOf(segment, answering || speaker !== undefined);
    // In a story, a paragraph on an institution visiting its area, or on the district around its scene, stays in the story.
    const lead = narrative && found && (visiting(found.places) || aroundStory(found.places.map((p) => p.id))) ? null : found;
    if (narrative && lead && !answering && !segment.every((x) => captions.has(x) || CREDIT.test(x.text))) setStory(lead.places);
    let chain: string | null = null;
    let ended = false;
    segment.forEach((s, i) => {
      if (s.elsewhere || general(s)) {
        [chain, ended] = [null, true];
        // In a story, a sentence naming another region (台湾青年们…, 原材料来自广西) takes nothing but
        // does not end it: people and things come from elsewhere; a turn to the general picture does.
        if (narrative && !s.elsewhere) breakStory();
        return;
      }
      if (narrative && SIGNATURE.test(s.text)) breakStory();
      // Sentences waiting for a story's place that turn out to lead to Beijing as a whole (还看首都北京！) were about it.
      const aboutWhole = narrative && story.length === 0 && ownIds(s).length === 0 && s.places.some((p) => isWhole(p.placeId));
      if (aboutWhole) pending = [];
      if (narrative && (CREDIT.test(s.text) || SIGNATURE.test(s.text))) return;
      addTo(i, fromHeadings());
      if (answering) question.filter((p) => !p.via).forEach((p) => addTo(i, p));
      const ownList = ownIds(s);
      const subj = i > 0 ? subject(s) : null;
      // Under a topic of several places, a subject sentence switches the topic to its own place.
      if (lead && (lead.single || (!subj && !chain))) fromLead(lead, ownList).forEach((p) => addTo(i, p));
      if (!lead && ownList.length === 0) {
        if (goesOn || (narrative && !opensGeneral && !speaker)) story.forEach((p) => addTo(i, p));
        question.forEach((p) => addTo(i, p));
      }
      if (!subj && chain) addTo(i, chain);
      // A clause after ； continues the subject of the clause before it.
      if (i > 0 && !subj && ownList.length === 0 && SEMICOLON.test(segment[i - 1].text)) {
        const before = subject(segment[i - 1]);
        if (before && (structured || isScene(before))) addTo(i, before);
      }
      if (subj && lead) chain = subj;
      if (!lead && lent[i].length === 0 && ownList.length === 0 && !chain) groupFromHeadings().forEach((p) => addTo(i, p));
      if (!narrative || answering || speaker) return;
      const topic = topicOf(s);
      if (!lead && ownList.length > 0 && (topic.length === 0 || aroundStory(ownList) || visiting(topic)) && !inStory(ownList)) {
        // Places named in passing (not the sentence's topic), the district around the scene or an
        // institution at work in it: the story stays where it is.
        story.forEach((p) => addTo(i, p));
      } else {
        // A sentence about a place inside the story's scene is about the scene too (not its district).
        const here = [...ownList, ...lent[i].map((p) => p.id)];
        if (inStory(here)) story.filter((p) => !isAddress(p.id) && here.some((o) => within(o, p.id))).forEach((p) => addTo(i, p));
      }
      if (topic.length && !lead && !captions.has(s) && !QUOTE_OPENS.test(s.text)) setStory(topic);
      // (A sentence naming only places no story happens at — 从硅谷回国的王宁… — waits too.)
      if (lent[i].length === 0 && ownList.every((id) => !isScene(id)) && story.length === 0 && !opensGeneral && !aboutWhole) wait(lent[i]);
    });

    if (!narrative) {
      // What the next segment's story continues: this one's topic, or the one place it names.
      const named = new Set(segment.flatMap(ownIds));
      if (ended) story = [];
      else if (lead) story = lead.places;
      else if (named.size === 1) story = [{ id: [...named][0] }];
      else if (named.size > 1) story = [];
    }
    out.push(...lent);
  }
  if (narrative) {
    // A page about one place (its focus): what names nothing and got no context is about it too.
    const focus = pageFocus(sentences, (id) => !isBroad(id) && !isWhole(id) && isScene(id));
    const from = focus ? sentences.findIndex((s) => s.places.some((p) => p.placeId === focus)) : -1;
    if (focus) sentences.forEach((s, i) => {
      // (Not a heading, a credit, a turn to the general picture or a sentence about elsewhere.)
      if (i < from || s.heading || out[i].length || s.places.length || s.elsewhere || CREDIT.test(s.text) || opensOnGeneral(s.text)) return;
      out[i] = [{ id: focus }];
    });
  }
  return out;
}

/** How often a page must name its focus, and what share of its scene names that must be. */
const FOCUS_MIN = 3;
const FOCUS_SHARE = 0.7;

/**
 * The one scene a page is about, if it has one: the scene it names directly most often, at least
 * FOCUS_MIN times and FOCUS_SHARE of all its scene names (a geoparser's document focus). A page
 * that moves between scenes has none.
 */
export function pageFocus(sentences: ContextSentence[], isScene: (id: string) => boolean): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of sentences) {
    for (const p of s.places) {
      if (p.via || !isScene(p.placeId)) continue;
      counts.set(p.placeId, (counts.get(p.placeId) ?? 0) + 1);
      total++;
    }
  }
  const [top, n] = [...counts].reduce<[string | null, number]>((best, c) => (c[1] > best[1] ? c : best), [null, 0]);
  return top !== null && n >= FOCUS_MIN && n >= FOCUS_SHARE * total ? top : null;
}

/** Between an area and a place inside it: nothing or 的 (北京怀柔科学城中科院物理研究所, 海淀区的东升科技园). */
const ADDRESS_GAP = /^的?$/;

/**
 * Pairs `inner\0outer` where the text names a place right after an area it could lie in (a
 * district, a science city, a park, a university: 北京大学…实验室), so reads it as lying there;
 * not where the gazetteer puts them the other way round, nor for a name standing in for a site
 * the gazetteer lacks (海淀区的中关村|西三旗科技园).
 */
export function addressChains(sentences: ContextSentence[], isArea: (id: string) => boolean, within: (inner: string, outer: string) => boolean): Set<string> {
  const pairs = new Set<string>();
  for (const s of sentences) {
    const places = [...s.places].filter((p) => !p.via && p.end !== undefined).sort((a, b) => a.start - b.start);
    places.forEach((outer, i) => {
      const inner = places[i + 1];
      if (!inner || inner.host || inner.placeId === outer.placeId || !isArea(outer.placeId) || within(outer.placeId, inner.placeId)) return;
      if (ADDRESS_GAP.test(s.text.slice(outer.end, inner.start))) pairs.add(`${inner.placeId}\u0000${outer.placeId}`);
    });
  }
  return pairs;
}
