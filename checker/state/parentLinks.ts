// ParentLinks: for every stored state (by index), the index of the state it was first reached
// from and the index of the action that reached it: 6 bytes a state, in memory for the last
// 2^18 states and on disk before them (spilledColumn.ts). A trace is rebuilt from these by
// re-running the actions (trace/rebuild.ts), so no state object is kept for traces.
import { SpilledColumn } from './spilledColumn.ts';

export const NO_PARENT = 0xffffffff;

export class ParentLinks {
  private readonly parents: SpilledColumn<Uint32Array>;
  private readonly actions: SpilledColumn<Uint16Array>;

  /** `window`: links kept in memory (the tests make it small to exercise the file). */
  constructor(window?: number) {
    this.parents = new SpilledColumn(Uint32Array, window);
    this.actions = new SpilledColumn(Uint16Array, window);
  }

  get size(): number {
    return this.parents.size;
  }

  push(parent: number, action: number): void {
    this.parents.push(parent);
    this.actions.push(action);
  }

  /** push() for many states at once. */
  pushAll(parents: Uint32Array, actions: Uint16Array): void {
    this.parents.pushAll(parents);
    this.actions.pushAll(actions);
  }

  parent(index: number): number {
    return this.parents.get(index);
  }

  action(index: number): number {
    return this.actions.get(index);
  }

  /** The chain of indices from an initial state to `index`, initial first. */
  chain(index: number): number[] {
    const path = [index];
    for (let p = this.parents.get(index); p !== NO_PARENT; p = this.parents.get(p)) path.push(p);
    return path.reverse();
  }

  /** Bytes held in memory. */
  get bytesUsed(): number {
    return this.parents.bytesInMemory + this.actions.bytesInMemory;
  }

  /** Lets go of the file the older links were written to. */
  close(): void {
    this.parents.close();
    this.actions.close();
  }
}
