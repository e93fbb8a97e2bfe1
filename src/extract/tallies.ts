// National or regional counts of grades ("three councils outstanding, 30 inadequate").
import type { Sentence } from './sentences.js';
import type { Tally, Warning } from '../record/schema.js';

export function findTallies(_text: string, _sentences: Sentence[], _warnings: Warning[]): Tally[] {
  return [];
}
