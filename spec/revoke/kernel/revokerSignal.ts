// RevokeSignal: a signal delivered to the revoking task while it sleeps in a wait that the real
// code makes interruptible or killable (a step's `onSignal`), under the `revokerSignal` bound.
// The sleeper returns early (-EINTR, or the Hurd's EINTR from a cancelled
// pthread_hurd_cond_wait_np) and the revoker moves to the stage the step's `onSignal` names; what
// it does from there is the design's own steps (give up with an error, or carry on without the
// wait, as diskfs_S_io_revoke does).
//
// Abstracted, and why that is sound:
// - The signal is only seen while the revoker sleeps: the step is at its stage and someone is
//   still to be waited for. A signal that comes before the sleep is the same event (a pending
//   signal, or the Hurd's cancel flag, ends the sleep as it begins: signal_pending() in
//   prepare_to_wait_event, pthread_hurd_cond_wait_np's check on entry), one that comes after the
//   wait is over wakes nothing; a wait with no one left never sleeps (the kernel's wait loops test
//   their condition first).
// - It is an environment event, not the revoker's progress: no fairness covers it (liveness.ts
//   names only the design's own steps), so a run may or may not meet a signal.
// - Each sleep is ended at most once: the step leaves the wait's stage. A design with several
//   interruptible sleeps meets one signal in each, the widest reading of "a signal may come".
import type { RevokerStep } from '../api/designApi.ts';
import { type KernelStep, SIGNAL_STEP } from './install.ts';
import { revokerStep } from './revokerSteps.ts';

/** The RevokeSignal step for each of `steps` whose wait a signal ends, in step order. */
export function signalSteps(steps: readonly (RevokerStep & Pick<KernelStep, 'atStep'>)[]): KernelStep[] {
  return steps.flatMap((step) => {
    const { onSignal, waitsFor } = step.facts;
    if (onSignal === undefined || waitsFor === undefined) return [];
    return [
      revokerStep({
        name: SIGNAL_STEP,
        doc: `A ${onSignal.sleep === 'killable' ? 'fatal ' : ''}signal to the revoker ends its ${onSignal.sleep} sleep in ${step.name}: ${onSignal.kernel}.`,
        kernel: onSignal.kernel,
        to: onSignal.to,
        enabled: (s, p) => p.revokerSignal && step.atStep(s, p) && waitsFor.holders(s, p).length > 0,
        next: (s) => s,
        label: () => `RevokeSignal: ${step.name}'s ${onSignal.sleep} sleep ends (EINTR)`,
      }),
    ];
  });
}
