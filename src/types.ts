/**
 * Shared types: the fact pipeline's output contract (read by the app and by other tools)
 * and the curated inputs (gazetteer, manifest, topic lexicon).
 */

/**
 * The domain's vocabularies are const arrays and the types derive from them, so a value is valid
 * because it is in the array (src/contract.ts checks with them), never because a UI string exists.
 */
export const SCRIPTS = ['zhHans', 'zhHant'] as const;
export type Script = (typeof SCRIPTS)[number];

export interface Names {
  zhHans: string;
  zhHant: string;
  en: string;
  /** A short English form for map labels (Beijing E-Town, BAAI); the panel and lists keep `en`. */
  enShort?: string;
}

/** How a place is drawn: a boundary polygon, a schematic area derived at build time, a point, or nowhere. */
export type PlaceGeometry =
  | { type: 'boundary'; layer: 'district' | 'context' | 'province'; unit: string }
  | { type: 'schematic'; basis: string }
  | { type: 'point'; lonLat: [number, number]; precisionM: number; source: string }
  | { type: 'none'; reason: string };

export const PLACE_KINDS = [
  'municipality', 'district', 'science-city', 'development-zone', 'sub-park', 'park', 'town', 'facility', 'institute',
  'university', 'company', 'government', 'policy-zone', 'jjj-node', 'national-node', 'foreign', 'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A curated gazetteer entry (geo/places.json). */
export interface Place {
  id: string;
  names: Names;
  aliases: string[];
  kind: PlaceKind;
  /**
   * National statistical division code of the unit the place is or lies in, for places whose
   * region the gazetteer cannot otherwise tell (districts, places outside Beijing): 110108, 13,
   * 3401. Others take their district's or parent's; Beijing by default.
   */
  division?: string;
  /** Beijing district id that hosts the place, when it lies in Beijing. */
  district?: string;
  /**
   * The districts a place spans, its main host first (怀柔科学城: 怀柔, 密云; 亦庄: 大兴, 通州); an
   * empty list for a zone spread over the whole city (中关村示范区). Facts about the place count
   * for the main host and are shown, not counted, for the others. Without it, `district` hosts it.
   */
  hosts?: string[];
  /** Parent place id (e.g. a sub-park's parent is the demonstration zone). */
  parent?: string;
  /** Place ids this place is linked with (e.g. a JJJ node's Beijing partner). */
  links?: string[];
  geometry: PlaceGeometry;
  notes?: string;
}

/** A term that stands for several places (三城一区, 京津冀 …). */
export interface GroupTerm {
  term: string;
  aliases: string[];
  members: string[];
}

/** A string that looks like a place name but is not one in a given context. */
export interface AmbiguityRule {
  /** The alias the rule restricts. */
  alias: string;
  /** The match is rejected when the text right before it ends with one of these. */
  notAfter?: string[];
  /** The match is rejected when the text right after it starts with one of these. */
  notBefore?: string[];
  why: string;
}

export interface Gazetteer {
  places: Place[];
  groups: GroupTerm[];
  rules: AmbiguityRule[];
}

/** What kind of text a document is: how much weight its words carry about a place's role. */
/** A document's genre, most authoritative first (role statements are ranked by it). */
export const GENRES = ['plan', 'policy', 'interview', 'article', 'news'] as const;
export type Genre = (typeof GENRES)[number];

export interface ManifestEntry {
  file: string;
  id: string;
  title: string;
  publisher: string;
  date: string;
  url?: string;
  script: Script;
  /** The article body: first and last characters as substrings that mark it (inclusive). */
  body: { startsWith: string; endsWith: string };
  /** The file's encoding when detection would get it wrong (Big5, UTF-16 without a BOM); see decode-text.ts. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk' | 'big5';
  /** A plan or policy states roles with authority; an interview or the news reports them (absent: news). */
  genre?: Genre;
}

export interface DocumentRecord {
  id: string;
  file: string;
  title: string;
  publisher: string;
  date: string;
  url?: string;
  script: Script;
  /** 'manifest' when the body came from the manifest, 'heuristic' otherwise. */
  bodySource: 'manifest' | 'heuristic';
  bodyStart: number;
  bodyEnd: number;
  length: number;
}

/** Topics in their fixed output order. */
export const TOPICS = [
  'ai', 'quantum', 'blockchain', 'ic', 'biomed', 'brain', 'materials', 'energy', 'auto',
  'aerospace', 'robotics', 'agri', 'digital', 'finance', 'culture', 'talent', 'reform',
  'infrastructure', 'industry', 'cooperation', 'metrics',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Kinds of link a document can state between Beijing and a place beyond it, strongest first. */
export const LINK_KINDS = ['zgc-park', 'integration', 'cooperation'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * What the documents say ties a place beyond Beijing to it: the strongest kind a sentence about
 * the place states (its cue word and fact), or 'mention' when they only name it as a location
 * (西昌卫星发射中心 as a launch site), with the first fact that names it.
 */
export interface PlaceLink {
  kind: LinkKind | 'mention';
  fact: string;
  /** The cue word as the sentence writes it (normalised key), absent for a mention. */
  cue?: string;
}

export interface Figure {
  /** The figure as written, an exact substring of the fact text. */
  text: string;
  value: number;
  /** Upper end when the figure is a range (2021至2025年, 5-10个); value is then the lower end. */
  max?: number;
  unit: string;
  /** What the number measures, from the surrounding words (e.g. 研发投入强度), or '' when unclear. */
  measure: string;
  /** Offsets into the document, like the fact's. */
  start: number;
  end: number;
}

export interface FactPlace {
  id: string;
  /**
   * explicit: the sentence names the place (or a Beijing town in the district, named in `via`);
   * group: it is reached through a group term (三城一区, 京津冀 …: `via`), named in the sentence or
   * lent by a passage about the term; context: the sentence is about it without naming it.
   */
  how: 'explicit' | 'group' | 'context';
  /** The group term the place was reached through, or the town a district was named through. */
  via?: string;
}

export interface Fact {
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  heading: boolean;
  places: FactPlace[];
  topics: Topic[];
  figures: Figure[];
}

export interface RoleSentence {
  fact: string;
  score: number;
}

export interface FactsFile {
  documents: DocumentRecord[];
  /** `link` only on places beyond Beijing that the documents name (Tianjin/Hebei and national nodes). */
  places: Array<Place & { factCount: number; role: RoleSentence[]; link?: PlaceLink }>;
  facts: Fact[];
}

/** A fact without its sentence: what the map, the lists and the counts need. */
export type FactRef = Pick<Fact, 'id' | 'doc' | 'heading' | 'places' | 'topics'>;
