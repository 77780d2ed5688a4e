// IntList: a growable list of 32-bit integers over a typed array. The behaviour graph holds
// millions of edges; a JS array of numbers would take several times the memory.
import { grow } from '../state/grow.ts';

export class IntList {
  private items = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.items.length) this.items = grow(this.items);
    this.items[this.length++] = x;
  }

  at(i: number): number {
    return this.items[i]!;
  }

  pop(): number {
    return this.items[--this.length]!;
  }

  /**
   * The items, emptying the list: a view of its buffer, not a copy. The buffer is at most twice
   * the items, while a right-sized copy would need both at once, a peak of up to three times.
   */
  take(): Int32Array {
    const items = this.items.subarray(0, this.length);
    this.items = new Int32Array(0);
    this.length = 0;
    return items;
  }
}
