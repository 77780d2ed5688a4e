// StoredBytes: byte strings by dense index (the exact seen-set's states), end to end in chunks
// of plain Uint8Arrays. ArrayBuffer memory lies outside the V8 heap, whose limit (about 4 GB
// whatever the machine has) a string per state would fill; chunks rather than one doubling
// array, so growth never copies what is stored nor needs the old and the new buffer at once.
// A record is a varint length and the bytes, never split across chunks; its place, chunk *
// CHUNK_SPAN + offset, is exact in a double (8 bytes a state).
import { grow } from './grow.ts';

const FIRST_CHUNK = 1 << 12; // small searches (most of the tests) stay small
const LARGEST_CHUNK = 1 << 24; // 16 MiB: the most a last chunk leaves unused
const CHUNK_SPAN = 2 ** 32; // above any offset in a chunk

export class StoredBytes {
  private readonly chunks: Uint8Array[] = [new Uint8Array(FIRST_CHUNK)];
  private last = this.chunks[0]!;
  private used = 0; // bytes used in `last`
  private places = new Float64Array(1 << 10);
  private chunkBytes = FIRST_CHUNK;
  size = 0;

  /** Stores the first `length` bytes as index `size`. */
  append(bytes: Uint8Array, length: number): void {
    if (this.used + length + 5 > this.last.length) this.newChunk(length + 5);
    if (this.size === this.places.length) this.places = grow(this.places);
    this.places[this.size++] = (this.chunks.length - 1) * CHUNK_SPAN + this.used;
    const last = this.last;
    let at = this.used;
    let n = length;
    while (n >= 0x80) {
      last[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    last[at++] = n;
    last.set(length === bytes.length ? bytes : bytes.subarray(0, length), at);
    this.used = at + length;
  }

  /** Are the first `length` of `bytes` the bytes stored at `index`? A plain loop: records are short. */
  equals(index: number, bytes: Uint8Array, length: number): boolean {
    const place = this.places[index]!;
    const chunkIndex = Math.floor(place / CHUNK_SPAN);
    const chunk = this.chunks[chunkIndex]!;
    let at = place - chunkIndex * CHUNK_SPAN;
    let n = 0;
    let shift = 0;
    let b: number;
    do {
      b = chunk[at++]!;
      n |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    if (n !== length) return false;
    for (let i = 0; i < length; i++) if (chunk[at + i] !== bytes[i]) return false;
    return true;
  }

  get bytesUsed(): number {
    return this.chunkBytes + this.places.byteLength;
  }

  /** Each chunk twice the last, up to LARGEST_CHUNK; a record larger than that gets its own. */
  private newChunk(needed: number): void {
    this.last = new Uint8Array(Math.max(needed, Math.min(this.last.length * 2, LARGEST_CHUNK)));
    this.chunks.push(this.last);
    this.chunkBytes += this.last.length;
    this.used = 0;
  }
}
