// ByteWriter: a growable byte buffer reused across encodings, so the hot path allocates nothing
// once it has reached the largest state's size.
import { grow } from './grow.ts';

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private view: DataView;

  constructor(initialSize = 256) {
    this.bytes = new Uint8Array(initialSize);
    this.view = new DataView(this.bytes.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  /** Makes room for `n` bytes from offset 0 (for codecs that write the array directly). */
  ensureCapacity(n: number): void {
    if (this.bytes.length < n) this.grow(n - this.length);
  }

  private grow(needed: number): void {
    this.bytes = grow(this.bytes, this.length + needed, this.length);
    this.view = new DataView(this.bytes.buffer);
  }

  byte(b: number): void {
    if (this.length >= this.bytes.length) this.grow(1);
    this.bytes[this.length++] = b;
  }

  /** Unsigned LEB128: small numbers (the common case in states) take one byte. */
  varint(n: number): void {
    if (this.length + 5 > this.bytes.length) this.grow(5);
    while (n >= 0x80) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.bytes[this.length++] = n;
  }

  float64(x: number): void {
    if (this.length + 8 > this.bytes.length) this.grow(8);
    this.view.setFloat64(this.length, x);
    this.length += 8;
  }

  append(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.bytes.length) this.grow(n);
    this.bytes.set(src.subarray(start, end), this.length);
    this.length += n;
  }

  /** A copy of the written bytes. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  /** Whether the written bytes are exactly `key` (a key taken before). */
  holds(key: Uint8Array): boolean {
    if (key.length !== this.length) return false;
    for (let i = 0; i < key.length; i++) if (key[i] !== this.bytes[i]) return false;
    return true;
  }
}
