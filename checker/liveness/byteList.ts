// ByteList: a growable list of bytes over a typed array: a state predicate's value (0 or 1) at
// every node of the behaviour graph, one byte a node, appended as the nodes are stored.
import { grow } from '../state/grow.ts';

export class ByteList {
  private items = new Uint8Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.items.length) this.items = grow(this.items);
    this.items[this.length++] = x;
  }

  /** A right-sized copy, emptying the list and letting its (up to twice as large) buffer go. */
  take(): Uint8Array {
    const items = this.items.slice(0, this.length);
    this.items = new Uint8Array(0);
    this.length = 0;
    return items;
  }
}
