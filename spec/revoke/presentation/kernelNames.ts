// kernelNames: the kernel code each step of the model abstracts, shown in brackets beside its
// label in every trace (`SendFd(B -> A via s0, F0)  [sendmsg SCM_RIGHTS: ...]`), so a reviewer
// reads a model verb and sees the function it stands for. Read off each action's doc and its
// module's header, which cite them. The user's and the kernel's own steps (kernel/*.ts) are the
// same code in every design and are named here; a design names each revoker step where it builds
// it (`revokerStep({ kernel })`), and any user step its interception points change where it sets
// the point (`on: { begin: { kernel, hook } }`), so no name is keyed by a string that must match a
// step's. test/spec/revoke/kernelNames.test.ts fails for any step of any built-in design without a name.
import type { TraceStep } from '../../../checker/spec.ts';
import type { Installed } from '../kernel/install.ts';
import type { RevokeParams } from '../kernel/params.ts';
import type { State } from '../kernel/state.ts';
import { recordStepKernel } from '../kernel/syscalls.ts';

/** The user steps, by action name (kernel/files.ts, fork.ts, scm.ts, mm.ts, syscalls.ts). */
export const USER_STEPS: Readonly<Record<string, string>> = {
  Open: 'open(2): do_sys_openat2',
  OpenBegin: 'do_sys_openat2: may_open',
  OpenFile: 'do_dentry_open: ->open',
  OpenInstall: 'fd_install',
  DupGet: 'dup(2): fget_raw',
  DupInstall: 'dup(2): get_unused_fd_flags, fd_install',
  Close: 'close(2): close_fd, filp_close',
  ForkCopy: 'copy_process: copy_files (dup_fd)',
  ForkLink: 'copy_process: link under tasklist_lock',
  CloneFiles: 'copy_process(CLONE_FILES)',
  SendFd: 'sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds',
  RecvFd: 'recvmsg: scm_detach_fds',
  MmapBegin: 'mmap_region: get_file, ->mmap',
  MmapLink: 'mmap_region: vma_link_file',
  Munmap: 'munmap(2): do_munmap',
  Fault: 'handle_mm_fault: ->fault',
  FaultInstall: 'finish_fault',
  Touch: 'a user access: PTE, or SIGBUS',
  SyscallBegin: 'fdget: __fget_light or fget',
  SyscallRecord: 'file_hotplug_read_trylock: slot stored',
  SyscallEnd: 'the method returns, fdput',
  SyscallEndStuck: 'the method returns, if ever; fdput',
};

/** The kernel code `action` abstracts under design d: the design's own name first. */
export function kernelName(d: Installed, action: string): string | undefined {
  return d.ownKernelName(action) ?? USER_STEPS[action];
}

/**
 * The kernel code one step of a trace abstracts: where the design answers a step with its own line
 * (the C revocable's `record`: this_cpu_inc, then the store of rev->idx), that line; else the action's.
 */
export function stepKernelName(d: Installed, action: string, p: RevokeParams, before: State, step: TraceStep<State>): string | undefined {
  const own = action === 'SyscallRecord' && step.actor !== undefined ? recordStepKernel(d, before, p, step.actor) : undefined;
  return own ?? kernelName(d, action);
}
