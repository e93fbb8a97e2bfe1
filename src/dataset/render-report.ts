// A dataset → one self-contained HTML page for reviewing it (pure): a summary (councils
// × grades, an inline SVG chart of grade counts), then each article's cleaned text with
// every span highlighted by type, its records beside it, and its warnings.
//
// Article text is untrusted: everything from the dataset is escaped, and a
// Content-Security-Policy allows only this page's own inline style and script (by hash)
// and no requests at all, so even a missed escape could not run code or fetch anything.
import { createHash } from 'node:crypto';
import { GRADES, type ArticleRecord, type Grade, type InspectionRecord } from '../record/schema.js';
import { compareArticles, compareInspections, compareStrings } from './serialise.js';
import type { Dataset } from './load-dataset.js';

export const HIGHLIGHT_TYPES = ['grade', 'praise', 'concern', 'response', 'tally', 'warning'] as const;
export type HighlightType = (typeof HIGHLIGHT_TYPES)[number];

/** One highlighted span of an article's text, merged over every record that cites it. */
export interface Highlight {
  start: number;
  end: number;
  type: HighlightType;
  /** Rule ids that produced the values at this span, in first-seen order. */
  rules: string[];
  /** What each value is, for the tooltip: "Merton overall: good". */
  notes: string[];
  /** Anchor id of the mark (its first piece when it had to be split). */
  anchor: string;
}

// ---- escaping ---------------------------------------------------------------------

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or a double-quoted attribute value, inert. */
export const escapeHtml = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

// ---- highlights -------------------------------------------------------------------

const TYPE_ORDER: Record<HighlightType, number> = { response: 0, praise: 1, concern: 2, tally: 3, grade: 4, warning: 5 };

/** Every span an article's records and warnings cite, merged per (start, end, type). */
export function collectHighlights(article: ArticleRecord, inspections: readonly InspectionRecord[], anchorPrefix: string): { highlights: Highlight[]; invalid: string[] } {
  const merged = new Map<string, Highlight>();
  const invalid: string[] = [];
  const add = (span: readonly [number, number] | null, type: HighlightType, rule: string, note: string) => {
    if (span === null) return;
    const [start, end] = span;
    if (!(start >= 0 && start < end && end <= article.text.length)) {
      invalid.push(`${note}: span [${start},${end}) is outside the text (${article.text.length} characters)`);
      return;
    }
    const key = `${start},${end},${type}`;
    const existing = merged.get(key);
    if (existing) {
      if (!existing.rules.includes(rule)) existing.rules.push(rule);
      if (!existing.notes.includes(note)) existing.notes.push(note);
    } else merged.set(key, { start, end, type, rules: [rule], notes: [note], anchor: '' });
  };
  for (const r of inspections) {
    const who = r.council.name;
    if (r.overall) add(r.overall.span, 'grade', r.overall.rule, `${who} overall: ${r.overall.grade}`);
    if (r.previous) add(r.previous.span, 'grade', r.previous.rule, `${who} previous: ${r.previous.grade}${r.previous.when ? ` (${r.previous.when})` : ''}`);
    for (const j of r.judgements) add(j.span, 'grade', j.rule, `${who} ${j.area}: ${j.grade}`);
    for (const p of r.praise) add(p.span, 'praise', p.rule, `${who} praise${p.source ? ` (${p.source})` : ''}`);
    for (const c of r.concerns) add(c.span, 'concern', c.rule, `${who} concern${c.source ? ` (${c.source})` : ''}`);
    for (const s of r.responses) add(s.span, 'response', s.rule, `${who} response${s.speaker ? `: ${s.speaker}` : ''}${s.role ? `, ${s.role}` : ''}`);
  }
  for (const t of article.tallies) add(t.span, 'tally', t.rule, `tally (${t.scope}): ${Object.entries(t.counts).map(([g, n]) => `${g} ${n}`).join(', ')}`);
  for (const w of article.warnings) add(w.span, 'warning', w.rule, `warning: ${w.text}`);
  const highlights = [...merged.values()].sort(compareHighlights);
  highlights.forEach((h, i) => { h.anchor = `${anchorPrefix}-${i + 1}`; });
  return { highlights, invalid };
}

interface Piece { start: number; end: number; highlight: Highlight }

/** Outer before inner: earlier start, then longer, then a fixed order of types. */
const compareHighlights = (a: { start: number; end: number; type: HighlightType }, b: { start: number; end: number; type: HighlightType }) =>
  a.start - b.start || b.end - a.end || TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
const comparePieces = (a: Piece, b: Piece) =>
  a.start - b.start || b.end - a.end || TYPE_ORDER[a.highlight.type] - TYPE_ORDER[b.highlight.type];

function openMark(piece: Piece): string {
  const h = piece.highlight;
  const whole = piece.start === h.start && piece.end === h.end;
  const first = piece.start === h.start;
  const title = [...h.notes, `rule: ${h.rules.join(', ')}`].join('\n');
  return `<mark class="hl hl-${h.type}${whole ? '' : ' hl-part'}"${first ? ` id="${escapeHtml(h.anchor)}"` : ''}`
    + ` data-type="${h.type}" data-start="${piece.start}" data-end="${piece.end}"`
    + ` data-span-start="${h.start}" data-span-end="${h.end}" data-rule="${escapeHtml(h.rules.join(' '))}"`
    + ` title="${escapeHtml(title)}">`;
}

/**
 * The text of [from, to) with its pieces as nested <mark> elements. Pieces are sorted
 * outer-first; a piece that starts inside another but ends after it is split at the
 * other's end, so that elements always nest and every mark's text is exactly
 * text.slice(data-start, data-end).
 */
function renderRange(text: string, from: number, to: number, pieces: Piece[]): string {
  let html = '';
  let cursor = from;
  let queue = pieces;
  while (queue.length > 0) {
    const [outer, ...others] = queue as [Piece, ...Piece[]];
    html += escapeHtml(text.slice(cursor, outer.start));
    const inside: Piece[] = [];
    const after: Piece[] = [];
    for (const p of others) {
      if (p.start >= outer.end) after.push(p);
      else if (p.end <= outer.end) inside.push(p);
      else {
        inside.push({ ...p, end: outer.end });
        after.push({ ...p, start: outer.end });
      }
    }
    html += `${openMark(outer)}${renderRange(text, outer.start, outer.end, inside)}</mark>`;
    cursor = outer.end;
    queue = after.sort(comparePieces);
  }
  return html + escapeHtml(text.slice(cursor, to));
}

/** An article's text as HTML with every highlight marked (see renderRange). */
export function markText(text: string, highlights: readonly Highlight[]): string {
  const pieces = highlights.map((highlight) => ({ start: highlight.start, end: highlight.end, highlight })).sort(comparePieces);
  return renderRange(text, 0, text.length, pieces);
}

// ---- page parts -------------------------------------------------------------------

const GRADE_COLOURS: Record<Grade, string> = {
  outstanding: '#1b7f3b', good: '#5aa02c', requires_improvement: '#e0a100', inadequate: '#c62828', adequate: '#7a8fa6', satisfactory: '#9e9e9e',
};
const gradeLabel = (grade: string) => grade.replace(/_/g, ' ');

function gradeChart(counts: Map<string, number>): string {
  const rows = [...GRADES, 'none'] as const;
  const max = Math.max(1, ...counts.values());
  const barWidth = 300;
  const rowHeight = 22;
  const labelWidth = 160;
  const height = rows.length * rowHeight + 8;
  const bars = rows.map((grade, i) => {
    const n = counts.get(grade) ?? 0;
    const w = Math.round((n / max) * barWidth);
    const y = 4 + i * rowHeight;
    const fill = grade === 'none' ? '#cfd8dc' : GRADE_COLOURS[grade];
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(gradeLabel(grade))}</text>`
      + `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="${rowHeight - 6}" fill="${fill}"><title>${escapeHtml(gradeLabel(grade))}: ${n}</title></rect>`
      + `<text x="${labelWidth + w + 6}" y="${y + 15}">${n}</text>`;
  }).join('');
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 50}" height="${height}" role="img" aria-label="Overall grades of all inspection records">${bars}</svg>`;
}

function summary(articles: readonly ArticleRecord[], inspections: readonly InspectionRecord[], anchors: Map<string, string>): string {
  const status = { ok: 0, no_inspection: 0, error: 0 };
  for (const a of articles) status[a.status]++;
  const overall = new Map<string, number>();
  const byCouncil = new Map<string, { grades: Map<string, number>; articles: string[] }>();
  for (const r of inspections) {
    const grade = r.overall?.grade ?? 'none';
    overall.set(grade, (overall.get(grade) ?? 0) + 1);
    const row = byCouncil.get(r.council.name) ?? { grades: new Map<string, number>(), articles: [] as string[] };
    row.grades.set(grade, (row.grades.get(grade) ?? 0) + 1);
    if (!row.articles.includes(r.article)) row.articles.push(r.article);
    byCouncil.set(r.council.name, row);
  }
  const columns = [...GRADES, 'none'];
  const tableRows = [...byCouncil.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([council, row]) =>
    `<tr><th scope="row">${escapeHtml(council)}</th>${columns.map((g) => `<td>${row.grades.get(g) ?? ''}</td>`).join('')}`
    + `<td>${row.articles.map((id) => `<a href="#${escapeHtml(anchors.get(id) ?? '')}">${escapeHtml(id)}</a>`).join(' ')}</td></tr>`).join('\n');
  return `<section class="summary">
<h2>Summary</h2>
<p>${articles.length} articles (${status.ok} with inspections, ${status.no_inspection} without, ${status.error} errors); ${inspections.length} inspection records from ${byCouncil.size} councils.</p>
<h3>Overall grades</h3>
${gradeChart(overall)}
<h3>Councils × overall grades</h3>
<table class="grid">
<thead><tr><th scope="col">council</th>${columns.map((g) => `<th scope="col">${escapeHtml(gradeLabel(g))}</th>`).join('')}<th scope="col">articles</th></tr></thead>
<tbody>
${tableRows || `<tr><td colspan="${columns.length + 2}">no inspection records</td></tr>`}
</tbody>
</table>
</section>`;
}

/** Link from a record's value to its mark in the text. */
function spanLink(highlights: readonly Highlight[], type: HighlightType, span: readonly [number, number] | null): string {
  if (span === null) return '';
  const h = highlights.find((x) => x.type === type && x.start === span[0] && x.end === span[1]);
  return h ? ` <a class="jump" href="#${escapeHtml(h.anchor)}" title="show in the text">[${span[0]},${span[1]})</a>` : ` <span class="bad">[${span[0]},${span[1]}) not in the text</span>`;
}

/** A praise, concern or response item. */
interface ListItem {
  text: string;
  span: [number, number];
  rule: string;
  quoted?: boolean;
  source?: string | null;
  speaker?: string | null;
  role?: string | null;
}

const rule = (id: string) => ` <code class="rule">${escapeHtml(id)}</code>`;

function inspectionCard(r: InspectionRecord, highlights: readonly Highlight[]): string {
  const grade = (g: string) => `<span class="grade g-${escapeHtml(g)}">${escapeHtml(gradeLabel(g))}</span>`;
  const who = (f: ListItem) => {
    const parts = [f.quoted ? 'quoted' : null, f.source ?? null, f.speaker ?? null, f.role ?? null].filter((p): p is string => p !== null);
    return parts.length ? ` <span class="who">— ${escapeHtml(parts.join(', '))}</span>` : '';
  };
  const items = (title: string, type: HighlightType, list: readonly ListItem[]) =>
    list.length === 0 ? '' : `<h5>${title} (${list.length})</h5><ol class="items items-${type}">${list.map((i) =>
      `<li>${escapeHtml(i.text)}${who(i)}${spanLink(highlights, type, i.span)}${rule(i.rule)}</li>`).join('')}</ol>`;
  const ins = r.inspection;
  return `<article class="record">
<h4>${escapeHtml(r.council.name)} <span class="code">${escapeHtml(r.council.code)}</span></h4>
<p class="small">${escapeHtml([ins.inspectorate, ins.framework, ins.kind, ins.period].map((v) => v ?? '?').join(' · '))}</p>
<p>overall: ${r.overall ? `${grade(r.overall.grade)}${spanLink(highlights, 'grade', r.overall.span)}${rule(r.overall.rule)}` : '<span class="none">none</span>'}</p>
${r.previous ? `<p>previous: ${grade(r.previous.grade)}${r.previous.when ? ` (${escapeHtml(r.previous.when)})` : ''}${spanLink(highlights, 'grade', r.previous.span)}${rule(r.previous.rule)}</p>` : ''}
${r.judgements.length ? `<table class="judgements"><tbody>${r.judgements.map((j) =>
    `<tr><th scope="row">${escapeHtml(gradeLabel(j.area))}</th><td>${grade(j.grade)}${spanLink(highlights, 'grade', j.span)}${rule(j.rule)}</td></tr>`).join('')}</tbody></table>` : ''}
${items('Praise', 'praise', r.praise)}
${items('Concerns', 'concern', r.concerns)}
${items('Responses', 'response', r.responses)}
</article>`;
}

function articleSection(a: ArticleRecord, inspections: readonly InspectionRecord[], anchor: string): string {
  const { highlights, invalid } = collectHighlights(a, inspections, anchor);
  const meta = [
    `<code>${escapeHtml(a.id)}</code>`, escapeHtml(a.path), `<span class="status s-${a.status}">${escapeHtml(a.status.replace('_', ' '))}</span>`,
    a.section ? escapeHtml(a.section) : null, a.published ? escapeHtml(a.published) : null,
    // Shown as text, never as a link: the URL is untrusted and could be javascript:.
    a.url ? `<span class="url">${escapeHtml(a.url)}</span>` : null,
  ].filter((m): m is string => m !== null).join(' · ');
  const warnings = [
    ...a.warnings.map((w) => `<li>${escapeHtml(w.text)}${spanLink(highlights, 'warning', w.span)}${rule(w.rule)}</li>`),
    ...invalid.map((text) => `<li class="bad">report: ${escapeHtml(text)}</li>`),
  ];
  const tallies = a.tallies.map((t) => `<li>${escapeHtml(t.scope)}${t.framework ? ` ${escapeHtml(t.framework)}` : ''}, total ${t.total ?? '?'}: `
    + `${escapeHtml(Object.entries(t.counts).map(([g, n]) => `${gradeLabel(g)} ${n}`).join(', '))}${spanLink(highlights, 'tally', t.span)}${rule(t.rule)}</li>`);
  const removed = a.removed.length === 0 ? '' : `<details class="removed"><summary>Removed by the loader (${a.removed.length})</summary><ul>${a.removed.map((r) =>
    `<li><b>${escapeHtml(r.kind)}</b>: ${escapeHtml(r.text)}</li>`).join('')}</ul></details>`;
  const body = a.status === 'error'
    ? `<p class="bad">error: ${escapeHtml(a.error ?? '')}</p>`
    : `<div class="cols">
<div class="text">${markText(a.text, highlights)}</div>
<aside class="records">
${inspections.map((r) => inspectionCard(r, highlights)).join('\n') || '<p class="none">no inspection records</p>'}
${tallies.length ? `<h4>Tallies</h4><ul>${tallies.join('')}</ul>` : ''}
</aside>
</div>`;
  return `<section class="article" id="${escapeHtml(anchor)}">
<h2>${escapeHtml(a.title ?? a.id)}</h2>
<p class="small">${meta}</p>
${body}
${warnings.length ? `<div class="warnings"><h4>Warnings (${warnings.length})</h4><ul>${warnings.join('')}</ul></div>` : ''}
${removed}
</section>`;
}

// ---- the page ---------------------------------------------------------------------

const STYLE = `
:root { font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; }
body { margin: 0 auto; max-width: 1400px; padding: 0 1.5rem 4rem; }
h1 { margin-top: 1.2rem; } h2 { border-top: 2px solid #ddd; padding-top: .8rem; margin-top: 2rem; }
.small, .code, .who { color: #555; font-size: .88em; }
code.rule { color: #6a4c93; font-size: .8em; }
table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: .15rem .45rem; text-align: left; }
table.grid td { text-align: center; } table.grid td:last-child { text-align: left; }
.legend label { margin-right: 1rem; white-space: nowrap; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, serif; font-size: 1.02rem; line-height: 1.6; }
.records { font-size: .9em; } .record { border: 1px solid #ddd; border-radius: 6px; padding: .3rem .8rem; margin-bottom: .8rem; }
.record h4 { margin: .3rem 0; } .record h5 { margin: .6rem 0 .2rem; } ol.items { padding-left: 1.3rem; margin: 0; } ol.items li { margin-bottom: .3rem; }
mark.hl { color: inherit; padding: 0 1px; border-radius: 2px; }
mark.hl-grade { background: rgba(255, 213, 79, .75); border-bottom: 2px solid #c79a00; font-weight: 600; }
mark.hl-praise { background: rgba(129, 199, 132, .35); }
mark.hl-concern { background: rgba(239, 83, 80, .25); }
mark.hl-response { background: rgba(100, 181, 246, .3); }
mark.hl-tally { background: rgba(186, 104, 200, .3); }
mark.hl-warning { background: none; border-bottom: 2px dashed #ef6c00; }
mark.hl mark.hl { padding: 0; }
mark.hl:target { outline: 3px solid #1565c0; }
.hide-grade mark.hl-grade, .hide-praise mark.hl-praise, .hide-concern mark.hl-concern, .hide-response mark.hl-response,
.hide-tally mark.hl-tally, .hide-warning mark.hl-warning { background: none; border: 0; font-weight: inherit; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; border-radius: 2px; }
.sw-grade { background: rgba(255, 213, 79, .75); } .sw-praise { background: rgba(129, 199, 132, .6); } .sw-concern { background: rgba(239, 83, 80, .45); }
.sw-response { background: rgba(100, 181, 246, .55); } .sw-tally { background: rgba(186, 104, 200, .5); } .sw-warning { border-bottom: 2px dashed #ef6c00; }
.grade { font-weight: 600; } .g-outstanding { color: #1b7f3b; } .g-good { color: #3f7f1a; } .g-requires_improvement { color: #a66f00; } .g-inadequate { color: #c62828; }
.bad { color: #c62828; } .none { color: #888; } .status { font-weight: 600; } .s-error { color: #c62828; }
.chart text { font-size: 12px; fill: #333; }
.warnings { background: #fff8e1; border-left: 4px solid #ef6c00; padding: .2rem .8rem; margin-top: 1rem; }
details.removed { margin-top: .6rem; color: #555; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
`;

/** Turns highlight types on and off (the legend's checkboxes). */
const SCRIPT = `
for (const box of document.querySelectorAll('input[data-toggle]')) {
  box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.dataset.toggle, !box.checked));
}
`;

const cspHash = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

export interface ReportOptions {
  /** The page title (the dataset folder, say). */
  title?: string;
}

export function renderReport(dataset: Dataset, options: ReportOptions = {}): string {
  const articles = [...dataset.articles].sort(compareArticles);
  const inspections = [...dataset.inspections].sort(compareInspections);
  const anchors = new Map(articles.map((a, i) => [a.id, `article-${i + 1}`]));
  const byArticle = new Map<string, InspectionRecord[]>();
  for (const r of inspections) byArticle.set(r.article, [...(byArticle.get(r.article) ?? []), r]);
  const title = `ofsted-news report${options.title ? `: ${options.title}` : ''}`;
  const csp = [
    "default-src 'none'", `style-src ${cspHash(STYLE)}`, `script-src ${cspHash(SCRIPT)}`,
    "img-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  const legend = HIGHLIGHT_TYPES.map((t) =>
    `<label><input type="checkbox" data-toggle="${t}" checked> <span class="swatch sw-${t}"></span> ${t}</label>`).join('');
  const contents = articles.map((a) =>
    `<li><a href="#${anchors.get(a.id)!}">${escapeHtml(a.title ?? a.id)}</a> <span class="small">${escapeHtml(a.id)} · ${escapeHtml(a.status.replace('_', ' '))}${a.councils.length ? ` · ${escapeHtml(a.councils.join(', '))}` : ''}</span></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="legend">Highlights (hover a mark for its rule): ${legend}</p>
${summary(articles, inspections, anchors)}
<section class="contents"><h2>Articles</h2><ol>
${contents}
</ol></section>
${articles.map((a) => articleSection(a, byArticle.get(a.id) ?? [], anchors.get(a.id)!)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
