// SpilledColumn: a column of numbers by state index (a parent link, an action, a fingerprint's
// half) that keeps only its last WINDOW entries in memory and writes the older ones to a file.
//
// Why: a search of 10^8 states cannot keep 14 bytes of links and fingerprints a state in memory
// beside its seen-set (16 bytes a state in all is the budget: docs/DESIGN.md, "Scale"). These
// columns are written once, in index order, and read back only to rebuild a trace (a few dozen
// entries), so the file is append-only and read by position; the seen-set, which every
// successor probes, stays in memory. A search of fewer than WINDOW states never opens a file.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grow } from './grow.ts';

/** Entries a column keeps in memory: 1 MiB of a Uint32 column (3.5 MiB for the four columns), one write per 262,144 states. */
export const WINDOW = 1 << 18;

type Column = Uint16Array | Uint32Array;

export class SpilledColumn<A extends Column> {
  /** Entries [flushed, flushed + inWindow) of the column. */
  private window: A;
  private inWindow = 0;
  private flushed = 0;
  private dir: string | undefined;
  private fd: number | undefined;
  private readonly one: A;

  constructor(
    make: new (n: number) => A,
    private readonly windowEntries = WINDOW,
    initialEntries = 1 << 16,
  ) {
    this.window = new make(Math.min(initialEntries, windowEntries));
    this.one = new make(1);
  }

  get size(): number {
    return this.flushed + this.inWindow;
  }

  push(value: number): void {
    if (this.inWindow === this.window.length) this.makeRoom();
    this.window[this.inWindow++] = value;
  }

  /** push() for every element of `values`. */
  pushAll(values: A): void {
    let from = 0;
    while (from < values.length) {
      if (this.inWindow === this.window.length) this.makeRoom();
      const n = Math.min(values.length - from, this.window.length - this.inWindow);
      this.window.set(values.subarray(from, from + n), this.inWindow);
      this.inWindow += n;
      from += n;
    }
  }

  get(index: number): number {
    if (index >= this.flushed) return this.window[index - this.flushed]!;
    const bytes = this.one.BYTES_PER_ELEMENT;
    readSync(this.fd!, new Uint8Array(this.one.buffer), 0, bytes, index * bytes);
    return this.one[0]!;
  }

  /** Bytes held in memory (the file's are on disk). */
  get bytesInMemory(): number {
    return this.window.byteLength;
  }

  /** Bytes written to the file. */
  get bytesOnDisk(): number {
    return this.flushed * this.one.BYTES_PER_ELEMENT;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
  }

  /** The window is full: grow it up to windowEntries, then write it out and start it again. */
  private makeRoom(): void {
    if (this.window.length < this.windowEntries) {
      this.window = grow(this.window, Math.min(this.window.length * 2, this.windowEntries));
      if (this.window.length > this.windowEntries) this.window = this.window.slice(0, this.windowEntries) as A;
      return;
    }
    if (this.fd === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'rmc-links-'));
      this.fd = openSync(join(this.dir, 'column'), 'w+');
    }
    const bytes = new Uint8Array(this.window.buffer, this.window.byteOffset, this.inWindow * this.window.BYTES_PER_ELEMENT);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.bytesOnDisk + written);
    this.flushed += this.inWindow;
    this.inWindow = 0;
  }
}
