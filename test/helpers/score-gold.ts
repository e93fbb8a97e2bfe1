// A scorer for gold files in the shape of ../shared/corpus/dev-gold.jsonl, so tests can
// measure extraction on the repo's own fixtures: councils, grades, areas and kinds match
// exactly; praise, concerns and responses one-to-one by word overlap (F1 ≥ 0.5).
import type { ArticleResult } from '../../src/record/build-records.js';

export interface GoldCouncil {
  name: string;
  kind: string | null;
  framework: string | null;
  overall: string | null;
  previous: string | null;
  judgements: Record<string, string>;
  praise: string[];
  concerns: string[];
  responses: Array<{ speaker: string | null; text: string }>;
}
export interface GoldArticle {
  article: string;
  status: 'ok' | 'no_inspection';
  councils: GoldCouncil[];
  tallies: Array<{ total: number | null; counts: Record<string, number> }>;
  must_remove: string[];
  must_keep: string[];
}

export interface FieldScore { tp: number; fp: number; fn: number; p: number; r: number; f1: number }
export type Scores = Record<'councils' | 'overall' | 'previous' | 'kind' | 'judgements' | 'praise' | 'concerns' | 'responses' | 'tallies', FieldScore>;

const norm = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
const words = (s: string) => norm(s).split(' ').filter(Boolean);

function tokenF1(a: string, b: string): number {
  const ta = words(a), tb = words(b);
  if (!ta.length || !tb.length) return 0;
  const bag = new Map<string, number>();
  for (const t of tb) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) { const n = bag.get(t) ?? 0; if (n > 0) { common++; bag.set(t, n - 1); } }
  if (!common) return 0;
  const p = common / ta.length, r = common / tb.length;
  return (2 * p * r) / (p + r);
}

function matchTexts(pred: string[], gold: string[], containment: boolean) {
  const pairs: Array<[number, number, number]> = [];
  pred.forEach((p, i) => gold.forEach((g, j) => {
    let s = tokenF1(p, g);
    if (containment && s < 0.5 && norm(g).length > 20 && norm(p).includes(norm(g))) s = 0.5;
    if (s >= 0.5) pairs.push([s, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0]);
  const up = new Set<number>(), ug = new Set<number>();
  for (const [, i, j] of pairs) if (!up.has(i) && !ug.has(j)) { up.add(i); ug.add(j); }
  return { tp: up.size, fp: pred.length - up.size, fn: gold.length - ug.size };
}

export function scoreAgainstGold(results: ArticleResult[], gold: GoldArticle[]): Scores {
  const counts = Object.fromEntries(['councils', 'overall', 'previous', 'kind', 'judgements', 'praise', 'concerns', 'responses', 'tallies']
    .map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<keyof Scores, { tp: number; fp: number; fn: number }>;
  const setCompare = (field: keyof Scores, pred: Set<string>, want: Set<string>) => {
    for (const k of pred) if (want.has(k)) counts[field].tp++; else counts[field].fp++;
    for (const k of want) if (!pred.has(k)) counts[field].fn++;
  };
  const byId = new Map(results.map((r) => [r.article.id, r]));
  for (const g of gold) {
    const r = byId.get(g.article);
    const pc = new Map((r?.inspections ?? []).map((i) => [i.council.name, i]));
    const gc = new Map(g.councils.map((c) => [c.name, c]));
    const each = <T>(m: Map<string, T>, f: (name: string, x: T) => string[]) => new Set([...m].flatMap(([n, x]) => f(n, x)));
    setCompare('councils', new Set(pc.keys()), new Set(gc.keys()));
    setCompare('overall', each(pc, (n, p) => (p.overall ? [`${n}=${p.overall.grade}`] : [])), each(gc, (n, c) => (c.overall ? [`${n}=${c.overall}`] : [])));
    setCompare('previous', each(pc, (n, p) => (p.previous ? [`${n}=${p.previous.grade}`] : [])), each(gc, (n, c) => (c.previous ? [`${n}=${c.previous}`] : [])));
    setCompare('kind', each(pc, (n, p) => (p.inspection.kind ? [`${n}=${p.inspection.kind}`] : [])), each(gc, (n, c) => (c.kind ? [`${n}=${c.kind}`] : [])));
    setCompare('judgements', each(pc, (n, p) => p.judgements.map((j) => `${n}:${j.area}=${j.grade}`)), each(gc, (n, c) => Object.entries(c.judgements).map(([a, gr]) => `${n}:${a}=${gr}`)));
    for (const field of ['praise', 'concerns', 'responses'] as const) {
      for (const name of new Set([...pc.keys(), ...gc.keys()])) {
        const p = pc.get(name);
        const pItems = field === 'responses' ? (p?.responses ?? []).map((x) => `${x.speaker ?? ''} ${x.text}`) : (p?.[field] ?? []).map((x) => x.text);
        const c = gc.get(name);
        const gItems = field === 'responses' ? (c?.responses ?? []).map((x) => `${x.speaker ?? ''} ${x.text}`) : (c?.[field] ?? []);
        const m = matchTexts(pItems, gItems, field === 'responses');
        counts[field].tp += m.tp; counts[field].fp += m.fp; counts[field].fn += m.fn;
      }
    }
    const tallyKey = (t: { total: number | null; counts: Record<string, number | undefined> }) => `${t.total ?? '?'}:${Object.entries(t.counts).sort().map(([k, v]) => `${k}=${v}`).join(',')}`;
    setCompare('tallies', new Set((r?.article.tallies ?? []).map(tallyKey)), new Set(g.tallies.map(tallyKey)));
  }
  return Object.fromEntries(Object.entries(counts).map(([f, c]) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    return [f, { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }];
  })) as Scores;
}
