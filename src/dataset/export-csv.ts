// Inspections → CSV, one row per inspection and one column per judgement area, for a
// spreadsheet. RFC 4180: CRLF line ends (also after the last row), a header row, and a
// field quoted when it holds a comma, a double quote, CR or LF, its quotes doubled.
import { AREAS, type InspectionRecord } from '../record/schema.js';
import { compareInspections } from './serialise.js';

export const CSV_COLUMNS = [
  'article', 'council', 'code', 'kind', 'framework', 'period', 'overall', 'previous', 'previous_when',
  ...AREAS,
  'praise_count', 'concerns_count', 'responses_count',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_EOL = '\r\n';

/** One field, quoted only when it must be. null is the empty field. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: Array<string | number | null>) => `${fields.map(csvField).join(',')}${CSV_EOL}`;

/**
 * One inspection's cells. An area graded twice in one record (which the extractor should
 * not produce) shows both grades, `;`-separated, rather than silently keeping one.
 */
export function inspectionRow(record: InspectionRecord): Record<CsvColumn, string | number | null> {
  const areaGrade = (area: (typeof AREAS)[number]) => {
    const grades = [...new Set(record.judgements.filter((j) => j.area === area).map((j) => j.grade))];
    return grades.length ? grades.join(';') : null;
  };
  return {
    article: record.article,
    council: record.council.name,
    code: record.council.code,
    kind: record.inspection.kind,
    framework: record.inspection.framework,
    period: record.inspection.period,
    overall: record.overall?.grade ?? null,
    previous: record.previous?.grade ?? null,
    previous_when: record.previous?.when ?? null,
    ...Object.fromEntries(AREAS.map((area) => [area, areaGrade(area)])) as Record<(typeof AREAS)[number], string | null>,
    praise_count: record.praise.length,
    concerns_count: record.concerns.length,
    responses_count: record.responses.length,
  };
}

/** The whole CSV, rows in the dataset's order (article, then council name). */
export function inspectionsToCsv(inspections: readonly InspectionRecord[]): string {
  const rows = [...inspections].sort(compareInspections).map((record) => {
    const cells = inspectionRow(record);
    return csvRow(CSV_COLUMNS.map((column) => cells[column]));
  });
  return [csvRow([...CSV_COLUMNS]), ...rows].join('');
}
