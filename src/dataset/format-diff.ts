// A DatasetDiff → text for a terminal, Markdown for a pull request comment or a GitHub
// job summary (summary tables first, lists in <details>, trimmed to stay under a byte
// budget), or JSON for a program. Pure.
import { CHANGE_TYPES, hasChanges, type ChangeType, type DatasetDiff, type FieldChange, type RecordChange } from './diff-records.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  value_changed: 'value changed',
  span_moved: 'span moved only',
  rule_changed: 'rule changed only',
  item_added: 'item added',
  item_removed: 'item removed',
};

/** Longest quoted text shown for an item; the rest becomes "…". */
const MAX_QUOTE = 120;
/** Most field changes listed for one record; the rest are counted. */
const MAX_CHANGES_PER_RECORD = 40;

const clip = (text: string, max = MAX_QUOTE) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => v !== null && typeof v === 'object' && !Array.isArray(v);
const spanText = (span: unknown) => (Array.isArray(span) ? `[${span[0]},${span[1]})` : 'no span');

/** Text in double quotes, clipped, as it is (no JSON escapes: it is for reading). */
const quote = (text: string) => `"${clip(text)}"`;

/** One value as a person reads it: a grade, a judgement, a quoted item. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return quote(value);
  if (!isObject(value)) return String(value);
  if (typeof value.area === 'string' && typeof value.grade === 'string') return `${value.area}: ${value.grade}`;
  if (typeof value.grade === 'string') return typeof value.when === 'string' ? `${value.grade} (${value.when})` : value.grade;
  if (typeof value.kind === 'string' && typeof value.text === 'string') return `${value.kind}: ${quote(value.text)}`;
  if (typeof value.text === 'string') {
    const who = typeof value.speaker === 'string' ? ` (${value.speaker}${typeof value.role === 'string' ? `, ${value.role}` : ''})` : '';
    return `${quote(value.text)}${who}`;
  }
  if (isObject(value.counts)) {
    const counts = Object.entries(value.counts).map(([g, n]) => `${g} ${String(n)}`).join(', ');
    return `${String(value.scope)} ${String(value.framework ?? '')} total ${String(value.total ?? '?')}: ${counts}`.replace(/\s+/g, ' ');
  }
  const { span: _s, rule: _r, ...rest } = value;
  return JSON.stringify(rest);
}

const ruleOf = (v: unknown) => (isObject(v) && typeof v.rule === 'string' ? v.rule : null);

/** "rule x" or "rule x → y": the rules that produced a value, so a change points at a rule. */
function ruleNote(change: FieldChange): string {
  const before = ruleOf(change.before);
  const after = ruleOf(change.after);
  if (before === null && after === null) return '';
  if (before === after || before === null || after === null) return ` [rule ${after ?? before}]`;
  return ` [rule ${before} → ${after}]`;
}

/** The sub-fields two matched list items differ in: "source: inspectors → Ofsted". */
function subfieldChanges(before: Loose, after: Loose): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'span' && k !== 'rule');
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${showValue(before[k])} → ${showValue(after[k])}`).join('; ');
}

/** One field change as one line, without the record it belongs to. */
export function describeChange(change: FieldChange): string {
  const where = change.item === undefined ? change.field
    : change.field === 'judgements' || change.field === 'councils' ? `${change.field}[${change.item}]`
      : `${change.field} ${showValue(change.type === 'item_added' ? change.after : change.before)}`;
  switch (change.type) {
    case 'item_added':
      return `${change.field} + ${showValue(change.after)}${ruleNote(change)}`;
    case 'item_removed':
      return `${change.field} − ${showValue(change.before)}${ruleNote(change)}`;
    case 'span_moved':
      return `${where}: span moved ${spanText(isObject(change.before) ? change.before.span : null)} → ${spanText(isObject(change.after) ? change.after.span : null)}${ruleNote(change)}`;
    case 'rule_changed':
      return `${where}: rule ${ruleOf(change.before) ?? 'none'} → ${ruleOf(change.after) ?? 'none'}`;
    case 'value_changed': {
      if (change.field === 'text') return `text changed (${change.note ?? ''}): ${showValue(change.before)} → ${showValue(change.after)}`;
      const both = isObject(change.before) && isObject(change.after) ? [change.before, change.after] as const : null;
      const detail = both && change.field === 'judgements' ? `${String(both[0].grade)} → ${String(both[1].grade)}`
        : both && change.item !== undefined ? subfieldChanges(both[0], both[1])
          : `${showValue(change.before)} → ${showValue(change.after)}`;
      return `${where}: ${detail}${ruleNote(change)}`;
    }
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryLines(diff: DatasetDiff): string[] {
  const c = diff.counts;
  return [
    `articles: ${c.articles_added} added, ${c.articles_removed} removed, ${c.articles_changed} changed`,
    `inspections: ${c.inspections_added} added, ${c.inspections_removed} removed, ${c.inspections_changed} changed`,
    `field changes: ${CHANGE_TYPES.map((t) => `${c[t]} ${CHANGE_TYPE_LABELS[t]}`).join(', ')}`,
  ];
}

const articleLine = (a: DatasetDiff['articles']['added'][number]) =>
  `${a.id}  ${a.title === null ? '(no title)' : quote(a.title)} (${a.status}${a.councils.length ? `: ${a.councils.join(', ')}` : ''}${a.error ? `: ${clip(a.error)}` : ''})`;

const inspectionLine = (i: DatasetDiff['inspections']['added'][number]) =>
  `${i.id}  ${i.council}: ${i.overall ?? 'no overall grade'} (${i.kind ?? 'kind unknown'})`;

function changeLines(record: RecordChange): string[] {
  const shown = record.changes.slice(0, MAX_CHANGES_PER_RECORD).map(describeChange);
  const more = record.changes.length - shown.length;
  return more > 0 ? [...shown, `… ${plural(more, 'more change')}`] : shown;
}

// ---- text -------------------------------------------------------------------------

export function formatText(diff: DatasetDiff): string {
  const lines = [...diff.notes.map((n) => `note: ${n}`), ...summaryLines(diff)];
  if (!hasChanges(diff)) return `${[...lines, '', 'no changes'].join('\n')}\n`;
  const section = (title: string, entries: string[]) => (entries.length ? ['', title, ...entries] : []);
  const changed = (records: RecordChange[]) => records.flatMap((r) =>
    [`  ~ ${r.id}  ${r.label}`, ...changeLines(r).map((l) => `      ${l}`)]);
  lines.push(
    ...section('added articles', diff.articles.added.map((a) => `  + ${articleLine(a)}`)),
    ...section('removed articles', diff.articles.removed.map((a) => `  - ${articleLine(a)}`)),
    ...section('changed articles', changed(diff.articles.changed)),
    ...section('added inspections', diff.inspections.added.map((i) => `  + ${inspectionLine(i)}`)),
    ...section('removed inspections', diff.inspections.removed.map((i) => `  - ${inspectionLine(i)}`)),
    ...section('changed inspections', changed(diff.inspections.changed)),
  );
  return `${lines.join('\n')}\n`;
}

// ---- markdown ---------------------------------------------------------------------

/** GitHub's PR comment limit is 65,536 characters; stay well under it. */
export const MARKDOWN_MAX_BYTES = 60 * 1024;
/** Room kept for the trim note and closing tags. */
const RESERVE_BYTES = 1024;
/** A list this short is shown open. */
const OPEN_UP_TO = 20;

const MARKDOWN_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '&#64;', '#': '&#35;' };

/**
 * Untrusted text (titles, article sentences, ids) made inert in GitHub Markdown: HTML
 * and Markdown syntax escaped, @mentions and #references defused, one line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[&<>@#\\`*_[\]{}()|~!]/g, (c) => MARKDOWN_ESCAPES[c] ?? `\\${c}`);
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const code = (s: string) => `<code>${escapeMarkdown(s)}</code>`;

interface MarkdownSection {
  title: string;
  entries: string[];
}

/** The overall-grade changes, the thing a reviewer most wants to see first. */
function gradeChanges(diff: DatasetDiff): string[] {
  return diff.inspections.changed.flatMap((r) => r.changes
    .filter((c) => c.type === 'value_changed' && c.field === 'overall')
    .map((c) => `- **${escapeMarkdown(r.label)}** overall: ${escapeMarkdown(showValue(c.before))} → ${escapeMarkdown(showValue(c.after))} ${code(r.id)}`));
}

export function formatMarkdown(diff: DatasetDiff, maxBytes = MARKDOWN_MAX_BYTES): string {
  const c = diff.counts;
  const head = [
    `### Dataset diff: ${hasChanges(diff) ? `${plural(c.articles_added + c.articles_removed + c.articles_changed, 'article')} and ${plural(c.inspections_added + c.inspections_removed + c.inspections_changed, 'inspection')} changed` : 'no changes'}`,
    '',
    ...diff.notes.map((n) => `> ${escapeMarkdown(n)}\n`),
    '| records | added | removed | changed |',
    '|---|---:|---:|---:|',
    `| articles | ${c.articles_added} | ${c.articles_removed} | ${c.articles_changed} |`,
    `| inspections | ${c.inspections_added} | ${c.inspections_removed} | ${c.inspections_changed} |`,
    '',
    `| field changes | ${CHANGE_TYPES.map((t) => CHANGE_TYPE_LABELS[t]).join(' | ')} |`,
    `|---|${CHANGE_TYPES.map(() => '---:').join('|')}|`,
    `| count | ${CHANGE_TYPES.map((t) => c[t]).join(' | ')} |`,
    '',
  ].join('\n');
  const changed = (r: RecordChange) =>
    [`- **${escapeMarkdown(r.label)}** ${code(r.id)}`, ...changeLines(r).map((l) => `  - ${escapeMarkdown(l)}`)].join('\n');
  const sections: MarkdownSection[] = [
    { title: 'Overall grade changes', entries: gradeChanges(diff) },
    { title: 'Added articles', entries: diff.articles.added.map((a) => `- ${escapeMarkdown(articleLine(a))}`) },
    { title: 'Removed articles', entries: diff.articles.removed.map((a) => `- ${escapeMarkdown(articleLine(a))}`) },
    { title: 'Added inspections', entries: diff.inspections.added.map((i) => `- ${escapeMarkdown(inspectionLine(i))}`) },
    { title: 'Removed inspections', entries: diff.inspections.removed.map((i) => `- ${escapeMarkdown(inspectionLine(i))}`) },
    { title: 'Changed inspections', entries: diff.inspections.changed.map(changed) },
    { title: 'Changed articles', entries: diff.articles.changed.map(changed) },
  ].filter((s) => s.entries.length > 0);

  const parts = [head];
  let used = bytes(head);
  let omitted = 0;
  for (const section of sections) {
    const open = `<details${section.entries.length <= OPEN_UP_TO ? ' open' : ''}><summary>${section.title} (${section.entries.length})</summary>\n\n`;
    const close = '\n\n</details>\n\n';
    const frame = bytes(open) + bytes(close);
    if (used + frame + RESERVE_BYTES > maxBytes) { omitted += section.entries.length; continue; }
    const shown: string[] = [];
    let size = used + frame;
    for (const entry of section.entries) {
      const cost = bytes(entry) + 1;
      if (size + cost + RESERVE_BYTES > maxBytes) break;
      shown.push(entry);
      size += cost;
    }
    const left = section.entries.length - shown.length;
    if (left > 0) { shown.push(`\n_… ${left} more not shown_`); omitted += left; }
    const body = `${open}${shown.join('\n')}${close}`;
    parts.push(body);
    used += bytes(body);
  }
  if (omitted > 0) {
    parts.push(`> [!NOTE]\n> Trimmed to stay under ${Math.round(maxBytes / 1024)} KB: ${omitted} ${omitted === 1 ? 'entry' : 'entries'} not shown. Run \`ofsted-news diff\` with \`--format text\` or \`--format json\` for the full diff.\n`);
  }
  return parts.join('\n');
}

export function formatDiff(diff: DatasetDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  if (format === 'markdown') return formatMarkdown(diff);
  return formatText(diff);
}
