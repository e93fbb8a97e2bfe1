// When the article was written, as far as the article itself says: its metadata date,
// else the first full date in the text (a dateline such as "20 July 2015" or
// "2018-01-29"). Grades "in 2014" are history only relative to this.
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const ISO_DATE = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/;
const DAY_MONTH_YEAR = new RegExp(`\\b\\d{1,2}(?:-\\d{1,2})?(?:st|nd|rd|th)? (${MONTHS}),? ((?:19|20)\\d\\d)\\b`);
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?, ((?:19|20)\\d\\d)\\b`);
const MONTH_NAMES = MONTHS.split('|');

export interface ArticleDate {
  year: number;
  /** 1-12, or null when only a year is known. */
  month: number | null;
}

export function articleDate(text: string, published: string | null): ArticleDate | null {
  if (published) return { year: Number(published.slice(0, 4)), month: Number(published.slice(5, 7)) };
  const candidates: Array<{ at: number; date: ArticleDate }> = [];
  const iso = ISO_DATE.exec(text);
  if (iso) candidates.push({ at: iso.index, date: { year: Number(iso[1]), month: Number(iso[2]) } });
  for (const re of [DAY_MONTH_YEAR, MONTH_DAY_YEAR]) {
    const m = re.exec(text);
    if (m) candidates.push({ at: m.index, date: { year: Number(m[2]), month: MONTH_NAMES.indexOf(m[1]!) + 1 } });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0]?.date ?? null;
}

/** Four-digit years in a piece of text, with their offsets. */
export function yearsIn(text: string): Array<{ year: number; index: number; phrase: string }> {
  const out: Array<{ year: number; index: number; phrase: string }> = [];
  const re = new RegExp(`(?:(?:${MONTHS}) )?\\b((?:19|20)\\d\\d)\\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ year: Number(m[1]), index: m.index, phrase: m[0] });
  return out;
}
