// evdev-revoke: EVIOCREVOKE (drivers/input/evdev.c, Herrmann, c7dc65737c9a, Linux 3.12): an
// ioctl that revokes one open file of an input device, for a compositor handing a device on at a
// VT switch. "revokes device-access irrecoverably for that *single* open-file".
//
// The revoker is the owner's ioctl(3, EVIOCREVOKE): evdev_ioctl_handler takes evdev->mutex, and
// evdev_revoke sets client->revoked (a plain bool on the struct file's client), ungrabs, flushes
// the client's force-feedback effects and wakes the client's readers; it waits for nothing else.
// Callers, per struct file (client): write and ioctl take evdev->mutex (one per device, so every
// client's), check `!exist || revoked` under it (-ENODEV) and hold it to the end: the revoke waits
// for them and they for it. read checks the flag unlocked at the top of each loop, then copies
// the queued events out; a reader woken by the revoke checks again and gets -ENODEV, but one
// already past the check copies what is queued after revoke returned (and evdev_pass_values tests
// the flag unlocked, so one more batch may be queued). No mmap (evdev_fops has none); fchmod on
// the device node is an inode-level call, untouched.
// Scope: the struct file and every holder of it (dup'ed and forked descriptors, one in flight in
// an SCM_RIGHTS message); other open files of the device are untouched by design. The claim is
// G9 `revoked-file-unusable`, with G5 and the model's sanity checks; the inode-wide guarantees
// are "n/a: not claimed".
// A signal to the revoker (the `revokerSignal` bound): evdev_ioctl_handler sleeps for the mutex
// in mutex_lock_interruptible and returns its -EINTR before evdev_revoke runs: the ioctl fails and
// revokes nothing ('failed'), which owes nothing; the compositor's retry is another revoke.
// Left out: grabs, force-feedback effects and the event producer (no guarantee reads them);
// a read's sleep, which the model does not tell from its copy (the call window is one).
import { ENTER, type Design, type FileId, type RevokeParams, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { callerHolders } from '../kernel/gate.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { ownerTask, withRevoker, withFileRevoked } from '../kernel/state.ts';

/** The struct file the ioctl is called on: the owner's fd 3, if it is a file on I. */
function ioctlFile(s: State, p: RevokeParams): FileId | undefined {
  const slot = s.tables[s.tasks[ownerTask(p)]!.table]![3];
  return slot !== undefined && s.files[slot]?.inode === 'I' ? slot : undefined;
}

const revokeClient = revokerStep({
  name: 'RevokeClient',
  doc: "The revoker (evdev_revoke, under evdev->mutex) sets client->revoked on the struct file of the owner's fd 3 and wakes its readers.",
  kernel: 'evdev_ioctl_handler: evdev_revoke',
  from: 'idle',
  to: 'revoked-client',
  enabled: (s, p) => ioctlFile(s, p) !== undefined,
  // evdev_ioctl_handler takes evdev->mutex, which a write or an ioctl holds to its end.
  waitsFor: { holds: 'evdev->mutex', holders: callerHolders },
  onSignal: { sleep: 'interruptible', kernel: 'evdev_ioctl_handler: mutex_lock_interruptible returns -EINTR', to: 'failed' },
  next(s, p) {
    const f = ioctlFile(s, p)!;
    return withRevoker(withFileRevoked(s, f), { ...s.revoker, cursor: f });
  },
  label: (s, p) => `RevokeClient(${ioctlFile(s, p)}): client->revoked = true, readers woken`,
});

const badFd = revokerStep({
  name: 'RevokeBadFd',
  doc: "The owner's fd 3 names no open file of the device: the ioctl fails (EBADF, or ENOTTY on another file) and revokes nothing.",
  kernel: 'ioctl(EVIOCREVOKE) fails',
  from: 'idle',
  to: 'failed',
  enabled: (s, p) => ioctlFile(s, p) === undefined,
  next: (s) => s,
  label: () => 'RevokeBadFd: ioctl fails, nothing revoked',
});

export const evdevRevoke: Design = {
  name: 'evdev-revoke',
  scope: 'file',
  callKinds: ['read', 'write', 'pread'],
  promises: {
    stops: { data: 'c7dc65737c9a: EVIOCREVOKE "revokes device-access irrecoverably for that *single* open-file"' },
    guarantees: ['revoked-file-unusable', 'no-use-after-free', 'refcounts-balance', 'revoke-returns'],
  },
  on: {
    begin: {
      kernel: 'fdget, evdev_read, evdev_write or evdev_ioctl: client->revoked checked',
      // write and ioctl hold evdev->mutex to their end; read holds nothing; the inode-level calls are the inode's.
      hook: (_s, _p, op) => (inodeLevel(op.kind) ? ENTER : op.file.ops === 'revoked' ? fail('ENODEV') : enter({ holds: op.kind !== 'read' })),
    },
    end: { kernel: 'mutex_unlock(&evdev->mutex), fdput' },
    // evdev_fops has no ->mmap.
    mmap: () => fail('ENODEV'),
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'n/a',
    'no-mapping-after-revoke': 'n/a',
    'no-inode-access-after-return': 'n/a',
    'writes-complete-reads-abort': 'n/a',
    'no-live-file-anywhere': 'n/a',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'n/a',
    'revoked-file-unusable': 'violated 3',
    'other-inodes-untouched': 'n/a',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [revokeClient, badFd, revokeReturn({ kernel: 'evdev_ioctl returns 0', from: 'revoked-client' })],
};
