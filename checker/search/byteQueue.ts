// ByteQueue: the BFS frontier as packed bytes, for specs with a codec: records (a varint length,
// then the codec bytes) end to end in fixed-size segments, so a queued state costs its encoding
// and nothing else. Past `memoryLimit` bytes, full segments are written to a temporary file and
// read back when the head reaches them (the frontier of a large search may not fit in memory;
// the seen-set is far smaller per state). The file is removed when the queue is closed.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEGMENT = 1 << 22; // 4 MiB

interface Segment {
  data: Uint8Array | undefined; // undefined while on disk
  readonly fileOffset: number;
  readonly length: number;
}

export class ByteQueue {
  private readonly segments: Segment[] = [];
  private tail = new Uint8Array(SEGMENT);
  private tailLength = 0;
  private head: Uint8Array | undefined;
  private headLength = 0;
  private headPos = 0;
  /** Whether the head segment's bytes are counted in `inMemory` (segments sealed in memory are). */
  private headCounted = false;
  private inMemory = 0;
  private fd: number | undefined;
  private dir: string | undefined;
  private fileLength = 0;
  length = 0;
  spilledBytes = 0;

  constructor(private readonly memoryLimit = 1 << 30) {}

  push(bytes: Uint8Array, n: number): void {
    if (this.tailLength + n + 5 > SEGMENT) this.sealTail();
    let len = n;
    while (len >= 0x80) {
      this.tail[this.tailLength++] = (len & 0x7f) | 0x80;
      len >>>= 7;
    }
    this.tail[this.tailLength++] = len;
    this.tail.set(n === bytes.length ? bytes : bytes.subarray(0, n), this.tailLength);
    this.tailLength += n;
    this.length++;
  }

  /** The next record's bytes (a view valid until the next shift). */
  shift(): Uint8Array {
    if (this.head === undefined || this.headPos >= this.headLength) this.nextHead();
    const h = this.head!;
    let len = 0;
    let shiftBits = 0;
    let b: number;
    do {
      b = h[this.headPos++]!;
      len |= (b & 0x7f) << shiftBits;
      shiftBits += 7;
    } while (b & 0x80);
    const start = this.headPos;
    this.headPos += len;
    this.length--;
    return h.subarray(start, start + len);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
  }

  private sealTail(): void {
    const data = this.tail.subarray(0, this.tailLength);
    if (this.inMemory + data.length > this.memoryLimit) {
      if (this.fd === undefined) {
        this.dir = mkdtempSync(join(tmpdir(), 'rmc-queue-'));
        this.fd = openSync(join(this.dir, 'frontier'), 'w+');
      }
      writeSync(this.fd, data, 0, data.length, this.fileLength);
      this.segments.push({ data: undefined, fileOffset: this.fileLength, length: data.length });
      this.fileLength += data.length;
      this.spilledBytes += data.length;
      this.tail = new Uint8Array(SEGMENT);
    } else {
      this.segments.push({ data, fileOffset: 0, length: data.length });
      this.inMemory += data.length;
      this.tail = new Uint8Array(SEGMENT);
    }
    this.tailLength = 0;
  }

  private nextHead(): void {
    if (this.headCounted) this.inMemory -= this.headLength;
    const seg = this.segments.shift();
    this.headCounted = seg?.data !== undefined;
    if (seg === undefined) {
      // Everything left is in the tail: read it in place and start a fresh tail.
      this.head = this.tail.subarray(0, this.tailLength);
      this.headLength = this.tailLength;
      this.tail = new Uint8Array(SEGMENT);
      this.tailLength = 0;
    } else if (seg.data === undefined) {
      const data = new Uint8Array(seg.length);
      readSync(this.fd!, data, 0, seg.length, seg.fileOffset);
      this.head = data;
      this.headLength = seg.length;
    } else {
      this.head = seg.data;
      this.headLength = seg.length;
    }
    this.headPos = 0;
  }
}
