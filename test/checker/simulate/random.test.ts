import { describe, expect, it } from 'vitest';
import { Random } from '../../../checker/simulate/random.ts';

const draws = (seed: number, n: number, k: number) => {
  const r = new Random(seed);
  return Array.from({ length: k }, () => r.below(n));
};

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(5, 1000, 50)).toEqual(draws(5, 1000, 50));
    expect(draws(5, 1000, 50)).not.toEqual(draws(6, 1000, 50));
    expect(draws(0, 1000, 50)).not.toEqual(draws(1, 1000, 50));
  });

  it('draws below n, each value about equally often', () => {
    const counts = new Array<number>(7).fill(0);
    for (const x of draws(123, 7, 70_000)) counts[x]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // > 5 standard deviations
    expect(draws(1, 1, 10)).toEqual(new Array(10).fill(0));
  });
});
