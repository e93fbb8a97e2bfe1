import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary, normaliseCharset } from '../../src/load/decode.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ok = (d: ReturnType<typeof decodeBytes>) => {
  if (!d.ok) throw new Error(d.error);
  return d;
};

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    const d = ok(decodeBytes(new TextEncoder().encode('Children’s services “good”')));
    expect(d).toMatchObject({ text: 'Children’s services “good”', encoding: 'utf-8', lossy: false });
  });
  it('drops a UTF-8 BOM', () => expect(ok(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41))).text).toBe('A'));
  it('reads UTF-16LE and UTF-16BE by their BOM', () => {
    expect(ok(decodeBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x19, 0x20)))).toMatchObject({ text: 'A’', encoding: 'utf-16le' });
    expect(ok(decodeBytes(bytes(0xfe, 0xff, 0x00, 0x41, 0x20, 0x19)))).toMatchObject({ text: 'A’', encoding: 'utf-16be' });
  });
  it('reads Windows-1252 curly quotes and accents when the bytes are not UTF-8', () => {
    const d = ok(decodeBytes(bytes(0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x92)));
    expect(d.text).toBe('“café” ’');
    expect(d.lossy).toBe(false);
  });
  it('honours a declared single-byte charset for bytes that are not UTF-8', () => {
    expect(ok(decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9), 'iso-8859-1')).text).toBe('café');
  });
  it('reads valid UTF-8 as UTF-8 even when the page declares ISO-8859-1 (pages lie)', () => {
    expect(ok(decodeBytes(new TextEncoder().encode('café'), 'iso-8859-1')).text).toBe('café');
  });
  it('falls back to detection when a declared UTF-8 is not valid UTF-8', () => {
    expect(ok(decodeBytes(bytes(0x63, 0x61, 0x66, 0xe9), 'utf-8')).text).toBe('café');
  });
  it('flags a lossy decode (U+FFFD) instead of hiding it', () => {
    const d = ok(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42)));
    expect(d.lossy).toBe(true);
    expect(d.text).toContain('\uFFFD');
  });
  it('refuses empty and binary input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, error: 'the file is empty' });
    expect(decodeBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toMatchObject({ ok: false });
  });
});

describe('looksBinary / normaliseCharset', () => {
  it('tells binary from text', () => {
    expect(looksBinary(bytes(0x41, 0x00, 0x42))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('line one\r\nline two\tand a tab\f'))).toBe(false);
  });
  it('maps latin1 labels to windows-1252 as browsers do, and unknown labels to null', () => {
    expect(normaliseCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normaliseCharset('"utf-8"')).toBe('utf-8');
    expect(normaliseCharset('no-such-charset')).toBeNull();
    expect(normaliseCharset(null)).toBeNull();
  });
});
