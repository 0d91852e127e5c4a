/**
 * Bytes → string. Offsets everywhere else in the pipeline index the string this returns,
 * i.e. the text AFTER any byte-order mark has been removed.
 */

export class DecodeError extends Error {
  override name = 'DecodeError';
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** C0 controls other than tab, LF, VT, FF, CR, plus DEL: text files have (almost) none. */
function controlShare(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 127) n++;
  }
  return s.length === 0 ? 0 : n / s.length;
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM is sliced off by the caller, a second one is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes UTF-8 (with or without BOM), UTF-16 LE/BE (BOM required) or GB18030/GBK.
 * Empty input decodes to '' (an empty document: zero facts). Binary input throws DecodeError.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = strict('utf-8', bytes.subarray(3));
    if (text === null) throw new DecodeError('invalid UTF-8 after a UTF-8 byte-order mark');
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    if (bytes.length % 2 !== 0) throw new DecodeError(`odd byte count for UTF-16${le ? 'LE' : 'BE'}`);
    text = strict(le ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    if (text === null) throw new DecodeError(`invalid UTF-16${le ? 'LE' : 'BE'}`);
  } else {
    // A NUL byte never occurs in UTF-8 or GB18030 text; without a UTF-16 BOM it means binary.
    if (bytes.includes(0)) throw new DecodeError('binary data (NUL bytes), not a text file');
    // UTF-8 first: random GB18030 bytes almost never form valid UTF-8, the reverse is common.
    text = strict('utf-8', bytes) ?? strict('gb18030', bytes);
    if (text === null) throw new DecodeError('undecodable text: neither UTF-8 nor GB18030');
  }
  if (controlShare(text) > 0.01) throw new DecodeError('binary data (control characters), not a text file');
  return text;
}
