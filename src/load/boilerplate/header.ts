// Step 3 of boilerplate cleaning: the top of the article, where furniture has no cue
// phrase to give it away. The headline, a byline that is only a name beside a date, a
// picture caption without a credit or under a bare one, a caption printed twice (alt
// text + figcaption), and a page whose header block was saved after its body.
import { compromise } from './nlp.js';
import { RULES } from './vocab.js';
import type { Cut } from './blocks.js';
import { endsSentence, hasVerb as lineHasVerb, isBodyLike, isHeadlineLike, wordCount } from './paragraph-shape.js';

export interface HeaderInput {
  paragraphs: readonly string[];
  cuts: Array<Cut | null>;
  zoneEnd: number;
  /** Next free group number for new cuts. */
  nextGroup: number;
}

export interface HeaderResult {
  /** Index of the headline paragraph, or null when the article starts with its body. */
  headline: number | null;
  /** Paragraph indices in output order (the identity unless a trailing header block moved up). */
  order: number[];
}

/** A caption without a credit is at most this long; a standfirst is longer. */
const CAPTION_MAX_WORDS = 25;
/** Most words of a picture credit standing alone ("Getty Images", "PA Media"). */
const CREDIT_MAX_WORDS = 4;
/** Fewest words of a caption under a bare credit (a crosshead is shorter). */
const CREDITED_CAPTION_MIN_WORDS = 6;
/** Fewest words of an uncredited caption after the standfirst (crossheads are shorter). */
const CAPTION_MIN_WORDS = 6;
/** Below this, a verbless line under the headline is a label (an image's alt text), not a standfirst. */
const LABEL_MAX_WORDS = 12;
/** Most words of a kicker (section label over the headline). */
const KICKER_MAX_WORDS = 4;
/** Most words of a tag line over the read time. */
const TAGS_MAX_WORDS = 5;
/** Capitalised words (a tag list), perhaps joined by '&', 'and' or commas. */
const TAG_WORDS = /^\p{Lu}[\p{L}'’-]*(?:,?\s+(?:&\s+|and\s+)?\p{Lu}[\p{L}'’-]*)*$/u;
/** Paragraphs (standfirst) a header block saved after the body may hold after its headline. */
const TRAILING_HEADER_MAX_AFTER = 2;

/** A line that opens with a list bullet or number. */
const LIST_ITEM = /^(?:[-•·*–—▪■◦●]|\d+[.)])\s/u;
const SECTION_LABEL = RULES.find((r) => r.id === 'section_label.standalone')!;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’-]*\.?|de|da|van|von|der|le|la|al|bin|ibn)$/u;

/** "Priya Lal": two to four capitalised words and nothing else. */
const looksLikeName = (p: string) => {
  const tokens = p.split(' ');
  return tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => NAME_TOKEN.test(t)) && /^\p{Lu}/u.test(p);
};
const isPerson = (p: string) => compromise()(p).people().text() === p;

export function resolveHeader(input: HeaderInput): HeaderResult {
  const { paragraphs, cuts } = input;
  let group = input.nextGroup;
  const cut = (i: number, kind: Cut['kind'], rule: string, sameGroupAs?: number) => {
    cuts[i] = { kind, rule, group: sameGroupAs !== undefined ? cuts[sameGroupAs]!.group : ++group };
  };
  const kept = (i: number) => i >= 0 && i < paragraphs.length && cuts[i] === null;
  const last = paragraphs.length - 1;
  // compromise is the costliest step of cleaning: each line is tagged at most once.
  const verbs = new Map<string, boolean>();
  const hasVerb = (p: string) => {
    let v = verbs.get(p);
    if (v === undefined) verbs.set(p, (v = lineHasVerb(p)));
    return v;
  };

  // 3.1 A paragraph printed twice in a row is a picture's alt text and caption (or a copy slip).
  for (let i = 1; i < paragraphs.length; i++) {
    if (paragraphs[i] !== paragraphs[i - 1] || cuts[i] !== null) continue;
    if (cuts[i - 1] !== null) cut(i, cuts[i - 1]!.kind, cuts[i - 1]!.rule, i - 1);
    else if (!endsSentence(paragraphs[i]!)) {
      cut(i - 1, 'caption', 'caption.duplicated');
      cut(i, 'caption', 'caption.duplicated', i - 1);
    } else cut(i, 'other', 'other.duplicated');
  }

  // 3.2 A bare name right beside a date line or another byline line ("Local Democracy
  // Reporting Service") at the top is the byline.
  const firstKept = paragraphs.findIndex((_, i) => kept(i));
  for (let i = 0; i < input.zoneEnd; i++) {
    if (!kept(i) || !looksLikeName(paragraphs[i]!)) continue;
    const besideDate = [i - 1, i + 1].some((j) => cuts[j]?.kind === 'byline' && cuts[j]!.rule !== 'byline.name_beside_date');
    if (besideDate && (i !== firstKept || isPerson(paragraphs[i]!))) cut(i, 'byline', 'byline.name_beside_date');
  }

  // 3.3 A kicker: a short verbless label over the headline ("Children's social care"),
  // the section it is filed under. Only when a longer headline with a verb follows.
  // Two such labels stacked over the headline are the publication's name over the
  // section ("LocalGov News", "Children's services"): the upper one is the masthead.
  const labelShaped = (p: string) => wordCount(p) <= KICKER_MAX_WORDS && !endsSentence(p);
  let first = paragraphs.findIndex((_, i) => kept(i));
  const next = paragraphs.findIndex((_, i) => i > first && kept(i));
  if (first >= 0 && next >= 0 && first < input.zoneEnd) {
    const label = paragraphs[first]!;
    const headlineAfter = paragraphs[next]!;
    if (wordCount(label) <= KICKER_MAX_WORDS && isHeadlineLike(headlineAfter) && wordCount(headlineAfter) > wordCount(label)
      && !endsSentence(label) && !hasVerb(label) && hasVerb(headlineAfter)) {
      cut(first, 'section_label', 'section_label.kicker');
      first = next;
    } else {
      const third = paragraphs.findIndex((_, i) => i > next && kept(i));
      const headline = third >= 0 ? paragraphs[third]! : '';
      // Shapes first: the verb tests run compromise.
      if (third >= 0 && next < input.zoneEnd && labelShaped(label) && labelShaped(headlineAfter)
        && isHeadlineLike(headline) && wordCount(headline) > wordCount(headlineAfter)
        && !hasVerb(label) && !hasVerb(headlineAfter) && hasVerb(headline)) {
        cut(first, 'navigation', 'navigation.masthead_over_kicker');
        // A dated label ("Branch Bulletin – February 2017") is the issue line, not a section.
        if (/\d/.test(headlineAfter)) cut(next, 'navigation', 'navigation.masthead_over_kicker', first);
        else cut(next, 'section_label', 'section_label.kicker');
        first = third;
      }
    }
  }

  // 3.4 The headline: the first kept paragraph, when it is shaped like one.
  let headline: number | null = first >= 0 && isHeadlineLike(paragraphs[first]!) ? first : null;

  // 3.4b Tags over the read time: a few capitalised words, not a sentence, right above the
  // read-time line under the headline ("Ofsted Social Care" / "4 mins read"): the topics
  // the article is filed under (CYP Now), the read-time line's tags printed before it.
  for (let i = (headline ?? -1) + 1; i + 1 < input.zoneEnd && i < last; i++) {
    if (!kept(i) || cuts[i + 1]?.kind !== 'read_time') continue;
    const p = paragraphs[i]!;
    if (wordCount(p) <= TAGS_MAX_WORDS && !endsSentence(p) && TAG_WORDS.test(p)) cut(i, 'navigation', 'navigation.tags_over_read_time');
  }

  // 3.4c The caption under a bare picture credit: BBC prints the credit ("Getty Images")
  // on its own line above the caption. Below the headline only (a credit above it is a
  // hero picture's, and the line under it the headline), and only a line that reads as a
  // caption: CREDITED_CAPTION_MIN_WORDS or more (a crosshead is shorter), not a sentence.
  for (let i = (headline ?? last) + 1; i + 1 < last; i++) {
    const credit = cuts[i];
    if (!credit || credit.kind !== 'caption' || cuts[i - 1]?.group === credit.group || !kept(i + 1)) continue;
    const label = paragraphs[i]!;
    if (wordCount(label) > CREDIT_MAX_WORDS || endsSentence(label)) continue;
    const caption = paragraphs[i + 1]!;
    const words = wordCount(caption);
    if (words >= CREDITED_CAPTION_MIN_WORDS && words <= CAPTION_MAX_WORDS && !endsSentence(caption) && !LIST_ITEM.test(caption)) {
      cut(i + 1, 'caption', 'caption.under_credit', i);
    }
  }

  // 3.5 Captions without a credit between the headline and the body proper: a line that
  // is not a sentence, after a body paragraph (the standfirst), or a verbless label.
  // Never the final paragraph, which may be a sentence cut off by a paywall.
  let bodySeen = false;
  for (let i = (headline ?? -1) + 1; i < input.zoneEnd && i < last; i++) {
    if (!kept(i)) continue;
    const p = paragraphs[i]!;
    if (isBodyLike(p)) { bodySeen = true; continue; }
    const words = wordCount(p);
    if (endsSentence(p) || words > CAPTION_MAX_WORDS || words === 0) continue;
    // A list item ("- the experiences and progress of care leavers: good") is body, not a caption.
    if (LIST_ITEM.test(p)) continue;
    // After the standfirst, a caption reads as a sentence without its full stop; a
    // crosshead ("Key findings", "What happens next") is shorter. Under the headline, a
    // verbless label is an image's alt text. A standfirst without a full stop does not
    // count as body seen.
    // (The verb test runs compromise, the costliest step of cleaning: only where it decides.)
    const sentenceCaption = bodySeen && words >= CAPTION_MIN_WORDS && hasVerb(p);
    if (sentenceCaption || (!bodySeen && words < LABEL_MAX_WORDS && !hasVerb(p))) cut(i, 'caption', 'caption.unpunctuated_line');
  }

  // 3.6 A header block saved after the body ("News", headline, standfirst at the end):
  // cut the label and move the headline and standfirst to the top.
  let order = paragraphs.map((_, i) => i);
  if (headline === null) {
    for (let s = 1; s + 1 < paragraphs.length; s++) {
      const labelled = kept(s) && SECTION_LABEL.regex.test(paragraphs[s]!) && isBodyLike(paragraphs[s - 1]!);
      if (!labelled || !kept(s + 1) || !isHeadlineLike(paragraphs[s + 1]!) || last - (s + 1) > TRAILING_HEADER_MAX_AFTER) continue;
      cut(s, 'section_label', SECTION_LABEL.id);
      headline = s + 1;
      order = [...order.slice(s + 1), ...order.slice(0, s + 1)];
      break;
    }
  }
  return { headline, order };
}
