// StateStore: what a search stores and how it keys states: the encoder and the buffer it writes
// key bytes into, the seen-set (or, in the parallel search, the fingerprints by index), the
// parent links, and the constraint that decides what may be stored. It is the StoredGraph traces
// are rebuilt from (trace/rebuild.ts); seenSetKeys is how classify.ts asks it about a state.
import type { AnySpec } from '../spec.ts';
import type { CheckOptions } from '../checkOptions.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { ParentLinks } from '../state/parentLinks.ts';
import { ExactSeenSet } from '../state/exactSeenSet.ts';
import { CompactSeenSet, FingerprintSeenSet, type SeenSet, type StoredStates } from '../state/seenSet.ts';
import { formatBytes, memoryInUse, readProcessMemory } from './memoryWatch.ts';
import { makeStateEncoder, type StateEncoder } from '../state/stateEncoder.ts';
import type { StoredGraph } from '../trace/rebuild.ts';
import type { KeyedStore } from './classify.ts';

export class StateStore<Seen extends StoredStates = SeenSet> implements StoredGraph {
  readonly writer = new ByteWriter();
  readonly encode: StateEncoder;
  readonly seen: Seen;
  readonly parents = new ParentLinks();
  readonly constraint: ((s: unknown, p: object) => boolean) | undefined;
  /** Bytes of the store held outside `seen` and the parent links (the parallel search's shared table). */
  private bytesElsewhere = 0;

  constructor(
    readonly spec: AnySpec,
    readonly params: object,
    options: CheckOptions,
    /** The stored states, when the search keeps them its own way (the parallel search's fingerprints). */
    seen?: Seen,
    /** Whether a known state's index is asked for (a behaviour graph); else the compact seen-set is used. */
    indexed = true,
  ) {
    this.encode = makeStateEncoder(spec, params, this.writer, { symmetry: options.symmetry ?? false });
    this.seen =
      seen ?? ((options.exact ? new ExactSeenSet() : indexed ? new FingerprintSeenSet() : new CompactSeenSet(budgetFor(options))) as StoredStates as Seen);
    this.constraint = spec.constraint?.bind(spec);
  }

  /** Lets go of the files the store spilled to (links and fingerprints past the first 2^18 states). */
  close(): void {
    this.seen.close?.();
    this.parents.close();
  }

  /** Counts `bytes` held elsewhere (the parallel search's shared table) in bytesUsed. */
  holdsElsewhere(bytes: number): void {
    this.bytesElsewhere = bytes;
  }

  get bytesUsed(): number {
    return this.seen.bytesUsed + this.parents.bytesUsed + this.bytesElsewhere;
  }
}

/** The memory budget's say on a growth of the seen-set: refused when it would take the process past --max-memory. */
function budgetFor(options: CheckOptions): ((bytes: number) => string | undefined) | undefined {
  const { maxMemory } = options;
  if (maxMemory === undefined) return undefined;
  return (bytes) => {
    const used = memoryInUse((options.readMemory ?? readProcessMemory)());
    return used + bytes > maxMemory
      ? `memory budget of ${formatBytes(maxMemory)} reached (the seen-set's growth by ${formatBytes(bytes)} would take the process past it from ${formatBytes(used)})`
      : undefined;
  };
}

/** A seen-set as classify.ts asks it: keys are the encoder's bytes, left in `writer`. */
export function seenSetKeys(encode: StateEncoder, writer: ByteWriter, seen: SeenSet): KeyedStore {
  return {
    key: encode,
    holdsKey: () => seen.has(writer.bytes, writer.length),
    claimKey: () => seen.insertOrGet(writer.bytes, writer.length),
  };
}
