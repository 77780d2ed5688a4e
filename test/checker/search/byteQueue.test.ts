import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ByteQueue } from '../../../checker/search/byteQueue.ts';

const spillDirs = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('rmc-queue-'));

describe('ByteQueue', () => {
  it('returns records first in, first out, across segments, whatever their sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (records, interleave) => {
        const q = new ByteQueue();
        const out: number[][] = [];
        records.forEach((r, i) => {
          q.push(r, r.length);
          if (i % interleave === 0 && q.length > 0) out.push([...q.shift()]);
        });
        while (q.length > 0) out.push([...q.shift()]);
        q.close();
        expect(out).toEqual(records.map((r) => [...r]));
      }),
    );
  });

  it('spills full segments to a temporary file past its memory limit and removes the file on close', () => {
    const before = spillDirs().length;
    const q = new ByteQueue(1); // every sealed segment goes to disk
    const record = new Uint8Array(1000).map((_, i) => i % 251);
    for (let i = 0; i < 10000; i++) {
      record[0] = i % 256;
      q.push(record, record.length);
    }
    expect(q.spilledBytes).toBeGreaterThan(5_000_000);
    expect(spillDirs().length).toBe(before + 1);
    for (let i = 0; i < 10000; i++) {
      const r = q.shift();
      expect(r.length).toBe(1000);
      expect(r[0]).toBe(i % 256);
      expect(r[999]).toBe(999 % 251);
    }
    q.close();
    expect(spillDirs().length).toBe(before);
  });
});

describe('a search whose frontier spills to disk', () => {
  it('counts what an in-memory search counts', async () => {
    const { check } = await import('../../../checker/run/check.ts');
    const { default: philosophers } = await import('../../../spec/classic/philosophers.ts');
    const inMemory = await check(philosophers, { n: 7 }, { deadlock: false });
    const spilled = await check(philosophers, { n: 7 }, { deadlock: false, queueMemoryBytes: 1 });
    expect(spilled.stats).toMatchObject({
      distinctStates: inMemory.stats.distinctStates,
      generatedStates: inMemory.stats.generatedStates,
      depth: inMemory.stats.depth,
    });
  });
});
