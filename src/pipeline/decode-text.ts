/**
 * Bytes → string. Offsets everywhere else in the pipeline index the string this returns,
 * i.e. the text AFTER any byte-order mark has been removed.
 *
 * How the encoding is chosen, in order:
 *  1. the manifest's `encoding` for the file, when it gives one: used strictly (a byte-order mark
 *     of that encoding is dropped, one of another encoding is an error);
 *  2. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
 *  3. strict UTF-8, then strict GB18030 (which covers GBK and GB2312).
 * A page's own `<meta charset>` is never consulted: scrapers usually re-encode a page to UTF-8
 * and keep the original tag, so it is more often wrong than right. Big5 bytes nearly always
 * decode as (wrong) GB18030 too, so a Big5 file needs `"encoding": "big5"` in the manifest.
 */
import type { ManifestEntry } from '../types.ts';

export class DecodeError extends Error {
  override name = 'DecodeError';
}

export type Encoding = NonNullable<ManifestEntry['encoding']>;
/** Encodings a manifest entry may pin (WHATWG labels TextDecoder accepts). */
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5'];

export function isEncoding(x: unknown): x is Encoding {
  return typeof x === 'string' && (ENCODINGS as readonly string[]).includes(x);
}

const BOMS: Array<[Encoding, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

function bomOf(bytes: Uint8Array): Encoding | null {
  return BOMS.find(([, sig]) => startsWith(bytes, sig))?.[0] ?? null;
}

const bomLength = (e: Encoding) => BOMS.find(([name]) => name === e)?.[1].length ?? 0;

/** C0 controls other than tab, LF, VT, FF, CR, plus DEL: text files have (almost) none. */
function controlShare(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 127) n++;
  }
  return s.length === 0 ? 0 : n / s.length;
}

function strict(label: Encoding, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM is sliced off by the caller, a second one is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', gbk: 'GBK', big5: 'Big5' };

function decodePinned(bytes: Uint8Array, pinned: Encoding): string {
  const bom = bomOf(bytes);
  // GB18030 has its own (rare) BOM-like sequence; only the Unicode BOMs are recognised here.
  if (bom && bom !== pinned) throw new DecodeError(`the manifest says ${NAME[pinned]} but the file starts with a ${NAME[bom]} byte-order mark`);
  const text = strict(pinned, bytes.subarray(bom ? bomLength(bom) : 0));
  if (text === null) throw new DecodeError(`not valid ${NAME[pinned]} (the encoding the manifest gives)`);
  return text;
}

function decodeSniffed(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bomLength(bom));
    if (bom !== 'utf-8' && body.length % 2 !== 0) throw new DecodeError(`odd byte count for ${NAME[bom]}`);
    const text = strict(bom, body);
    if (text === null) throw new DecodeError(`invalid ${NAME[bom]} after a ${NAME[bom]} byte-order mark`);
    return { text, encoding: bom };
  }
  // A NUL byte never occurs in UTF-8 or GB18030 text; without a UTF-16 BOM it means binary.
  if (bytes.includes(0)) throw new DecodeError('binary data (NUL bytes), not a text file (UTF-16 needs a byte-order mark or an "encoding" in the manifest)');
  // UTF-8 first: GB18030 text almost never forms valid UTF-8, while UTF-8 is nearly always valid GB18030.
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = strict('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  throw new DecodeError('undecodable text: neither UTF-8 nor GB18030 (give its "encoding" in the manifest)');
}

/**
 * Decodes a document and says which encoding it was read as. Empty input decodes to '' (an
 * empty document: zero facts). Binary input throws DecodeError.
 */
export function decodeDocument(bytes: Uint8Array, pinned?: Encoding): { text: string; encoding: Encoding } {
  if (bytes.length === 0) return { text: '', encoding: pinned ?? 'utf-8' };
  const out = pinned ? { text: decodePinned(bytes, pinned), encoding: pinned } : decodeSniffed(bytes);
  if (controlShare(out.text) > 0.01) throw new DecodeError('binary data (control characters), not a text file');
  return out;
}

/** Decodes UTF-8 (with or without BOM), UTF-16 LE/BE (BOM required) or GB18030/GBK; see decodeDocument. */
export function decodeText(bytes: Uint8Array, pinned?: Encoding): string {
  return decodeDocument(bytes, pinned).text;
}
