// The bounded constants of the revoke model (docs/research/domain.md's parameter table; its names win).
import type { RevokeParams } from '../api/designApi.ts';
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
  'debugfs-removal',
  'procfs-removal',
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

export type { RevokeParams } from '../api/designApi.ts';

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
  // Each design's documented use (its `holderOwns` field): the holders own I unless the revoker chowned it first.
  owner: 'design',
  // A signal to the revoker mid-wait (configs/revoker-signal.json): off, so the table's counts are the signal-free ones.
  revokerSignal: false,
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
    'revokerSignal',
  ] as const;
  for (const flag of flags) {
    if (typeof p[flag] !== 'boolean') errors.push(`${flag} must be true or false, not ${JSON.stringify(p[flag])}`);
  }
  if (p.owner !== 'design' && p.owner !== 'holder' && p.owner !== 'other') errors.push(`owner must be design, holder or other, not '${p.owner}'`);
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
