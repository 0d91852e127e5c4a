import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText } from '../../../src/pipeline/decode-text.ts';

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
});
