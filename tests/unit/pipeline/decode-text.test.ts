import { describe, expect, it } from 'vitest';
import { DecodeError, decodeDocument, decodeText } from '../../../src/pipeline/decode-text.ts';

// 北 = U+5317, 京 = U+4EAC. Byte arrays are written out by hand.
const utf8 = [0xe5, 0x8c, 0x97, 0xe4, 0xba, 0xac];

describe('decodeText', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(new Uint8Array(utf8))).toBe('北京');
  });

  it('drops a UTF-8 BOM so offsets start at the first character', () => {
    const s = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
    expect(s).toBe('北京');
    expect(s.indexOf('京')).toBe(1);
  });

  it('decodes UTF-16LE with a BOM', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x17, 0x53, 0xac, 0x4e]))).toBe('北京');
  });

  it('decodes UTF-16BE with a BOM', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x53, 0x17, 0x4e, 0xac]))).toBe('北京');
  });

  it('decodes GB18030/GBK bytes (北 = B1 B1, 京 = BE A9)', () => {
    expect(decodeText(new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9, 0xa1, 0xa3]))).toBe('北京。');
  });

  it('decodes empty input to an empty string', () => {
    expect(decodeText(new Uint8Array([]))).toBe('');
  });

  it('rejects bytes with NUL as binary', () => {
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]))).toThrow(DecodeError);
  });

  it('rejects text full of control characters as binary', () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x42]))).toThrow(/control characters/);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(new Uint8Array([0xe5, 0x8c, 0xff, 0xff]))).toThrow(/undecodable/);
  });

  it('says UTF-16 without a byte-order mark needs one (its ASCII has NUL bytes)', () => {
    // "Hi" in UTF-16LE, no BOM.
    expect(() => decodeText(new Uint8Array([0x48, 0x00, 0x69, 0x00]))).toThrow(/NUL bytes.*UTF-16 needs a byte-order mark/);
  });

  it('decodes a GB18030 four-byte sequence (U+20000 = 95 32 82 36) that GBK lacks', () => {
    expect(decodeDocument(new Uint8Array([0xb1, 0xb1, 0x95, 0x32, 0x82, 0x36]))).toEqual({ text: '北\u{20000}', encoding: 'gb18030' });
  });
});

describe('decodeDocument: which encoding', () => {
  it('reports the encoding it read', () => {
    expect(decodeDocument(new Uint8Array(utf8)).encoding).toBe('utf-8');
    expect(decodeDocument(new Uint8Array([0xb1, 0xb1, 0xbe, 0xa9])).encoding).toBe('gb18030');
    expect(decodeDocument(new Uint8Array([0xfe, 0xff, 0x53, 0x17])).encoding).toBe('utf-16be');
  });

  it('uses the encoding the manifest pins: UTF-16LE without a byte-order mark', () => {
    expect(decodeDocument(new Uint8Array([0x17, 0x53, 0xac, 0x4e]), 'utf-16le')).toEqual({ text: '北京', encoding: 'utf-16le' });
  });

  it('drops the byte-order mark of the pinned encoding and refuses one of another', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8')).toBe('北京');
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x17, 0x53]), 'gb18030')).toThrow(/manifest says GB18030 but the file starts with a UTF-16LE byte-order mark/);
  });

  it('refuses bytes that are not valid in the pinned encoding', () => {
    expect(() => decodeText(new Uint8Array([0xb1, 0xb1]), 'utf-8')).toThrow(/not valid UTF-8/);
  });

  // 北京 in Big5 is A5 5F A8 CA. Detection cannot tell Big5 from GB18030: both decode without an error.
  const big5 = [0xa5, 0x5f, 0xa8, 0xca];
  it('reads Big5 when the manifest says so', () => {
    expect(decodeText(new Uint8Array(big5), 'big5')).toBe('北京');
  });

  it('reads unpinned Big5 as GB18030, wrongly: the documented reason to pin it', () => {
    const out = decodeDocument(new Uint8Array(big5));
    expect(out.encoding).toBe('gb18030');
    expect(out.text).not.toBe('北京');
  });
});
