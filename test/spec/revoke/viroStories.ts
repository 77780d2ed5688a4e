// Al Viro's three counterexamples to the 2007 patch (docs/research/seeds.md), as the labels of the
// traces the search finds for them under their named configurations, in his own order. The
// search test finds them; the scenario test replays them through the spec's actions.
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import viroA from '../../../spec/revoke/configs/viro-a.json' with { type: 'json' };
import viroB from '../../../spec/revoke/configs/viro-b.json' with { type: 'json' };
import viroC from '../../../spec/revoke/configs/viro-c.json' with { type: 'json' };

export interface Story {
  readonly name: string;
  readonly config: Partial<RevokeParams>;
  readonly guarantee: string;
  readonly labels: readonly string[];
  /**
   * The trace the search reports instead, where another is as short and its first step comes first
   * in the search's order (the story itself is replayed by the scenario test).
   */
  readonly searchFinds?: readonly string[];
}

export const viroStories: readonly Story[] = [
  {
    name: 'Viro (a): A cleansed, B sends to A, B cleansed, A receives and reads (viro-a)',
    config: viroA as Partial<RevokeParams>,
    guarantee: 'no-inode-access-after-return',
    labels: [
      'RevokeScanTask(A): nothing',
      'SendFd(B -> A via s0, F0)',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'RecvFd(A, s0): fd 3 -> F0',
      'Read(A, fd 3) begins on F0, borrowed',
    ],
    // dup(2) in two steps (kernel/files.ts): B's dup takes its reference before the scan and
    // installs it after B's table is cleansed, a hand-off to itself as short as Viro's to A.
    searchFinds: [
      'DupGet(B, fd 3): fget_raw F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'DupInstall(B): fd 4 -> F0',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'Read(B, fd 4) begins on F0, borrowed',
    ],
  },
  {
    name: 'Viro (b): send to yourself, revoke, receive it a day later and read (viro-b)',
    config: viroB as Partial<RevokeParams>,
    guarantee: 'no-inode-access-after-return',
    labels: [
      'SendFd(A -> A via s0, F0)',
      'RevokeScanTask(A): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
      'RecvFd(A, s0): fd 4 -> F0',
      'Read(A, fd 4) begins on F0, borrowed',
    ],
  },
  {
    name: 'Viro (c): send to yourself, close, revoke finds nothing, recvmsg gives the file back (viro-c)',
    config: viroC as Partial<RevokeParams>,
    guarantee: 'no-usable-descriptor',
    labels: [
      'SendFd(A -> A via s0, F0)',
      'Close(A, fd 3): F0',
      'RevokeScanTask(A): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn',
      'RecvFd(A, s0): fd 3 -> F0',
    ],
  },
];
