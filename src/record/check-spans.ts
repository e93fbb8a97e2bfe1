// Spans must point into the article's text: the one check zod cannot do alone,
// because it needs the text beside the record.
import type { InspectionRecord, Span, Tally, Warning } from './schema.js';

type Spanned = { span: Span | null; rule?: string };

function* spannedValues(tallies: Tally[], warnings: Warning[], inspections: Array<Omit<InspectionRecord, 'schema'> | InspectionRecord>): Generator<[string, Spanned]> {
  for (const t of tallies) yield ['tally', t];
  for (const w of warnings) yield ['warning', w];
  for (const r of inspections) {
    if (r.overall) yield [`${r.id}.overall`, r.overall];
    if (r.previous) yield [`${r.id}.previous`, r.previous];
    for (const j of r.judgements) yield [`${r.id}.judgements`, j];
    for (const f of [...r.praise, ...r.concerns, ...r.responses]) yield [`${r.id}.items`, f];
  }
}

/** Messages for every span outside the text or empty; [] when all are sound. */
export function checkSpans(text: string, tallies: Tally[], warnings: Warning[], inspections: Array<Omit<InspectionRecord, 'schema'> | InspectionRecord>): string[] {
  const problems: string[] = [];
  for (const [where, value] of spannedValues(tallies, warnings, inspections)) {
    if (value.span === null) continue;
    const [start, end] = value.span;
    if (!(start >= 0 && start < end && end <= text.length)) problems.push(`${where}: span [${start}, ${end}) is outside the text (${text.length})`);
  }
  // A praise, concern or response item is exactly the evidence it points at.
  for (const r of inspections) {
    for (const item of [...r.praise, ...r.concerns, ...r.responses]) {
      if (text.slice(item.span[0], item.span[1]) !== item.text) problems.push(`${r.id}: item text differs from its span`);
    }
  }
  return problems;
}
