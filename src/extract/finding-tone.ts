// Is a sentence praise, a concern, both, or neither? Cue lexicons (data) with
// negation: a cue right after "not", "no" or "without" counts for the other side.
import cues from '../vocab/finding-cues.json' with { type: 'json' };

export interface Tone {
  praise: boolean;
  concern: boolean;
}

const PRAISE = new RegExp(`\\b(?:${cues.praise})\\b`, 'gi');
const CONCERN = new RegExp(`\\b(?:${cues.concern})\\b`, 'gi');
const NEGATED = new RegExp(`\\b(?:${cues.negators})\\b(?:\\W+\\w+){0,3}?\\W+$`, 'i');
const FILLER = new RegExp(`\\b(?:${cues.gradeOnlyFiller})\\b`, 'gi');

type Ignore = Array<{ start: number; end: number }>;
const overlaps = (start: number, end: number, ignore: Ignore) => ignore.some((r) => start < r.end && end > r.start);

/** Cue hits, ignoring ones inside `ignore` (grade phrases, council names: "requires improvement" is not a cue). */
export function toneOf(text: string, ignore: Ignore = []): Tone {
  const tone: Tone = { praise: false, concern: false };
  const scan = (re: RegExp, side: keyof Tone, other: keyof Tone) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (overlaps(m.index, m.index + m[0].length, ignore)) continue;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      // "not" inside the cue itself ("not getting") already says which side it is on.
      if (!/^not\b|^did not|^do not|^does not|^has not|^have not|^had not/i.test(m[0]) && NEGATED.test(before)) tone[other] = true;
      else tone[side] = true;
    }
  };
  scan(PRAISE, 'praise', 'concern');
  scan(CONCERN, 'concern', 'praise');
  return tone;
}

/** True when the sentence says no more than a grade ("Merton was rated good by Ofsted"). */
export function onlyStatesGrade(text: string, ignore: Ignore): boolean {
  let rest = '';
  let at = 0;
  for (const r of [...ignore].sort((a, b) => a.start - b.start)) {
    rest += text.slice(at, Math.max(at, r.start));
    at = Math.max(at, r.end);
  }
  rest += text.slice(at);
  const words = rest.replace(FILLER, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words.split(' ').filter((w) => w.length > 2).length <= 2;
}
