// A tiny synthetic spec for the renderers' tests: task B sends its descriptor for F0 to task A
// through a socket while a revoker scans the tables; the `naive` revoker misses the file in
// flight, so A receives a usable descriptor after revoke returned. States use Immutable Records,
// Maps with number keys and Sets, and a counter beyond 2^53, to exercise every ITF encoding.
import { Map, Record, Set } from 'immutable';
import type { Spec } from '../../../../checker/spec.ts';
import type { Study } from '../../../../checker/study/study.ts';
import { tabled } from '../../study/tabled.ts';

export interface HandoffParams {
  readonly variant: string;
}

const State = Record({
  tables: Map<string, Map<number, string>>(),
  inflight: Set<string>(),
  revoked: false,
  epoch: 2 ** 60,
});
type S = ReturnType<typeof State>;

const holds = (s: S, f: string) => s.tables.some((t) => t.includes(f));

export function handoffSpec(presentation: boolean): Spec<S, HandoffParams> {
  return {
    name: 'test/handoff',
    summary: 'a descriptor in flight while a revoker scans',
    defaults: { variant: 'naive' },
    init: () => [State({ tables: Map({ A: Map<number, string>(), B: Map([[3, 'F0']]) }) })],
    actions: [
      {
        name: 'SendFd',
        *successors(s) {
          if (s.tables.getIn(['B', 3]) === 'F0') {
            yield { label: 'SendFd(B -> A, F0)', actor: 'B', state: s.deleteIn(['tables', 'B', 3]).update('inflight', (i) => i.add('F0')) };
          }
        },
      },
      {
        name: 'RecvFd',
        *successors(s) {
          if (s.inflight.has('F0')) {
            yield { label: 'RecvFd(A): fd 4 -> F0', actor: 'A', state: s.setIn(['tables', 'A', 4], 'F0').update('inflight', (i) => i.delete('F0')) };
          }
        },
      },
      {
        name: 'Revoke',
        *successors(s, p) {
          if (s.revoked) return;
          const tables = s.tables.map((t) => t.filter((f) => f !== 'F0'));
          const inflight = p.variant === 'drains' ? s.inflight.delete('F0') : s.inflight;
          yield { label: 'Revoke(F0)', actor: 'revoker', state: s.merge({ tables, inflight, revoked: true }) };
        },
      },
    ],
    invariants: {
      'no-usable-descriptor': (s) => !(s.revoked && holds(s, 'F0')),
      'epoch-fits': (s) => s.epoch > 0,
    },
    ...(presentation
      ? {
          presentation: {
            lanes: () => ['revoker', 'A', 'B'],
            messages: (trace) => {
              const from = trace.findIndex((t) => t.action === 'SendFd');
              const to = trace.findIndex((t) => t.action === 'RecvFd');
              return from > 0 && to > 0 ? [{ from, to, label: 'SCM_RIGHTS F0' }] : [];
            },
            objectGraph: (s) =>
              s.tables
                .entrySeq()
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .flatMap(([t, fds]) => fds.entrySeq().map(([fd, f]) => `"${t}" -> "${f}" [label="fd ${fd}", color="#cc0000"];`))
                .join('\n'),
          },
        }
      : {}),
  };
}

/** The spec's two revokers as the rows of a study. */
export function handoffStudy(presentation: boolean): Study<HandoffParams> {
  return tabled(handoffSpec(presentation), 'variant', ['naive', 'drains']);
}
