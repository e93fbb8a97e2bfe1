import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, inspectionsToCsv } from '../../src/dataset/export-csv.js';
import { baseDataset, cli, clone, writeDatasetFolder } from './make-records.js';

/** A minimal RFC 4180 reader, to check that what we write reads back unchanged. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  if (field !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "good"', '"say ""good"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['', ''],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));

  it('writes null as an empty field and numbers as digits', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });
});

describe('inspectionsToCsv', () => {
  it('writes a header and one row per inspection, one column per area, CRLF line ends', () => {
    const csv = inspectionsToCsv(baseDataset().inspections);
    const lines = csv.split('\r\n');
    expect(lines).toEqual([
      'article,council,code,kind,framework,period,overall,previous,previous_when,help_and_protection,children_in_care,adoption,care_leavers,leadership,lscb,fostering,praise_count,concerns_count,responses_count',
      '001_north-somerset,North Somerset,E06000024,full,,,requires_improvement,,,,,,,good,,,3,1,1',
      '',
    ]);
  });

  it('quotes what needs quoting, and reads back to the same values', () => {
    const dataset = clone(baseDataset());
    const record = dataset.inspections[0]!;
    record.inspection.period = 'June, July and "late" August\r\nof 2016';
    record.previous = { grade: 'inadequate', when: 'April, 2014', span: record.overall!.span, rule: 'previous.x' };
    const rows = parseCsv(inspectionsToCsv(dataset.inspections));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1]![i]]));
    expect(row).toMatchObject({ period: 'June, July and "late" August\r\nof 2016', previous: 'inadequate', previous_when: 'April, 2014', leadership: 'good' });
    expect(inspectionsToCsv(dataset.inspections)).toContain('"June, July and ""late"" August\r\nof 2016"');
  });
});

describe('ofsted-news export --csv', () => {
  const run = cli;

  it('writes to standard output, or to --out', async () => {
    const dir = await writeDatasetFolder(baseDataset());
    const expected = inspectionsToCsv(baseDataset().inspections);
    expect(await run(['export', '--csv', dir])).toEqual({ code: 0, stdout: expected, stderr: '' });
    const file = join(await mkdtemp(join(tmpdir(), 'ofsted-csv-')), 'sub', 'inspections.csv');
    expect((await run(['export', '--csv', dir, '--out', file])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(expected);
  });

  it('exits 2 without --csv, without a folder, or with a missing folder', async () => {
    const dir = await writeDatasetFolder(baseDataset());
    expect((await run(['export', dir])).code).toBe(2);
    expect((await run(['export', '--csv'])).code).toBe(2);
    expect((await run(['export', '--csv', join(tmpdir(), 'no-such-dataset')])).code).toBe(2);
  });
});
