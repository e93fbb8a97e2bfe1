// Graded-area phrases ("adoption services", "the impact of leaders", "care leavers").
import vocab from '../vocab/areas.json' with { type: 'json' };
import type { Area } from '../record/schema.js';

export interface AreaMention {
  start: number;
  end: number;
  area: Area;
  rule: string;
}

const AREA_RE = new RegExp(vocab.areas.map((a, i) => `(?<a${i}>\\b(?:${a.pattern})\\b)`).join('|'), 'gi');
export const OVERALL_RE = new RegExp(`\\b(?:${vocab.overall})\\b`, 'i');
export const BACK_REFERENCE_RE = new RegExp(`\\b(?:${vocab.backReference})\\b`, 'i');

/** Area phrases in `text` (offsets relative to it), leftmost-longest, in order. */
export function findAreaMentions(text: string): AreaMention[] {
  const out: AreaMention[] = [];
  AREA_RE.lastIndex = 0;
  for (let m = AREA_RE.exec(text); m; m = AREA_RE.exec(text)) {
    const index = Number(Object.keys(m.groups!).find((k) => m!.groups![k] !== undefined)!.slice(1));
    const entry = vocab.areas[index]!;
    out.push({ start: m.index, end: m.index + m[0].length, area: entry.area as Area, rule: entry.id });
  }
  return out;
}
