// The boilerplate cue vocabulary (src/vocab/boilerplate.json) compiled once into
// regular expressions. The data file holds the phrases; this file only checks them
// (unique ids, known kinds, patterns that compile) and turns them into matchers, so a
// new publisher's furniture is a new JSON entry, not a new branch of code.
import data from '../../vocab/boilerplate.json' with { type: 'json' };
import { REMOVED_KINDS, type RemovedKind } from '../../record/schema.js';
import { precheckFor } from './required-literals.js';

export type BlockType = 'paywall' | 'list' | 'comments' | 'cookie' | 'notes';
export type ListItems = 'related' | 'job_ad' | 'navigation' | 'auto';

/** One compiled cue: a whole-paragraph matcher and what a match means. */
export interface BoilerplateRule {
  id: string;
  kind: RemovedKind;
  regex: RegExp;
  /**
   * For a pattern that scans the paragraph (`.*\bword...`): an unanchored search for the
   * literals one of which every match holds, derived from the pattern
   * (required-literals.ts). A paragraph it does not find is no match; null: no precheck.
   */
  precheck: RegExp | null;
  /** A paragraph longer than this is never this furniture (protects body sentences). */
  maxWords: number;
  /** Only near the top of the article (before its second body paragraph). */
  headOnly: boolean;
  /** Skip paragraphs that end like a sentence. */
  notSentence: boolean;
  /** Skip the article's final paragraph (it may be a body sentence cut off mid-word). */
  notLast: boolean;
  /** Starts a multi-paragraph cut. */
  block: BlockType | null;
  /** Ends an open paywall block (the closer itself is cut). */
  closes: boolean;
  /** For a list block: what its items are. */
  items: ListItems;
  /** Only matches inside a block of this type. */
  inBlock: BlockType | null;
  /**
   * Inside a block, a line that counts as the block's evidence only beside stronger
   * evidence (a bare "Name: text" line in a comment section, which a transcript has too).
   */
  weak: boolean;
}

interface RuleEntry {
  id: string;
  kind: string;
  pattern: string;
  maxWords?: number;
  zone?: string;
  notSentence?: boolean;
  notLast?: boolean;
  caseSensitive?: boolean;
  block?: string;
  closes?: boolean;
  items?: string;
  inBlock?: string;
  weak?: boolean;
  why?: string;
}

interface VocabFile {
  macros: Record<string, string>;
  rules: RuleEntry[];
  jobCues: { titleEnds: string[]; words: string[] };
  boxCues?: Record<string, string[]>;
}

/** Default cap on a cue paragraph's length when an entry gives none: furniture is short. */
const DEFAULT_MAX_WORDS = 30;
const BLOCK_TYPES: readonly string[] = ['paywall', 'list', 'comments', 'cookie', 'notes'];
const LIST_ITEMS: readonly string[] = ['related', 'job_ad', 'navigation', 'auto'];

/**
 * A pattern whose letters match either case, for use inside a case-sensitive rule
 * (Node 20 has no inline (?i:...)): each letter outside escapes and [...] classes
 * becomes a two-letter class.
 */
export function anyCase(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      // An escape, with the braces of \p{Lu} or \u{...} kept as they are.
      const close = /[pPu]/.test(pattern[i + 1] ?? '') && pattern[i + 2] === '{' ? pattern.indexOf('}', i) : -1;
      const end = close < 0 ? i + 1 : close;
      out += pattern.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '(' && pattern.startsWith('(?<', i) && /[\p{L}]/u.test(pattern[i + 3] ?? '')) {
      const end = pattern.indexOf('>', i); // a named group's name
      out += pattern.slice(i, end + 1);
      i = end;
      continue;
    }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += lower !== upper ? `[${lower}${upper}]` : c;
  }
  return out;
}

/** Replaces {{NAME}} with its macro ({{NAME:anycase}}: in either case), macros may use macros; an unknown name is an error. */
export function expandMacros(pattern: string, macros: Record<string, string>, depth = 0): string {
  if (depth > 5) throw new Error(`boilerplate vocabulary: macros nest too deep in ${pattern.slice(0, 40)}`);
  return pattern.replace(/\{\{([A-Z_]+)(:anycase)?\}\}/g, (_, name: string, modifier: string | undefined) => {
    const body = macros[name];
    if (body === undefined) throw new Error(`boilerplate vocabulary: unknown macro {{${name}}}`);
    const expanded = expandMacros(body, macros, depth + 1);
    return modifier ? anyCase(expanded) : expanded;
  });
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly string[], what: string, id: string): T | null {
  if (value === undefined) return null;
  if (!allowed.includes(value)) throw new Error(`boilerplate vocabulary: ${id} has unknown ${what} "${value}"`);
  return value as T;
}

export function compileRules(file: VocabFile): BoilerplateRule[] {
  const seen = new Set<string>();
  return file.rules.map((entry) => {
    if (seen.has(entry.id)) throw new Error(`boilerplate vocabulary: duplicate rule id ${entry.id}`);
    seen.add(entry.id);
    const kind = oneOf<RemovedKind>(entry.kind, REMOVED_KINDS, 'kind', entry.id);
    if (kind === null) throw new Error(`boilerplate vocabulary: ${entry.id} has no kind`);
    const expanded = expandMacros(entry.pattern, file.macros);
    const source = `^(?:${expanded})$`;
    let regex: RegExp;
    try {
      regex = new RegExp(source, entry.caseSensitive ? 'u' : 'iu');
    } catch (error) {
      throw new Error(`boilerplate vocabulary: ${entry.id} does not compile: ${(error as Error).message}`);
    }
    return {
      id: entry.id,
      kind,
      regex,
      precheck: precheckFor(expanded),
      maxWords: entry.maxWords ?? DEFAULT_MAX_WORDS,
      headOnly: entry.zone === 'head',
      notSentence: entry.notSentence ?? false,
      notLast: entry.notLast ?? false,
      block: oneOf<BlockType>(entry.block, BLOCK_TYPES, 'block', entry.id),
      closes: entry.closes ?? false,
      items: oneOf<ListItems>(entry.items, LIST_ITEMS, 'items', entry.id) ?? 'auto',
      inBlock: oneOf<BlockType>(entry.inBlock, BLOCK_TYPES, 'inBlock', entry.id),
      weak: entry.weak ?? false,
    };
  });
}

const vocab = data as unknown as VocabFile;

/** The compiled rules, in file order: the first rule that matches a paragraph decides. */
export const RULES: readonly BoilerplateRule[] = compileRules(vocab);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A short list item whose last word is a job-title noun ("Family Support Workers"). */
export const JOB_TITLE_END = new RegExp(`\\b(?:${vocab.jobCues.titleEnds.map(escape).join('|')})$`, 'iu');
/** Words of a job advert's fields ("per annum", "closing date"). */
export const JOB_WORDS = new RegExp(`\\b(?:${vocab.jobCues.words.map(escape).join('|')})\\b`, 'iu');

/**
 * Per kind of box (newsletter, paywall, cookie): words of which a short line right under
 * the box names its subject ("The i newsletter cut through the noise" under a sign-up).
 */
export const BOX_CUES: ReadonlyMap<RemovedKind, RegExp> = new Map(
  Object.entries(vocab.boxCues ?? {}).filter(([kind]) => !kind.startsWith('_')).map(([kind, words]) => {
    if (!REMOVED_KINDS.includes(kind as RemovedKind)) throw new Error(`boilerplate vocabulary: boxCues has unknown kind "${kind}"`);
    return [kind as RemovedKind, new RegExp(`\\b(?:${words.map(escape).join('|')})\\b`, 'iu')];
  }),
);

/** A section label on its own ("News", "Press releases"): picks the label out of "Somerset County Council – News". */
export const SECTION_LABEL = new RegExp(`^(?:${expandMacros('{{SECTION}}', vocab.macros)})$`, 'iu');
