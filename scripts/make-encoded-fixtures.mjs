#!/usr/bin/env node
// Writes the loader fixtures whose bytes matter (BOMs, UTF-16, Windows-1252, binary,
// empty) into fixtures/load/. Deterministic: the same bytes on every run, so the files
// are committed and this script only documents (and can restore) how they were made.
//
//   node scripts/make-encoded-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'load');
const write = (name, bytes) => writeFileSync(join(dir, name), bytes);

// UTF-8 with a BOM, CRLF line endings and a non-breaking space inside a line.
write('utf8-bom.txt', Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from('News\r\n\r\nHalton services \u2018good\u2019, says Ofsted\r\n\r\nOfsted has rated Halton\u00a0Borough Council\u2019s children\u2019s services   good.\r\n', 'utf8'),
]));

// UTF-16LE with a BOM, as Windows tools save "Unicode" text.
const utf16 = 'Sefton council rated \u201crequires improvement\u201d\n\nInspectors found that the council had made steady progress since 2019.\n';
write('utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));

// Windows-1252: curly quotes 0x93/0x94, apostrophe 0x92, e-acute 0xE9, pound sign 0xA3.
const cp1252 = (s) => Buffer.from([...s].map((ch) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2019': 0x92, 'é': 0xe9, '£': 0xa3 })[ch] ?? ch.charCodeAt(0)));
write('windows-1252.txt', cp1252('Caf\u00e9 talks as Torbay children\u2019s services judged \u201cinadequate\u201d\n\nThe council\u2019s director said \u00a35m would be spent on the service\u2019s recovery, and a caf\u00e9 meeting with families was planned.\n'));

// A PNG signature and chunk header, then bytes from a fixed linear congruential generator.
let seed = 20240601;
const random = Array.from({ length: 200 }, () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) & 0xff);
write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...random]));

write('empty.txt', Buffer.alloc(0));
write('whitespace-only.md', Buffer.from(' \n\n\t\n'));
