// The compact store (issue 26: at most 16 bytes a state for searches of 10^8 states): the
// index-less fingerprint table must agree with a Set at every size it grows through, hold at most
// 16 bytes a state once past its first allocation, and refuse a growth the budget denies while
// still taking states; the columns that spill links and fingerprints to disk must give back every
// entry, in memory or from the file, and remove their file when closed.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactFingerprintTable } from '../../../checker/state/compactFingerprintTable.ts';
import { NO_PARENT, ParentLinks } from '../../../checker/state/parentLinks.ts';
import { compactStoreBytesFor, CompactSeenSet, UNINDEXED, type SeenSet } from '../../../checker/state/seenSet.ts';
import { StateStore } from '../../../checker/search/stateStore.ts';
import { tableBytesFor } from '../../../checker/state/compactFingerprintTable.ts';
import { SpilledColumn } from '../../../checker/state/spilledColumn.ts';

/** A well-spread 64-bit key for integer k (the table's slot comes from the low half). */
const keyOf = (k: number): [number, number] => [Math.imul(k + 1, 0x9e3779b1) >>> 0 || 1, Math.imul(k ^ 0x5bd1e995, 0x85ebca6b) >>> 0];

describe('CompactFingerprintTable', () => {
  it('agrees with a Set, across its growths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 4000 }), (ks) => {
        const table = new CompactFingerprintTable(16);
        const set = new Set<number>();
        for (const k of ks) {
          const [hi, lo] = keyOf(k);
          expect(table.insert(hi, lo)).toBe(!set.has(k));
          set.add(k);
        }
        expect(table.size).toBe(set.size);
        for (let k = 0; k <= 3000; k += 7) expect(table.has(...keyOf(k))).toBe(set.has(k));
      }),
      { numRuns: 30 },
    );
  });

  it('places keys whose low halves are extreme (0 and 2^32 - 1) inside the table', () => {
    const table = new CompactFingerprintTable(100);
    for (let i = 1; i <= 200; i++) {
      expect(table.insert(i, 0xffffffff)).toBe(true);
      expect(table.insert(i + 1000, 0)).toBe(true);
    }
    for (let i = 1; i <= 200; i++) expect(table.has(i, 0xffffffff) && table.has(i + 1000, 0)).toBe(true);
  });

  it('holds at most 16 bytes a state once it has grown past its first allocation, as tableBytesFor says', () => {
    const table = new CompactFingerprintTable();
    let worst = 0;
    for (let k = 0; k < 400_000; k++) {
      table.insert(...keyOf(k));
      if (table.size > 65_536) worst = Math.max(worst, table.bytes / table.size);
      if (k % 9973 === 0) expect(table.bytes).toBe(tableBytesFor(table.size));
    }
    expect(worst).toBeGreaterThan(15);
    expect(worst).toBeLessThanOrEqual(15.4);
  });

  it('refuses a growth the budget denies, says why, and still takes states up to 95% load', () => {
    const asked: number[] = [];
    const table = new CompactFingerprintTable(1000, (bytes) => (asked.push(bytes), 'no room'));
    for (let k = 0; k < 900; k++) table.insert(...keyOf(k));
    expect(asked).toEqual([1500 * 8]);
    expect(table.refusal).toBe('no room');
    expect(table.bytes).toBe(1000 * 8);
    expect(() => {
      for (let k = 900; k < 1000; k++) table.insert(...keyOf(k));
    }).toThrow('the seen-set is full: no room');
  });
});

describe('CompactSeenSet', () => {
  it('answers -1 for a new state and UNINDEXED for a known one, and finds states by index', () => {
    const seen = new CompactSeenSet(undefined, 4);
    const bytes = (k: number): Uint8Array => new Uint8Array([k, k >> 8, 7]);
    for (let k = 0; k < 50; k++) expect(seen.insertOrGet(bytes(k), 3)).toBe(-1);
    for (let k = 0; k < 50; k++) expect(seen.insertOrGet(bytes(k), 3)).toBe(UNINDEXED);
    expect(seen.size).toBe(50);
    for (let k = 0; k < 50; k++) {
      expect(seen.matches(k, bytes(k), 3)).toBe(true);
      expect(seen.matches(k, bytes(k + 1), 3)).toBe(false);
    }
    expect(seen.has(bytes(3), 3) && !seen.has(bytes(99), 3)).toBe(true);
    seen.close();
  });
});

describe("a one-thread search's store", () => {
  it('holds what compactStoreBytesFor counts, under 16 bytes a state at 10^8 states', () => {
    const store = new StateStore<SeenSet>({ actions: [], init: () => [], invariants: {} } as never, {}, {}, undefined, false);
    const bytes = (k: number): Uint8Array => new Uint8Array([k, k >> 8, k >> 16]);
    for (let k = 0; k < 200_000; k++) {
      store.seen.insertOrGet(bytes(k), 3);
      store.parents.push(k - 1, 0);
    }
    expect(store.bytesUsed).toBe(compactStoreBytesFor(200_000));
    store.close();
    expect(compactStoreBytesFor(1e8) / 1e8).toBeLessThanOrEqual(16);
  });
});

describe('SpilledColumn and ParentLinks', () => {
  const spillDirs = (): string[] => readdirSync(tmpdir()).filter((d) => d.startsWith('rmc-links-'));

  it('give back every entry, from memory and from the file, and remove the file when closed', () => {
    const before = spillDirs().length;
    const column = new SpilledColumn(Uint32Array, 8, 2);
    const values = Array.from({ length: 100 }, (_, i) => (i * 2654435761) >>> 0);
    for (const v of values.slice(0, 37)) column.push(v);
    column.pushAll(Uint32Array.from(values.slice(37)));
    expect(column.size).toBe(100);
    expect(column.bytesInMemory).toBe(8 * 4);
    expect(column.bytesOnDisk).toBeGreaterThan(0);
    expect(Array.from({ length: 100 }, (_, i) => column.get(i))).toEqual(values);
    expect(spillDirs().length).toBe(before + 1);
    column.close();
    expect(spillDirs().length).toBe(before);
  });

  it('rebuild a chain of links that spilled to disk', () => {
    const links = new ParentLinks(4);
    links.push(NO_PARENT, 0);
    for (let i = 1; i < 40; i++) links.push(i - 1, i % 5);
    expect(links.chain(39)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(links.action(12)).toBe(2);
    expect(links.bytesUsed).toBe(4 * 4 + 4 * 2);
    links.close();
  });

  it('open no file for a search that fits its window', () => {
    const before = spillDirs().length;
    const column = new SpilledColumn(Uint16Array, 1 << 10);
    for (let i = 0; i < 1000; i++) column.push(i);
    expect(column.bytesOnDisk).toBe(0);
    expect(spillDirs().length).toBe(before);
    column.close();
  });
});
