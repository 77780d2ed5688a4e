// knownNames: the one check that the invariants and properties a user named exist (exit 151,
// naming the known ones), for check, simulate and liveness alike.
import type { AnySpec } from './spec.ts';
import { shown, UsageError } from './errors.ts';

export function assertKnownInvariants(spec: AnySpec, names: readonly string[] = []): void {
  const known = Object.keys(spec.invariants);
  for (const name of names) if (!known.includes(name)) throw new UsageError(`unknown invariant ${shown(name)} (known: ${known.join(', ') || 'none'})`);
}

export function assertKnownProperties(spec: AnySpec, names: readonly string[] = []): void {
  const known = Object.keys(spec.properties ?? {});
  for (const name of names) if (!known.includes(name)) throw new UsageError(`unknown property ${shown(name)} (known: ${known.join(', ') || 'none'})`);
}
