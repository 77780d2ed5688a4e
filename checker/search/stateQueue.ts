// StateQueue: the BFS frontier, first in first out, in fixed-size chunks so explored states are
// released to the garbage collector as the head moves (a plain array with shift() is quadratic,
// and one with a head pointer keeps every state alive until the end).

const CHUNK = 4096;

export class StateQueue<T> {
  private chunks: (T | undefined)[][] = [[]];
  private head = 0; // index into chunks[0]
  length = 0;

  push(item: T): void {
    let last = this.chunks[this.chunks.length - 1]!;
    if (last.length === CHUNK) {
      last = [];
      this.chunks.push(last);
    }
    last.push(item);
    this.length++;
  }

  shift(): T {
    const first = this.chunks[0]!;
    const item = first[this.head] as T;
    first[this.head] = undefined;
    this.head++;
    this.length--;
    if (this.head === CHUNK) {
      this.chunks.shift();
      if (this.chunks.length === 0) this.chunks.push([]);
      this.head = 0;
    }
    return item;
  }
}
