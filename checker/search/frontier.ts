// Frontier: the BFS queue. With a codec, states wait as packed bytes (ByteQueue, which spills to
// disk); without one they wait as the objects the spec produced (the canonical encoding cannot
// be decoded: it has no record types), in chunks released as the head moves.
import { specCodec } from '../state/specCodec.ts';
import type { AnySpec } from '../spec.ts';
import type { ByteWriter } from '../state/byteWriter.ts';
import { ByteQueue } from './byteQueue.ts';
import { StateQueue } from './stateQueue.ts';

export interface Frontier {
  readonly length: number;
  /** Queues a state; `key` holds its key bytes, reused when they are its codec bytes. */
  push(state: unknown, key: ByteWriter): void;
  shift(): unknown;
  close(): void;
}

export function makeFrontier(spec: AnySpec, params: object, keyIsCodec: boolean, memoryLimit?: number): Frontier {
  const codec = specCodec(spec, params);
  if (!codec) {
    const q = new StateQueue<unknown>();
    return {
      get length() {
        return q.length;
      },
      push: (s) => q.push(s),
      shift: () => q.shift(),
      close: () => {},
    };
  }
  const q = new ByteQueue(memoryLimit);
  const scratch = new Uint8Array(codec.maxBytes);
  return {
    get length() {
      return q.length;
    },
    push: (s, key) => {
      if (keyIsCodec) q.push(key.bytes, key.length);
      else q.push(scratch, codec.encode(s, scratch));
    },
    shift: () => codec.decode(q.shift()),
    close: () => q.close(),
  };
}
