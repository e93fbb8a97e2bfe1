// Hostile inputs, named, at full size: each must give valid output without a crash or a
// hang, and must not change any other article of the run. Shared by the in-process test
// (hostile.test.ts) and the built-CLI run with the time budget (hostile-cli.test.ts).
//
// `superLinear` marks inputs on which a regex or loop takes time that grows faster than
// the input. In process, with no time budget, they would run for minutes: the in-process
// test skips them and checks that a small instance takes no longer than ordinary text of
// the same length, within a factor (it.fails while broken); the CLI test runs them in
// full, where the time budget must stop them. (None is marked now: the five such cases
// these tests found, in sentence splitting, grade cues and the per-sentence lookups,
// were made linear; the mark stays for the next one.)

export interface HostileCase {
  name: string;
  content: string | Uint8Array;
  superLinear?: { where: string; small: string | Uint8Array };
}

function pseudoRandomBytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Uint8Array.from([0xfe, 0xff, ...le]);
};
const SENTENCE = 'Leeds children\'s services were rated good by Ofsted.';

export const HOSTILE: HostileCase[] = [
  { name: 'random-bytes.txt', content: pseudoRandomBytes(200_000) },
  { name: 'random-bytes.html', content: pseudoRandomBytes(50_000, 7) },
  {
    name: 'long-line.txt', content: 'Ofsted rated Leeds good. '.repeat(120_000), // 3 MB, no newline
  },
  { name: 'no-newline-3mb.txt', content: `${SENTENCE} ${'word '.repeat(600_000)}` },
  { name: 'spaces.txt', content: `Ofsted${' '.repeat(200_000)}rated Leeds good.` },
  { name: 'tabs-nbsp.txt', content: `${' \t\u00a0'.repeat(100_000)}${SENTENCE}` },
  { name: 'quotes.txt', content: `${'"'.repeat(100_000)} ${SENTENCE}` },
  { name: 'curly-quotes.txt', content: `${'“'.repeat(50_000)}${'”'.repeat(50_000)} ${SENTENCE}` },
  { name: 'apostrophes.txt', content: `${"'".repeat(200_000)}${SENTENCE}` },
  { name: 'brackets.txt', content: `${'['.repeat(50_000)}Leeds${']'.repeat(50_000)}${' ('.repeat(30_000)} rated good by Ofsted` },
  { name: 'councils.txt', content: `${'Leeds, '.repeat(50_000)}were rated good by Ofsted.` },
  { name: 'council-names.txt', content: `${'Ofsted rated Kingston upon Hull and North East Lincolnshire and '.repeat(20_000)}good.` },
  {
    name: 'requires-improvement.txt', content: `Ofsted said Leeds children's services ${'requires improvement to be '.repeat(40_000)}good.`,
  },
  {
    name: 'good-words.txt', content: 'good '.repeat(300_000),
  },
  {
    name: 'tally-numbers.txt', content: '152 councils: 3 outstanding, 52 good, '.repeat(20_000),
  },
  {
    name: 'dots.txt', content: '.'.repeat(300_000),
  },
  { name: 'newlines.txt', content: `${'\n'.repeat(200_000)}${SENTENCE}` },
  { name: 'paragraphs.txt', content: 'Leeds.\n\n'.repeat(100_000) },
  { name: 'capitals.txt', content: 'A'.repeat(300_000) },
  { name: 'dashes.txt', content: `${'- '.repeat(200_000)}${SENTENCE}` },
  { name: 'said-quote.txt', content: `${'said: "'.repeat(50_000)}${SENTENCE}` },
  { name: 'inspectors-found.txt', content: `${'Inspectors found that '.repeat(50_000)}Leeds good` },
  { name: 'rated.txt', content: `${'rated '.repeat(100_000)}good` },
  { name: 'dates.txt', content: '12 March 2016 '.repeat(50_000) },
  { name: 'nested-20000.html', content: `<html><body>${'<div>'.repeat(20_000)}<p>${SENTENCE}</p>${'</div>'.repeat(20_000)}</body></html>` },
  { name: 'nested-unclosed.html', content: `<html><body>${'<div><span>'.repeat(20_000)}${SENTENCE}` },
  { name: 'attributes.html', content: `<p ${'a="b" '.repeat(100_000)}>${SENTENCE}</p>` },
  { name: 'comments.html', content: `${'<!--'.repeat(100_000)}${SENTENCE}` },
  { name: 'less-than.html', content: '<'.repeat(300_000) },
  { name: 'front-matter.md', content: `---\n${'title: x\n'.repeat(100_000)}---\n${SENTENCE}` },
  { name: 'hashes.md', content: `${'#'.repeat(300_000)} Leeds` },
  { name: 'links.md', content: `${'['.repeat(100_000)}${'](' .repeat(100_000)}` },
  { name: 'stars.md', content: '*'.repeat(300_000) },
  { name: 'invalid-utf8.txt', content: Uint8Array.from([...Buffer.from(`${SENTENCE} `), 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff, 0xfe, ...Buffer.from(' The council said "we are pleased".')]) },
  { name: 'nul-bytes.txt', content: Uint8Array.from([...Buffer.from(`${SENTENCE}\n`), ...new Uint8Array(100), ...Buffer.from('by Ofsted')]) },
  { name: 'utf16le.txt', content: utf16le(`${SENTENCE}\n\nThe council said: "We are delighted."`) },
  { name: 'utf16be.html', content: utf16be(`<p>${SENTENCE}</p>`) },
  { name: 'utf16-no-bom.txt', content: Buffer.from(SENTENCE, 'utf16le') },
  { name: 'utf16.jsonl', content: utf16le(`${JSON.stringify({ id: 'u16-a', text: SENTENCE })}\r\n${JSON.stringify({ id: 'u16-b', text: 'Short.' })}`) },
  { name: 'wrong-types.json', content: JSON.stringify({ id: 5, text: ['a'], title: {} }) },
  { name: 'text-number.json', content: JSON.stringify({ text: 12 }) },
  { name: 'array.json', content: '[1,2,3]' },
  { name: 'deep.json', content: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { name: 'mixed.jsonl', content: [JSON.stringify({ id: 'j1', text: SENTENCE }), '{broken', JSON.stringify({ id: 'j2', text: 'Ofsted rated Hull inadequate.' }), JSON.stringify({ id: 'j3', text: 7 }), '\u0000'].join('\n') },
  { name: 'empty.txt', content: '' },
  { name: 'whitespace.jsonl', content: ' \n\t\n' },
];
