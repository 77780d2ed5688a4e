// ParentLinks: for every stored state (by index), the index of the state it was first reached
// from and the index of the action that reached it: 6 bytes a state. A trace is rebuilt from
// these by re-running the actions (trace/rebuild.ts), so no state object is kept for traces.
import { grow } from './grow.ts';

export const NO_PARENT = 0xffffffff;

export class ParentLinks {
  private parents = new Uint32Array(1 << 16);
  private actions = new Uint16Array(1 << 16);
  size = 0;

  push(parent: number, action: number): void {
    if (this.size === this.parents.length) this.makeRoom(this.size + 1);
    this.parents[this.size] = parent;
    this.actions[this.size] = action;
    this.size++;
  }

  /** push() for many states at once. */
  pushAll(parents: Uint32Array, actions: Uint16Array): void {
    if (this.size + parents.length > this.parents.length) this.makeRoom(this.size + parents.length);
    this.parents.set(parents, this.size);
    this.actions.set(actions, this.size);
    this.size += parents.length;
  }

  private makeRoom(needed: number): void {
    this.parents = grow(this.parents, needed);
    this.actions = grow(this.actions, needed);
  }

  parent(index: number): number {
    return this.parents[index]!;
  }

  action(index: number): number {
    return this.actions[index]!;
  }

  /** The chain of indices from an initial state to `index`, initial first. */
  chain(index: number): number[] {
    const path = [index];
    while (this.parents[path[path.length - 1]!] !== NO_PARENT) path.push(this.parents[path[path.length - 1]!]!);
    return path.reverse();
  }

  get bytesUsed(): number {
    return this.parents.byteLength + this.actions.byteLength;
  }
}
