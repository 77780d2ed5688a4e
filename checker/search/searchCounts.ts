// SearchCounts: a search's figures in TLC's words: generated (initial states plus successors, by
// action), distinct (new states, by the action that first reached them), depth and queue. The
// per-action counts are typed arrays indexed like `spec.actions`, so the successor loop counts
// with one indexed add and no lookup by name; coverage() gives them by name for the report.
export class SearchCounts {
  /** Initial states generated (every one, duplicates included). */
  initial = 0;
  /** Successors generated, by action index. */
  readonly generatedBy: Float64Array;
  /** States stored, by the index of the action that first reached them (initial states: none). */
  readonly distinctBy: Float64Array;
  depth = 0;
  queue = 0;
  /** The distinct count to report when a parallel search cut its counts back (see parallelBfs). */
  private distinctOverride: number | undefined;

  constructor(private readonly actionNames: readonly string[]) {
    this.generatedBy = new Float64Array(actionNames.length);
    this.distinctBy = new Float64Array(actionNames.length);
  }

  get generated(): number {
    let n = this.initial;
    for (let a = 0; a < this.generatedBy.length; a++) n += this.generatedBy[a]!;
    return n;
  }

  /** Adds successors generated elsewhere (a worker's), by action index. */
  addGenerated(byAction: ArrayLike<number>): void {
    for (let a = 0; a < this.generatedBy.length; a++) this.generatedBy[a]! += byAction[a]!;
  }

  /** The distinct states to report, `stored` being those the seen-set holds. */
  distinct(stored: number): number {
    return this.distinctOverride ?? stored;
  }

  /** Reports `distinct` states whatever the seen-set holds (a parallel search cut back inside a level). */
  overrideDistinct(distinct: number): void {
    this.distinctOverride = distinct;
  }

  /** The per-action counts as they stand, for restore(). */
  snapshot(): { readonly generatedBy: Float64Array; readonly distinctBy: Float64Array } {
    return { generatedBy: this.generatedBy.slice(), distinctBy: this.distinctBy.slice() };
  }

  restore(s: ReturnType<SearchCounts['snapshot']>): void {
    this.generatedBy.set(s.generatedBy);
    this.distinctBy.set(s.distinctBy);
  }

  /** TLC's coverage: per action name, in declared order, successors generated and states stored. */
  coverage(): Record<string, { generated: number; distinct: number }> {
    const coverage: Record<string, { generated: number; distinct: number }> = {};
    this.actionNames.forEach((name, a) => {
      const c = (coverage[name] ??= { generated: 0, distinct: 0 });
      c.generated += this.generatedBy[a]!;
      c.distinct += this.distinctBy[a]!;
    });
    return coverage;
  }
}
