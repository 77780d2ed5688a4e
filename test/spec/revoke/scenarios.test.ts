// Each listed counterexample (docs/research/revoke-domain.md, section 3) as the labels a reviewer reads, replayed
// through the spec's own actions: the last state breaks the named guarantee, the one before holds.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { opThrough } from '../../../spec/revoke/kernel/access.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { viroStories } from './viroStories.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';

const scan2007 = ['RevokeScanTask(A): nothing', 'RevokeScanTask(B): fd 3 F0 -> revoked'];

interface Scenario {
  readonly name: string;
  readonly params: Partial<RevokeParams>;
  readonly guarantee: string;
  readonly labels: readonly string[];
}

const scenarios: Scenario[] = [
  {
    name: "T1 Viro's hand-off mid-scan breaks no-usable-descriptor (enberg-2007, viro-handoff)",
    params: { selfSend: false, fork: false },
    guarantee: 'no-usable-descriptor',
    labels: [
      'RevokeScanTask(A): nothing',
      'SendFd(B -> A via s0, F0)',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'RecvFd(A, s0): fd 3 -> F0',
    ],
  },
  {
    name: 'T2 a self-send breaks no-live-file-anywhere (enberg-2007)',
    params: {},
    guarantee: 'no-live-file-anywhere',
    labels: [
      'SendFd(B -> B via s0, F0)',
      'Close(B, fd 3): F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn',
    ],
  },
  {
    name: 'T2 the self-sent file received after return breaks no-usable-descriptor (enberg-2007)',
    params: {},
    guarantee: 'no-usable-descriptor',
    labels: ['SendFd(B -> B via s0, F0)', ...scan2007, 'RevokeUnmap: nothing', 'RevokeReturn: fput F0', 'RecvFd(B, s0): fd 4 -> F0'],
  },
  {
    name: 'T3 a read in progress breaks no-inode-access-after-return (enberg-2007, fdget=counted)',
    params: { fdget: 'counted' },
    guarantee: 'no-inode-access-after-return',
    labels: ['Read(B, fd 3) begins on F0, counted', ...scan2007, 'RevokeUnmap: nothing', 'RevokeReturn: fput F0'],
  },
  {
    name: 'T3 a borrowed read outlives its file: no-use-after-free (enberg-2007, fdget=light)',
    params: { fdget: 'light' },
    guarantee: 'no-use-after-free',
    labels: ['Read(B, fd 3) begins on F0, borrowed', ...scan2007, 'RevokeUnmap: nothing', 'RevokeReturn: fput F0'],
  },
  {
    name: 'T4 a child copied before the scan and linked after it breaks no-usable-descriptor (enberg-2007)',
    params: { fork: true },
    guarantee: 'no-usable-descriptor',
    labels: [
      'RevokeScanTask(A): nothing',
      'ForkCopy(B -> C): copies F0, not yet linked',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ],
  },
  {
    name: "T5 frevoke spares a descriptor that is not the caller's: caller-access-as-specified (enberg-2007, frevoke)",
    params: { mode: 'frevoke', fork: false },
    guarantee: 'caller-access-as-specified',
    labels: [
      'SendFd(B -> A via s0, F0)',
      'RecvFd(A, s0): fd 3 -> F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ],
  },
  {
    name: 'T6 mmap then close keeps a live mapping: no-mapping-after-revoke (enberg-2006, nothing recorded, so revoke_mapping never runs)',
    params: { variant: 'enberg-2006' },
    guarantee: 'no-mapping-after-revoke',
    labels: [
      'MmapBegin(B, fd 3): ->mmap of F0, PTEs mapped, not yet linked',
      'MmapLink(B): vma of F0 in i_mmap',
      'Close(B, fd 3): F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn',
    ],
  },
  {
    name: 'T7 a mapping made after return from a resurrected descriptor: no-mapping-after-revoke (enberg-2007)',
    params: {},
    guarantee: 'no-mapping-after-revoke',
    labels: [
      'SendFd(B -> B via s0, F0)',
      ...scan2007,
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'RecvFd(B, s0): fd 4 -> F0',
      'MmapBegin(B, fd 4): ->mmap of F0, PTEs mapped, not yet linked',
    ],
  },
  {
    name: "T9 an open past may_open makes its file after file-list's walk: no-live-file-anywhere (file-list)",
    params: { variant: 'file-list' },
    guarantee: 'no-live-file-anywhere',
    labels: [
      'Close(B, fd 3): F0, F0 freed',
      'OpenBegin(A, I): may_open passed',
      'RevokeKillFiles: none on the list',
      'RevokeUnmap: nothing',
      'RevokeReturn',
      'OpenFile(A, I): F0 made, ->open',
    ],
  },
  ...viroStories.map((story) => ({ name: story.name, params: story.config, guarantee: story.guarantee, labels: story.labels })),
];

describe('revoke scenarios', () => {
  for (const sc of scenarios) {
    it(`${sc.name} in ${sc.labels.length} steps`, () => {
      const p = { ...revoke.defaults, ...sc.params } as RevokeParams;
      const spec = revoke.specFor(p);
      const trace = replay<State>(spec, p, sc.labels);
      const holds = trace.map((step) => spec.invariants[sc.guarantee]!(step.state, p));
      expect(holds.at(-1)).toBe(false);
      expect(holds.at(-2)).toBe(true);
    });
  }

  it("T3's counted read returns after revoke, reading I through a file revoke has put", () => {
    const p = { ...revoke.defaults, fdget: 'counted' } as RevokeParams;
    const trace = replay<State>(revoke.specFor(p), p, [
      'Read(B, fd 3) begins on F0, counted',
      ...scan2007,
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'Read(B) returns: read I',
    ]);
    expect(trace.at(-1)!.state.files.F0).toBeUndefined();
  });

  it("T2 under active-refs: the received descriptor's f_op calls fail ENODEV, but fchmod still reaches the removed node", () => {
    const p = { ...revoke.defaults, variant: 'active-refs' } as RevokeParams;
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, [
      'SendFd(B -> B via s0, F0)',
      'RevokeMarkDead(I): new active references fail',
      'RevokeDrain(I): no active reference left',
      'RevokeUnmap: nothing',
      'RevokeReturn',
      'RecvFd(B, s0): fd 4 -> F0',
    ]);
    const last = trace.at(-1)!.state;
    const activeRefs = install(variants['active-refs']);
    for (const kind of ['read', 'write', 'mmap'] as const) expect(opThrough(activeRefs, last, p, 'F0', kind)).toEqual({ enter: false, errno: 'ENODEV' });
    expect(opThrough(activeRefs, last, p, 'F0', 'fchmod')).toEqual({ enter: true });
    // What active-refs promises (its f_op calls, mappings) holds; the fchmod it does not promise to stop gets through.
    expect(spec.invariants['no-usable-descriptor']!(last, p)).toBe(true);
    expect(spec.invariants['no-usable-descriptor-unpromised']!(last, p)).toBe(false);
  });
});
