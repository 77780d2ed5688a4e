// kernelStep: each step of a revoke trace as a kernel commit message's race diagram writes it
// (checker/trace/render/lkml.ts draws the columns): the kernel call it is, then what it did.
// The call is read off the kernel names (kernelNames.ts: the design's own `kernel` record first,
// then the user steps'), through `kernelCallOf`, the one place that turns a name such as
// `sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds` into the call a reviewer writes; the note is
// the label without its model verb and actor. A step whose only change a reader sees is the
// revoker's own program counter (`RevokeUnmap: nothing` with no mapping to unmap) is quiet: the
// diagram folds it.
import type { KernelStep, TraceStep } from '../../../checker/spec.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { type State, returnedZero } from '../kernel/state.ts';
import type { Installed } from '../kernel/install.ts';
import { recordStepKernel } from '../kernel/syscalls.ts';
import { kernelName } from './kernelNames.ts';
import { stateJson } from './stateJson.ts';

/** The user steps' calls where their kernel name starts with prose, not a function. */
const USER_CALLS: Readonly<Record<string, string>> = {
  Open: 'open()',
  OpenBegin: 'may_open()',
  OpenFile: '->open()',
  DupGet: 'fget_raw()',
  DupInstall: 'fd_install()',
  Close: 'close()',
  ForkCopy: 'dup_fd()',
  ForkLink: 'copy_process()',
  CloneFiles: 'clone(CLONE_FILES)',
  SendFd: 'sendmsg(SCM_RIGHTS)',
  RecvFd: 'recvmsg()',
  MmapBegin: 'mmap()',
  MmapLink: 'vma_link_file()',
  Munmap: 'munmap()',
  Fault: '->fault()',
  FaultInstall: 'finish_fault()',
  Touch: 'a user access',
};

/** The system-call steps, whose call is the syscall the state's call in progress names. */
const SYSCALL_STEPS = new Set(['SyscallBegin', 'SyscallRecord', 'SyscallEnd', 'SyscallEndStuck']);

/** Kernel functions too common to name a step by (every syscall takes and drops its fd). */
const GENERIC = new Set(['fdget', 'fdput', '__fget_light', 'fget']);
/** Short kernel functions without an underscore, which the name pattern would not know. */
const SHORT = new Set(['fput', 'fdget', 'fdput', 'fget', 'sendmsg', 'recvmsg', 'ioctl', 'open', 'close', 'dup', 'mmap', 'munmap', 'frelease']);
const FUNCTION = /(?:->)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)?/g;

/** The functions a kernel name mentions, in order: `a_b`, `->fault`, `Revocable::revoke`, or a short one. */
export function functionsIn(name: string): string[] {
  return [...name.matchAll(FUNCTION)]
    .map((m) => m[0])
    .filter((w) => !/^[A-Z0-9_]+$/.test(w)) // a constant (SCM_RIGHTS, KN_DEACTIVATED_BIAS), no function
    .filter((w) => w.includes('_') || w.startsWith('->') || w.includes('::') || SHORT.has(w));
}

/** The call a reviewer writes for `action` under design d: the design's own function first, else the user step's. */
export function kernelCallOf(d: Installed, action: string): string | undefined {
  const own = d.ownKernelName(action);
  const name = kernelName(d, action);
  const fns = name === undefined ? [] : functionsIn(name).filter((f) => !GENERIC.has(f));
  if (own !== undefined && fns.length > 0) return `${fns[0]}()`;
  if (USER_CALLS[action] !== undefined) return USER_CALLS[action];
  if (fns.length > 0) return `${fns[0]}()`;
  // A name that is all prose ('return 0'): the name itself is what the kernel does.
  return name !== undefined && name.length <= 24 ? name : undefined;
}

/** The label without its model verb and actor: `RecvFd(A, s0): fd 3 -> F0` -> `s0: fd 3 -> F0`. */
export function labelNote(label: string, actor: string | undefined): string {
  const m = /^[A-Za-z]+(?:\(([^)]*)\))?:?\s*(.*)$/.exec(label);
  if (!m) return label;
  const args = (m[1] ?? '')
    .split(', ')
    .filter((a) => a !== '' && a !== actor)
    .join(', ');
  const tail = m[2] ?? '';
  return args !== '' && tail !== '' ? `${args}: ${tail}` : args || tail;
}

/** Nothing but the revoker's program counter changed between the two views. */
function onlyPcChanged(before: unknown, after: unknown): boolean {
  const b = before as { revoker: Record<string, unknown> };
  const a = after as { revoker: Record<string, unknown> };
  return JSON.stringify({ ...b, revoker: { ...b.revoker, pc: '' } }) === JSON.stringify({ ...a, revoker: { ...a.revoker, pc: '' } });
}

/** Step i of the trace under design d, as the race diagram writes it. */
export function kernelStep(d: Installed, trace: readonly TraceStep<State>[], i: number, p: RevokeParams): KernelStep {
  const step = trace[i]!;
  const before = trace[i - 1]!.state;
  const action = step.action ?? '';
  const quiet = onlyPcChanged(stateJson(d, before, p), stateJson(d, step.state, p));
  // The moment revoke returns is the one every guarantee counts from: said in its words.
  const returns = returnedZero(step.state) && !returnedZero(before) ? 'returns 0' : '';
  if (SYSCALL_STEPS.has(action)) {
    const kind = (step.state.tasks[step.actor ?? '']?.call ?? before.tasks[step.actor ?? '']?.call)?.kind ?? 'syscall';
    // A step the design names with its own line (kernelNames.ts) is that line's first function.
    const line = action === 'SyscallRecord' && step.actor !== undefined ? recordStepKernel(d, before, p, step.actor) : undefined;
    const lineCall = line !== undefined ? functionsIn(line).find((f) => !GENERIC.has(f)) : undefined;
    const own = lineCall !== undefined ? `${lineCall}()` : d.ownKernelName(action) !== undefined ? kernelCallOf(d, action) : undefined;
    const m = /^[A-Za-z]+\(([^)]*)\)\s*(.*)$/.exec(step.label);
    const args = (m?.[1] ?? '')
      .split(', ')
      .filter((a) => a !== '' && a !== step.actor)
      .join(', ');
    const tail = m?.[2] ?? labelNote(step.label, step.actor);
    return own !== undefined ? { call: own, note: `${kind}(${args}) ${tail}`.trim(), quiet } : { call: `${kind}(${args})`, note: tail, quiet };
  }
  const call = kernelCallOf(d, action) ?? step.label;
  const note = [labelNote(step.label, step.actor), /return/.test(call) ? '' : returns].filter((x) => x !== '').join('; ');
  return { call, ...(note !== '' ? { note } : {}), quiet };
}
