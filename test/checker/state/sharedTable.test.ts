import { describe, expect, it } from 'vitest';
import { claim, KNOWN, NEW, SharedTable } from '../../../checker/state/sharedTable.ts';

// Two workers (0 and 1) in a level whose tags start at 10: worker w's j-th claim has tag 10 + 2j + w.
const BASE = 10;
const tag = (w: number, j: number): number => BASE + 2 * j + w;

describe('the shared seen-set', () => {
  it('keeps a state for the lower worker, whichever claims first, and knows states of earlier levels', () => {
    const table = new SharedTable(64);
    table.insertSettled(7, 70);
    const view = table.view();
    expect(claim(view, 7, 70, tag(0, 0), BASE, 2, 0)).toBe(KNOWN); // earlier level

    expect(claim(view, 1, 11, tag(1, 0), BASE, 2, 1)).toBe(NEW);
    expect(claim(view, 1, 11, tag(0, 0), BASE, 2, 0)).toBe(tag(1, 0)); // worker 0 takes it over, and says from whom
    expect(table.tagOf(1, 11)).toBe(tag(0, 0));
    expect(claim(view, 1, 11, tag(1, 1), BASE, 2, 1)).toBe(KNOWN); // and keeps it

    expect(claim(view, 2, 22, tag(0, 1), BASE, 2, 0)).toBe(NEW);
    expect(claim(view, 2, 22, tag(0, 2), BASE, 2, 0)).toBe(KNOWN); // a worker's own earlier claim stands
    expect(table.tagOf(2, 22)).toBe(tag(0, 1));
  });

  it('tells apart fingerprints that share a high half or a slot', () => {
    const table = new SharedTable(16);
    const view = table.view();
    expect([claim(view, 5, 1, tag(0, 0), BASE, 2, 0), claim(view, 5, 17, tag(0, 1), BASE, 2, 0), claim(view, 6, 1, tag(1, 0), BASE, 2, 1)]).toEqual([
      NEW,
      NEW,
      NEW,
    ]);
    expect(table.tagOf(5, 1)).toBe(tag(0, 0));
    expect(table.tagOf(6, 1)).toBe(tag(1, 0));
    expect(table.tagOf(5, 17)).toBe(tag(0, 1));
    expect(table.tagOf(5, 33)).toBe(0);
  });

  it('drops a level that ran out of room when rebuilt, and grows as the coordinator fills it', () => {
    const table = new SharedTable(16);
    for (let k = 1; k <= 100; k++) expect(table.insertSettled(k, k * 31)).toBe(true);
    expect(table.insertSettled(50, 50 * 31)).toBe(false);
    expect(table.capacity).toBeGreaterThanOrEqual(200);
    claim(table.view(), 1000, 1, tag(0, 0), BASE, 2, 0);
    table.rebuild(table.capacity * 2, BASE);
    expect(table.tagOf(1000, 1)).toBe(0);
    expect(table.tagOf(50, 50 * 31)).toBe(1);
    expect(table.size).toBe(100);
  });
});
