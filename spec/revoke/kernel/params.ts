// The bounded constants of the revoke model (docs/research/domain.md's parameter table; its names win).
import { isDesignPath } from './designPath.ts';

export const variantNames = [
  'enberg-2006',
  'enberg-2007',
  'file-list',
  'badfs',
  'cannibalize',
  'vnode-revoke',
  'active-refs',
  'drm-unplug',
  'biederman-2009',
  'tty-hangup',
  'rust-revocable',
  'c-revocable',
  'evdev-revoke',
  'hurd-io-revoke',
] as const;

export type VariantName = (typeof variantNames)[number];

const builtInNames: readonly string[] = variantNames;

/** A built-in design's name, or the absolute path of a design file (README.md, "Writing a design"). */
export type DesignRef = VariantName | (string & {});

export interface RevokeParams {
  /** The design under check: a built-in design's name, or a design file's absolute path. */
  readonly variant: DesignRef;
  /** revokeat(path) revokes every open file of the inode; frevoke(fd) spares the caller's struct file. */
  readonly mode: 'revokeat' | 'frevoke';
  /** A syscall on an unshared table borrows its file (`__fget_light`) or counts it (`fget`). */
  readonly fdget: 'light' | 'counted';
  /**
   * fs/file.c's rule: fdget borrows only while the table has one user (`files->count == 1`), so a
   * task sharing its table with a thread counts every call. Turned off, fdget borrows on a shared
   * table too, and the thread's close can free the file under the call.
   */
  readonly lightFdgetRule: boolean;
  /** The owner (B; A when alone) has a second thread sharing its descriptor table (CLONE_FILES) that acts like any task. */
  readonly thread: boolean;
  /** Struct files on I that may be open at once (opened before revoke begins, or by an open already under way): 1 or 2. */
  readonly filesOnI: number;
  /** An open(2) of I that passed may_open before revoke began may finish (make the struct file, fd_install) after it began. */
  readonly openInProgress: boolean;
  /** The file's ->mmap populates the page tables itself (remap_pfn_range, "call_mmap() may map PTE") rather than leaving them to faults. */
  readonly mmapPopulates: boolean;
  /** I's struct files map through another address_space than the inode's own (sysfs bin files: f_mapping = iomem_get_mapping()). */
  readonly iomemMapping: boolean;
  /** Descriptor slots per table (fd 3, and fd 4 when 2): RLIMIT_NOFILE above the standard three. */
  readonly fdsPerTable: number;
  /**
   * Restrictions a named scenario may put on the users, to forbid a shorter or equally short trace
   * in another order than the story it tells (never steps of their own): sendmsg only while revoke
   * is under way, recvmsg only once it has returned, system calls on I only once it has returned.
   */
  readonly sendDuringRevoke: boolean;
  readonly recvAfterReturn: boolean;
  readonly callsAfterReturn: boolean;
  /** User tasks besides the revoker, 1..3. */
  readonly tasks: number;
  /** May a task send a descriptor to itself over the socketpair. */
  readonly selfSend: boolean;
  /** A fork child slot: copied (copy_process) before it is linked into the task list. */
  readonly fork: boolean;
  /** Adds inode J, for `other-inodes-untouched`. */
  readonly otherInode: boolean;
  /** A call that may block forever (no fairness on its end; used by the liveness check). */
  readonly stuckCaller: boolean;
  /** The revoker is itself inside an operation on the file (kernfs's self-removal case). */
  readonly selfRevoke: boolean;
  /** `active-refs` releases its own active reference before draining (kernfs_break_active_protection). */
  readonly breakActiveProtection: boolean;
  /** `cannibalize`: every entry point tests the inode's dead flag (still no drain). */
  readonly checked: boolean;
}

export const defaults: RevokeParams = {
  variant: 'enberg-2007',
  mode: 'revokeat',
  fdget: 'light',
  lightFdgetRule: true,
  thread: false,
  filesOnI: 1,
  openInProgress: true,
  mmapPopulates: true,
  iomemMapping: false,
  fdsPerTable: 2,
  sendDuringRevoke: false,
  recvAfterReturn: false,
  callsAfterReturn: false,
  tasks: 2,
  selfSend: true,
  // The fork child slot multiplies the space by ten (45k -> 405k states for enberg-2007), past
  // the minute the default table has; `fork-mid-scan` and `wide` turn it on.
  fork: false,
  otherInode: false,
  stuckCaller: false,
  selfRevoke: false,
  breakActiveProtection: false,
  checked: false,
};

/** A `variant` that names no design: a study's problem (which design a row is); a design file is loaded and judged by the study (index.ts). */
export function variantProblems(p: RevokeParams): string[] {
  if (typeof p.variant !== 'string') return [`variant must be a design's name or a design file, not ${JSON.stringify(p.variant)}`];
  if (!isDesignPath(p.variant) && !builtInNames.includes(p.variant)) {
    return [`unknown variant '${p.variant}' (known: ${builtInNames.join(', ')}; or a design file, with --design)`];
  }
  return [];
}

/** Impossible bounds for the design's spec, one message each (the design itself is not judged here: variantProblems). */
export function validate(p: RevokeParams): string[] {
  const errors: string[] = [];
  if (p.mode !== 'revokeat' && p.mode !== 'frevoke') errors.push(`mode must be revokeat or frevoke, not '${p.mode}'`);
  if (p.fdget !== 'light' && p.fdget !== 'counted') errors.push(`fdget must be light or counted, not '${p.fdget}'`);
  if (p.filesOnI !== 1 && p.filesOnI !== 2) errors.push(`filesOnI must be 1 or 2, not ${p.filesOnI}`);
  if (p.fdsPerTable !== 1 && p.fdsPerTable !== 2) errors.push(`fdsPerTable must be 1 or 2, not ${p.fdsPerTable}`);
  const flags = [
    'lightFdgetRule',
    'thread',
    'openInProgress',
    'mmapPopulates',
    'iomemMapping',
    'sendDuringRevoke',
    'recvAfterReturn',
    'callsAfterReturn',
  ] as const;
  for (const flag of flags) {
    if (typeof p[flag] !== 'boolean') errors.push(`${flag} must be true or false, not ${JSON.stringify(p[flag])}`);
  }
  if (!Number.isInteger(p.tasks) || p.tasks < 1 || p.tasks > 3) errors.push(`tasks must be an integer in 1..3, not ${p.tasks}`);
  if (p.tasks === 1 && !p.selfSend) errors.push('tasks=1 with selfSend=false leaves the socketpair with no one to send to');
  if (p.checked && p.variant !== 'cannibalize') errors.push(`checked=true applies only to variant cannibalize, not ${p.variant}`);
  if (p.breakActiveProtection && p.variant !== 'active-refs') {
    errors.push(`breakActiveProtection applies only to variant active-refs, not ${p.variant}`);
  }
  if (p.iomemMapping && p.variant !== 'active-refs') errors.push(`iomemMapping applies only to variant active-refs (sysfs bin files), not ${p.variant}`);
  if (p.breakActiveProtection && !p.selfRevoke) errors.push('breakActiveProtection needs selfRevoke=true (there is no own active reference to release)');
  return errors;
}
