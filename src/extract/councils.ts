// Council mentions: one pass of one alternation built from the gazetteer (every name
// and alias, longest first, so "Hull City Council" beats "Hull" and the non-council
// "Newcastle-under-Lyme" beats "Newcastle"), then the ambiguity rules from data.
import gazetteer from '../vocab/councils.json' with { type: 'json' };
import ambiguity from '../vocab/council-ambiguity.json' with { type: 'json' };

export interface Council {
  name: string;
  code: string;
  /** ONS region ("London", "North East", …) and kind of authority ("county", "london-borough", …). */
  region: string;
  type: string;
  status: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface CouncilMention {
  start: number;
  end: number;
  council: Council;
  /** The alias as matched, e.g. "Merton's" → "Merton". */
  alias: string;
  rule: string;
}

const COUNCILS: Council[] = gazetteer.councils;

/** Spaces and hyphens are interchangeable in place names ("Richmond-upon-Thames"). */
const aliasKey = (alias: string) => alias.replace(/[\s\-–]+/g, ' ').replace(/[’]/g, "'").toLowerCase();

const rowsByAlias = new Map<string, Council[]>();
for (const [i, row] of gazetteer.councils.entries()) {
  for (const alias of row.aliases) {
    const key = aliasKey(alias);
    const rows = rowsByAlias.get(key) ?? [];
    if (!rows.includes(COUNCILS[i]!)) rows.push(COUNCILS[i]!);
    rowsByAlias.set(key, rows);
  }
}
const NOT_COUNCIL = new Set(ambiguity.notCouncils.map(aliasKey));
const NEEDS_FULL_NAME = new Set(ambiguity.needsFullName.map(aliasKey));
const NEEDS_CUE = new Set(ambiguity.needsCue.map(aliasKey));
const CUE = new RegExp(`(?:${ambiguity.cues})`, 'i');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toPattern = (alias: string) => alias.split(/[\s\-–]+/).map((w) => escape(w).replace(/'/g, "['’]")).join('[\\s\\-–]+');
const ALL_NAMES = [...new Set([...gazetteer.councils.flatMap((c) => c.aliases), ...ambiguity.notCouncils])]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
// Case-sensitive on purpose: "Reading", "Hull" and "Bath" are names only when capitalised.
const MENTION = new RegExp(`(?<![\\p{L}\\p{N}\\-])(${ALL_NAMES.map(toPattern).join('|')})(?:['’]s?)?(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'gu');
const NOT_AFTER = new RegExp(`^\\s+(?:${ambiguity.notAfter.map(toPattern).join('|')})\\b`);
const NOT_BEFORE = new RegExp(`(?:^|\\s)(?:${ambiguity.notBefore.map(toPattern).join('|')})\\s+$`);

/** Picks the row of a name used by two councils (an abolished county and its successor) by date. */
function pickRow(rows: Council[], published: string | null): Council {
  if (rows.length === 1) return rows[0]!;
  if (published) {
    const dated = rows.find((r) => (r.validTo === null || published < r.validTo) && (r.validFrom === null || published >= r.validFrom));
    if (dated) return dated;
  }
  return rows.find((r) => r.status === 'current') ?? rows[0]!;
}

const SMALL_WORDS = new Set(['on', 'upon', 'under', 'and', 'with', 'of', 'the', 'in']);
/** The capitalised first words of a paragraph, as local papers set them ("STOCKTON-ON-TEES Borough Council"). */
const CAPS_LEAD = /(^|\n)((?:[A-Z][A-Z'’&]+(?:-[A-Z][A-Z'’&]*)*[ ,]+){0,4}[A-Z][A-Z'’&]+(?:-[A-Z][A-Z'’&]*)*)(?=[\s,'’.]|$)/g;

/**
 * The text with a paragraph's capitalised lead words in title case ("Stockton-on-Tees"),
 * for matching only: the same length, so every offset still points into the real text.
 */
function withTitleCaseLeads(text: string): string {
  return text.replace(CAPS_LEAD, (_all, before: string, words: string) => before + words.replace(/[A-Z][A-Z'’&]*/g, (w, at: number) => {
    const lower = w.toLowerCase();
    return at > 0 && SMALL_WORDS.has(lower) ? lower : w[0] + lower.slice(1);
  }));
}

/** Raw matches, before the ambiguity rules; `ambiguous` tells which rule a short alias needs. */
function scan(original: string, published: string | null) {
  const text = withTitleCaseLeads(original);
  const found: Array<CouncilMention & { needs: 'full_name' | 'cue' | null }> = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const alias = m[1]!;
    const key = aliasKey(alias);
    if (NOT_COUNCIL.has(key)) continue;
    const rows = rowsByAlias.get(key);
    if (!rows) continue;
    const start = m.index;
    const end = start + alias.length;
    if (NOT_AFTER.test(text.slice(end, end + 20)) || NOT_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    const needs = NEEDS_FULL_NAME.has(key) ? 'full_name' : NEEDS_CUE.has(key) ? 'cue' : null;
    found.push({ start, end, alias, council: pickRow(rows, published), rule: needs ? `council.alias_${needs}` : 'council.name', needs });
  }
  return found;
}

/**
 * Council mentions in `text`. `sentenceOf` gives the span of the sentence around an
 * offset, for the cue rule.
 */
export function findCouncilMentions(
  text: string,
  published: string | null,
  sentenceOf: (offset: number) => { start: number; end: number },
): CouncilMention[] {
  const raw = scan(text, published);
  const named = new Set(raw.filter((m) => m.needs === null).map((m) => m.council.name));
  return raw.flatMap(({ needs, ...mention }) => {
    if (needs === null || named.has(mention.council.name)) return [mention];
    if (needs === 'cue') {
      const s = sentenceOf(mention.start);
      if (CUE.test(text.slice(s.start, s.end))) return [mention];
    }
    return [];
  });
}
