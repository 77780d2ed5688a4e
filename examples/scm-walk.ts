// scm-walk: Enberg's 2007 two passes, plus a walk of the SCM_RIGHTS queues after pass 1 (the
// obvious answer to Viro's hand-off): every queued datagram carrying a struct file on I loses
// it (the skb's reference is put, the receiver gets nothing). Written only against the design API
// (spec/revoke/README.md, "Writing a design"), in a file that needs nothing beside it:
//
//   rmc check revoke --design ./scm-walk.ts --invariant no-usable-descriptor
//
// It still has a counterexample: B sends before A's table is cleansed, A receives after it, and
// by the time the walk runs the queue is empty while A holds a live descriptor (Viro: "you can't
// avoid processes keeping pointers to struct file").
import type { Design, DesignApi, State } from 'rmc/revoke';

export default function scmWalk(api: DesignApi): Design {
  const carriesI = (s: State): boolean => s.message !== null && api.inodeOf(s, s.message.file) === 'I';

  const walkQueues = api.revokerStep({
    name: 'RevokeWalkQueues',
    doc: 'The revoker walks every unix socket queue and puts the struct files on I that queued datagrams carry.',
    kernel: 'a walk of every unix socket queue: kfree_skb',
    enabled: (s) => api.scanDone(s),
    to: 'walked',
    next: (s) => (carriesI(s) ? api.putFile(api.withMessage(s, null), s.message!.file) : s),
    label: (s) => (carriesI(s) ? `RevokeWalkQueues: drops ${s.message!.file} from the datagram to ${s.message!.to}` : 'RevokeWalkQueues: nothing queued on I'),
  });

  // Every user path is the plain kernel's: only the revoker differs.
  return {
    name: 'scm-walk',
    // What its authors expect at the default bounds; `rmc expect revoke --design ./scm-walk.ts` re-checks it.
    expect: {
      'no-usable-descriptor': 'violated 7',
      'no-mapping-after-revoke': 'violated 6',
      'no-inode-access-after-return': 'violated 6',
      'writes-complete-reads-abort': 'violated 6',
      'no-live-file-anywhere': 'violated 6',
      'caller-access-as-specified': 'n/a',
      'revoked-ops-fail-with-ebadf-or-enxio': 'holds',
      'revoked-file-unusable': 'n/a',
      'other-inodes-untouched': 'not-exercised',
      'no-use-after-free': 'violated 6',
      'refcounts-balance': 'holds',
      'revoke-returns': 'holds',
    },
    steps: [
      api.scanTask({
        doc: "The revoker (pass 1, under tasklist_lock and t's file_lock) installs a revokefs file in every fd of task t on the inode and collects the real file.",
        kernel: 'do_revoke pass 1: a revokefs file per fd',
        marker: 'revoked',
        collect: true,
      }),
      walkQueues,
      api.unmap({
        doc: 'The revoker zaps, unlinks and puts every linked mapping of the inode (revoke_vma).',
        kernel: 'revoke_mapping: revoke_vma',
        from: 'walked',
        how: 'unlink',
        select: (s, _t, vma) => api.inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
      }),
      api.revokeReturn({ kernel: 'fput the collected files, return 0', from: 'unmapped' }),
    ],
  };
}
