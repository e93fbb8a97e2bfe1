// Step 2 of boilerplate cleaning: cuts that span several paragraphs. A cue that opens a
// block (a registration wall, a "More like this" list, a comment section, a cookie
// banner) takes the paragraphs after it that belong to it, and no more: each block
// stops at the first paragraph that reads like body text, so an article that goes on
// after a box in its middle keeps its text. A press release's notes to editors are
// sentences themselves: they run from their heading below the body to the end.
import type { RemovedKind } from '../../record/schema.js';
import { BOX_CUES, JOB_TITLE_END, JOB_WORDS, type BoilerplateRule } from './vocab.js';
import { endsSentence, endsWithFullStop, withoutBullet, wordCount } from './paragraph-shape.js';
import { matchRule, type ParagraphContext } from './match-rules.js';

/** One paragraph's fate: kept (null) or cut with a kind, the rule that cut it, and its block. */
export interface Cut {
  kind: RemovedKind;
  rule: string;
  /** Paragraphs cut together share a group and become one `removed` item. */
  group: number;
}

export interface BlockScan {
  paragraphs: readonly string[];
  matches: ReadonlyArray<BoilerplateRule | null>;
  context: ParagraphContext;
  /** Index of the first body-like paragraph: a wall or list above it swallows nothing. */
  firstBody: number;
  /** Filled on first use by indexComments. */
  comments?: CommentIndex;
}

export interface CommentIndex {
  /** metaBefore[k]: comment-metadata lines among paragraphs 0..k-1. */
  metaBefore: number[];
  /** strongBefore[k]: those of them that are not weak evidence (a reply, report or time line). */
  strongBefore: number[];
  /** sectionEnd[k]: last paragraph a comment section opened at k may take. */
  sectionEnd: number[];
}

/** Most words of a line inside a wall or list that no cue names (a benefit, a job title, a link). */
const BLOCK_LINE_MAX_WORDS = 20;
/** Most words of a cookie-banner button. */
const BUTTON_MAX_WORDS = 6;
/** Comment metadata lines needed before a "Comments" heading takes what follows it. */
const COMMENT_META_MIN = 2;

const shortNonSentence = (paragraph: string, maxWords = BLOCK_LINE_MAX_WORDS) =>
  wordCount(paragraph) <= maxWords && !endsSentence(withoutBullet(paragraph));

/** A registration or subscription wall: from its opener through its sign-in closer or its last wall-like line. */
export function paywallEnd(scan: BlockScan, start: number): number {
  const opener = scan.matches[start]!;
  if (opener.closes) return start;
  // Near the top a wall label ("Subscribers only") sits above the headline: cut only the label.
  const swallowShortLines = start > scan.firstBody;
  let end = start;
  for (let k = start + 1; k < scan.paragraphs.length; k++) {
    const m = scan.matches[k] ?? null;
    if (m?.kind === 'paywall') {
      end = k;
      if (m.closes) break;
    } else if (m && m.block !== null) {
      break; // another block ("More like this") begins
    } else if (m || (swallowShortLines && shortNonSentence(scan.paragraphs[k]!))) {
      end = k; // "Register", bullets, the benefits list
    } else {
      break;
    }
  }
  return end;
}

/** Kinds of the cue lines a list may hold as its items (a job advert's salary line, a 'Read more:' link). */
const LIST_ITEM_KINDS: ReadonlySet<RemovedKind> = new Set<RemovedKind>(['related', 'job_ad', 'navigation']);

/** A list under a related-links or jobs heading: its short items, up to the first body-like paragraph. */
export function listEnd(scan: BlockScan, start: number): number {
  let end = start;
  for (let k = start + 1; k < scan.paragraphs.length; k++) {
    const m = scan.matches[k] ?? null;
    if (m && m.block !== null) break;
    // Below the body, a linked story's own byline or date line is one of the list's lines
    // (BBC's 'Published' / '8 August 2016' under each headline). Above it, a byline is the
    // article's own: a list there stops at it, which keeps it a byline (and its date).
    const linkDate = m?.kind === 'byline' && start > scan.firstBody;
    // Other furniture below the list ("Follow us on X", a copyright line) is cut on its own, with its kind.
    if (m && !LIST_ITEM_KINDS.has(m.kind) && !linkDate) break;
    const paragraph = scan.paragraphs[k]!;
    // Items are titles: short, no full stop (a related headline may end with "?").
    if (m || (wordCount(paragraph) <= BLOCK_LINE_MAX_WORDS && !endsWithFullStop(paragraph) && !/:$/.test(paragraph))) end = k;
    else break;
  }
  return end;
}

/** Whether the items of a list are job adverts: a location, salary or field line, or job titles. */
export function isJobList(items: readonly string[], matches: ReadonlyArray<BoilerplateRule | null>): boolean {
  if (matches.some((m) => m?.kind === 'job_ad')) return true;
  const titles = items.filter((item) => JOB_TITLE_END.test(withoutBullet(item).replace(/[”"’']+$/u, ''))).length;
  const strapline = items.some((item) => /^[“"‘'].*[”"’']$/u.test(item));
  const fields = items.some((item) => JOB_WORDS.test(item));
  return titles >= 2 || (titles >= 1 && (strapline || fields));
}

/**
 * A comment section: only when readers' comments (reply/report/"2 hours ago" lines) follow
 * the heading; weak evidence ("Name: text" lines) counts only beside a strong line. Below
 * the body a heading that counts the comments ("Comments (2)") is evidence itself; at the
 * top of the page it is a link to them, with the whole article below it.
 */
export function commentsEnd(scan: BlockScan, start: number): number {
  const index = scan.comments ?? indexComments(scan);
  const end = index.sectionEnd[start]!;
  const from = start > scan.firstBody ? start : start + 1;
  const meta = index.metaBefore[end + 1]! - index.metaBefore[from]!;
  const strong = index.strongBefore[end + 1]! - index.strongBefore[from]!;
  return meta >= COMMENT_META_MIN && strong > 0 ? end : start;
}

/**
 * Where a comment section starting at each paragraph would end (before the next block of
 * another type) and running counts of comment-metadata lines, computed once so that many
 * "Comments" lines cost linear time.
 */
export function indexComments(scan: BlockScan): CommentIndex {
  const n = scan.paragraphs.length;
  const metaBefore = new Array<number>(n + 1).fill(0);
  const strongBefore = new Array<number>(n + 1).fill(0);
  for (let k = 0; k < n; k++) {
    const rule = matchRule(scan.paragraphs, k, scan.context, 'comments');
    const meta = rule?.inBlock === 'comments';
    metaBefore[k + 1] = metaBefore[k]! + (meta ? 1 : 0);
    strongBefore[k + 1] = strongBefore[k]! + (meta && !rule!.weak ? 1 : 0);
  }
  const sectionEnd = new Array<number>(n).fill(n - 1);
  for (let k = n - 2; k >= 0; k--) {
    const m = scan.matches[k + 1] ?? null;
    sectionEnd[k] = m && m.block !== null && m.block !== 'comments' ? k : sectionEnd[k + 1]!;
  }
  const index = { metaBefore, strongBefore, sectionEnd };
  scan.comments = index;
  return index;
}

/** A cookie banner: its notice lines and buttons. */
export function cookieEnd(scan: BlockScan, start: number): number {
  let end = start;
  for (let k = start + 1; k < scan.paragraphs.length; k++) {
    const m = scan.matches[k] ?? null;
    if (m?.kind === 'cookie' || (!m && shortNonSentence(scan.paragraphs[k]!, BUTTON_MAX_WORDS))) end = k;
    else break;
  }
  return end;
}

/**
 * Notes to editors below a press release: from the heading to the next block of another
 * type or the end of the text. Above the first body paragraph the heading goes alone.
 */
export function notesEnd(scan: BlockScan, start: number): number {
  if (start <= scan.firstBody) return start;
  let end = start;
  for (let k = start + 1; k < scan.paragraphs.length; k++) {
    const m = scan.matches[k] ?? null;
    if (m && m.block !== null && m.block !== 'notes') break;
    end = k;
  }
  return end;
}

/** Applies line cues and blocks in text order; returns one decision per paragraph. */
export function cutBlocks(scan: BlockScan): Array<Cut | null> {
  const cuts: Array<Cut | null> = scan.paragraphs.map(() => null);
  let group = 0;
  const mark = (from: number, to: number, kind: RemovedKind, rule: string) => {
    group++;
    for (let k = from; k <= to; k++) cuts[k] = { kind, rule, group };
  };
  for (let i = 0; i < scan.paragraphs.length; i++) {
    const rule = scan.matches[i];
    if (!rule || rule.inBlock !== null) continue;
    let end = i;
    switch (rule.block) {
      case 'paywall':
        end = paywallEnd(scan, i);
        mark(i, end, 'paywall', rule.id);
        break;
      case 'list': {
        end = listEnd(scan, i);
        const items = scan.paragraphs.slice(i + 1, end + 1);
        const jobs = rule.items === 'job_ad' || (rule.items === 'auto' && isJobList(items, scan.matches.slice(i + 1, end + 1)));
        const itemKind: RemovedKind = jobs ? 'job_ad' : rule.items === 'navigation' ? 'navigation' : 'related';
        // A jobs heading and its adverts are one item; a "More like this" heading over adverts is two.
        if (end === i || itemKind === rule.kind) mark(i, end, rule.kind, rule.id);
        else {
          mark(i, i, rule.kind, rule.id);
          mark(i + 1, end, itemKind, `${rule.id}.items`);
        }
        break;
      }
      case 'comments':
        end = commentsEnd(scan, i);
        mark(i, end, 'comments', rule.id);
        break;
      case 'cookie':
        end = cookieEnd(scan, i);
        mark(i, end, 'cookie', rule.id);
        break;
      case 'notes': {
        // The notes are `other`; furniture among them (a media contact, a share bar) keeps its own kind.
        end = notesEnd(scan, i);
        mark(i, i, rule.kind, rule.id);
        let open = true; // the last paragraph marked was a note, so the next one joins its item
        for (let k = i + 1; k <= end; k++) {
          const m = scan.matches[k] ?? null;
          if (m === null || m.block === 'notes') {
            if (open) cuts[k] = { kind: rule.kind, rule: rule.id, group };
            else mark(k, k, rule.kind, rule.id);
            open = true;
          } else {
            mark(k, k, m.kind, m.id);
            open = false;
          }
        }
        break;
      }
      default:
        mark(i, i, rule.kind, rule.id);
    }
    i = end;
  }
  fillBoxes(scan.paragraphs, cuts);
  takeCaptionText(scan.paragraphs, cuts);
  return cuts;
}

/** Most words of a caption's text on the line under its label. */
const CAPTION_TEXT_MAX_WORDS = 25;

/**
 * A caption label that ends with a comma or colon ("Image caption,", BBC's label copied
 * without its text) is followed by the caption itself on the next line: a short line
 * that is not a sentence ("Bootle Town Hall is home to Sefton Council") joins it.
 */
function takeCaptionText(paragraphs: readonly string[], cuts: Array<Cut | null>): void {
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const label = cuts[i];
    if (!label || label.kind !== 'caption' || cuts[i + 1] || !/[,:]$/.test(paragraphs[i]!)) continue;
    if (!shortNonSentence(paragraphs[i + 1]!, CAPTION_TEXT_MAX_WORDS)) continue;
    cuts[i + 1] = { kind: 'caption', rule: `${label.rule}.text`, group: label.group };
  }
}

/** Kinds of furniture that come as a box of lines: a sign-up form, a wall, a banner. */
const BOX_KINDS: ReadonlySet<RemovedKind> = new Set<RemovedKind>(['newsletter', 'paywall', 'cookie']);
/** Most words of an unmarked line inside a box (a strapline, a form label). */
const BOX_LINE_MAX_WORDS = 12;

/**
 * A short line that is not a sentence, between two cut lines of the same box kind, belongs
 * to that box: a newsletter's strapline between its pitch and its button ("Sign up to our
 * daily newsletter" / "The i newsletter cut through the noise" / "Sign up").
 */
function fillBoxes(paragraphs: readonly string[], cuts: Array<Cut | null>): void {
  for (let i = 1; i + 1 < paragraphs.length; i++) {
    const before = cuts[i - 1];
    const after = cuts[i + 1];
    if (cuts[i] || !before || !after || before.kind !== after.kind || !BOX_KINDS.has(before.kind)) continue;
    if (!shortNonSentence(paragraphs[i]!, BOX_LINE_MAX_WORDS)) continue;
    cuts[i] = { kind: before.kind, rule: `${before.kind}.box_line`, group: before.group };
  }
  // Right under a box, a short line that names the box's subject ("The i newsletter cut
  // through the noise", "Have you registered? Read our terms") is its last line.
  for (let i = 1; i < paragraphs.length; i++) {
    const before = cuts[i - 1];
    if (cuts[i] || !before || !BOX_KINDS.has(before.kind)) continue;
    const cue = BOX_CUES.get(before.kind);
    if (cue === undefined || !shortNonSentence(paragraphs[i]!, BOX_LINE_MAX_WORDS) || !cue.test(paragraphs[i]!)) continue;
    cuts[i] = { kind: before.kind, rule: `${before.kind}.box_edge`, group: before.group };
  }
}
