// Publication dates as written by pages and feeds → ISO `YYYY-MM-DD`. The date is kept
// as written: an ISO timestamp's date part is taken without a time-zone shift, because
// the page's own calendar day is what a reader saw. Numeric dates are read day first
// (British pages); an impossible date is no date.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** A two-digit year: 00-49 is this century, 50-99 the last. */
const TWO_DIGIT_YEAR_PIVOT = 50;

const PATTERNS: Array<{ regex: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  { regex: /\b(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s,.]|\b)/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { regex: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { regex: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/, parts: (m) => [m[3]!, m[2]!, m[1]!] },
  { regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), parts: (m) => [m[3]!, m[2]!, m[1]!] },
  { regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), parts: (m) => [m[3]!, m[1]!, m[2]!] },
];

function toIso(yearText: string, monthText: string, dayText: string): string | null {
  let year = Number(yearText);
  if (yearText.length === 2) year += year < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase().slice(0, 3)] ?? 0;
  const day = Number(dayText);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date written anywhere in `text`, as YYYY-MM-DD, or null. */
export function findDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { regex, parts } of PATTERNS) {
    const m = regex.exec(text);
    if (!m) continue;
    const iso = toIso(...parts(m));
    if (iso && (best === null || m.index < best.index)) best = { index: m.index, iso };
  }
  return best?.iso ?? null;
}

/** A `published` value (a feed field, a meta tag) → YYYY-MM-DD, or null when it holds no readable date. */
export function normalisePublished(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return findDate(text);
}
