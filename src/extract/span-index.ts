// Spans sorted by start, for "which of these lie inside [start, end)" in O(log n + k):
// per-sentence lookups over every grade, mention or assertion of an article would
// otherwise make long articles quadratic.
export interface Spanned {
  start: number;
  end: number;
}

export class SpanIndex<T extends Spanned> {
  private readonly sorted: T[];

  constructor(spans: Iterable<T>) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The spans that lie wholly inside [start, end), in order. */
  within(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.lowerBound(start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      if (this.sorted[i]!.end <= end) out.push(this.sorted[i]!);
    }
    return out;
  }

  /** Whether some span inside [start, end) passes `test`. */
  some(start: number, end: number, test: (span: T) => boolean = () => true): boolean {
    for (let i = this.lowerBound(start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      if (this.sorted[i]!.end <= end && test(this.sorted[i]!)) return true;
    }
    return false;
  }

  private lowerBound(start: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
