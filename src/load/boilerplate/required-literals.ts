// A cheap precheck for a cue regex that scans: the literal strings one of which must occur
// in any text the regex matches. Most paragraphs are body text that no cue matches; a cue
// of the form `.*\bword...` runs its `.*` over the whole paragraph and backtracks, while an
// unanchored search for "word" (one regex of plain alternatives) rules it out far faster.
// A cue anchored on a literal start fails at once on its own and gets no precheck.
//
// The analysis is conservative: it may return null (no precheck) but never a set that a
// matching text lacks. Literals are lower-cased and searched for with the `iu` flags, so a
// case-sensitive cue's literal is found too; only ASCII characters and characters without
// case are taken as literals, so that case folding cannot tell them apart from their
// lower-case form.

type Node =
  | { t: 'lit'; c: string }
  | { t: 'any' } // one character the analysis does not track
  | { t: 'zero' } // zero-width: \b, ^, $, lookarounds
  | { t: 'opaque' } // may match any string, also the empty one (a back-reference)
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

const LETTER_CLASS = /^\[(\p{L})(\p{L})\]$/u;

/** A character usable as a literal: its lower-case form is what any case-insensitive match of it lower-cases to. */
function literalChar(c: string): Node {
  const code = c.codePointAt(0)!;
  if (code < 128) return { t: 'lit', c: c.toLowerCase() };
  // Caseless characters (quotes, dashes, £, ©) fold to themselves.
  if (c.toLowerCase() === c && c.toUpperCase() === c) return { t: 'lit', c };
  return { t: 'any' };
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { t: 'seq', items };
  }

  private quantified(node: Node): Node {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*') { min = 0; max = Infinity; this.i++; }
    else if (c === '+') { min = 1; max = Infinity; this.i++; }
    else if (c === '?') { min = 0; max = 1; this.i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) throw new Error(`bad quantifier at ${this.i}`);
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else return node;
    if (s[this.i] === '?') this.i++; // lazy
    return this.quantified({ t: 'rep', node, min, max });
  }

  private atom(): Node {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let zero = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) { this.i += 2; zero = true; }
      else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) { this.i += 3; zero = true; }
      else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      else if (s[this.i] === '?') throw new Error(`unknown group at ${this.i}`);
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error(`unclosed group at ${this.i}`);
      this.i++;
      return zero ? { t: 'zero' } : inner;
    }
    if (c === '[') {
      let j = this.i + 1;
      if (s[j] === '^') j++;
      if (s[j] === ']') j++;
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      const cls = s.slice(this.i, j + 1);
      this.i = j + 1;
      // anyCase's two-letter classes ([bB]) are that letter in either case.
      const m = LETTER_CLASS.exec(cls);
      if (m && m[1] !== m[2] && m[1]!.toLowerCase() === m[2]!.toLowerCase()) return literalChar(m[1]!);
      return { t: 'any' };
    }
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '.') return { t: 'any' };
    if (c === '^' || c === '$') return { t: 'zero' };
    const cp = String.fromCodePoint(s.codePointAt(this.i - 1)!);
    this.i += cp.length - 1;
    return literalChar(cp);
  }

  private escape(): Node {
    const s = this.src;
    const c = s[this.i + 1]!;
    this.i += 2;
    if (c === 'b' || c === 'B') return { t: 'zero' };
    if ('dDwWsS'.includes(c)) return { t: 'any' };
    if (c === 'p' || c === 'P') {
      this.i = s.indexOf('}', this.i) + 1;
      return { t: 'any' };
    }
    if (c === 'u' && s[this.i] === '{') {
      const end = s.indexOf('}', this.i);
      const cp = String.fromCodePoint(parseInt(s.slice(this.i + 1, end), 16));
      this.i = end + 1;
      return literalChar(cp);
    }
    if (c === 'u' || c === 'x') {
      const len = c === 'u' ? 4 : 2;
      const hex = s.slice(this.i, this.i + len);
      this.i += len;
      return literalChar(String.fromCharCode(parseInt(hex, 16)));
    }
    if (/\d/.test(c)) {
      while (/\d/.test(s[this.i] ?? '')) this.i++;
      return { t: 'opaque' };
    }
    const controls: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (c in controls) return literalChar(controls[c]!);
    if (/[\p{L}\p{N}]/u.test(c)) return { t: 'any' }; // an escape this parser does not know: track nothing
    return literalChar(c);
  }
}

interface Info {
  /** One of these strings is in every match, or null when nothing is known. */
  need: string[] | null;
  /** The node always matches exactly this string. */
  exact: string | null;
  /** The node matches only the empty string at its position. */
  zero: boolean;
}

/** Better precheck: longer shortest string, then fewer strings. */
function better(a: string[], b: string[] | null): boolean {
  if (b === null) return true;
  const minA = Math.min(...a.map((x) => x.length));
  const minB = Math.min(...b.map((x) => x.length));
  return minA !== minB ? minA > minB : a.length < b.length;
}

function analyse(node: Node): Info {
  switch (node.t) {
    case 'lit': return { need: [node.c], exact: node.c, zero: false };
    case 'any': case 'opaque': return { need: null, exact: null, zero: false };
    case 'zero': return { need: null, exact: '', zero: true };
    case 'rep': {
      const inner = analyse(node.node);
      if (inner.zero) return inner;
      if (node.min === 0) return { need: null, exact: null, zero: false };
      return { need: inner.need, exact: node.min === 1 && node.max === 1 ? inner.exact : null, zero: false };
    }
    case 'alt': {
      const infos = node.alts.map(analyse);
      const exact = infos.every((x) => x.exact !== null && x.exact === infos[0]!.exact) ? infos[0]!.exact : null;
      if (infos.some((x) => x.need === null || x.need.includes(''))) return { need: null, exact, zero: false };
      return { need: [...new Set(infos.flatMap((x) => x.need!))], exact, zero: false };
    }
    case 'seq': {
      let best: string[] | null = null;
      let run = '';
      let exact: string | null = '';
      const flush = () => {
        if (run.length > 0 && better([run], best)) best = [run];
        run = '';
      };
      for (const item of node.items) {
        const info = analyse(item);
        if (info.zero) continue; // consumes nothing: the run goes on across it
        if (info.exact !== null) {
          run += info.exact;
          if (exact !== null) exact += info.exact;
          continue;
        }
        exact = null;
        flush();
        if (info.need !== null && !info.need.includes('') && better(info.need, best)) best = info.need;
      }
      flush();
      return { need: best, exact, zero: false };
    }
  }
}

/** A repetition this long or unbounded over untracked characters is a scan. */
const SCAN_MIN_REPEAT = 40;

function canBeEmpty(node: Node): boolean {
  switch (node.t) {
    case 'lit': case 'any': return false;
    case 'zero': case 'opaque': return true;
    case 'rep': return node.min === 0 || canBeEmpty(node.node);
    case 'alt': return node.alts.some(canBeEmpty);
    case 'seq': return node.items.every(canBeEmpty);
  }
}

/** Whether a match may start with a long run of characters the pattern does not spell out (`.*`, `[^.]*?`). */
function startsWithScan(node: Node): boolean {
  switch (node.t) {
    case 'lit': case 'any': case 'zero': case 'opaque': return false;
    case 'rep': return (node.max >= SCAN_MIN_REPEAT && analyse(node.node).exact === null) || startsWithScan(node.node);
    case 'alt': return node.alts.some(startsWithScan);
    case 'seq':
      for (const item of node.items) {
        if (startsWithScan(item)) return true;
        if (!canBeEmpty(item)) return false;
      }
      return false;
  }
}

function parse(source: string): Node | null {
  try {
    return new Parser(source).parse();
  } catch {
    return null; // a pattern this parser cannot read gets no precheck
  }
}

/** Strings (lower case) one of which every text the regex source matches contains, or null. */
export function requiredLiterals(source: string): string[] | null {
  const tree = parse(source);
  if (tree === null) return null;
  const need = analyse(tree).need;
  return need === null || need.length === 0 || need.some((x) => x.length === 0) ? null : need;
}

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The precheck of a cue pattern that scans: an unanchored search for its required
 * literals, or null when the pattern does not scan or requires no literal.
 */
export function precheckFor(source: string): RegExp | null {
  const tree = parse(source);
  if (tree === null || !startsWithScan(tree)) return null;
  const need = requiredLiterals(source);
  if (need === null) return null;
  // A literal that holds another is found whenever it is: the shorter one suffices.
  const minimal = need.filter((x) => !need.some((y) => y !== x && x.includes(y)));
  return new RegExp(minimal.map(escapeLiteral).join('|'), 'iu');
}
