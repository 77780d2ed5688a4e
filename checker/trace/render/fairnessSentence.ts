// fairnessSentence: why a lasso's cycle is a fair behaviour, in a reviewer's words. The checker
// found the cycle fair (liveness/cycleFairness.ts says how it meets each condition); this says
// so, leads with what the spec says the waiting is for (its `waitsOn`: "RevokeDrain is never
// enabled: B's read holds an active reference"), and ends with what stays enabled and is never
// taken because no fairness asks for it (the steps an unfair scheduler may leave for ever).
import type { CycleFairness } from '../../findings.ts';
import type { WaitsFor } from '../../spec.ts';
import { withCode } from './withCode.ts';

/** `codeOf` names the code an action abstracts (the spec's `implementation` hook), shown beside a blocked step. */
export function fairnessSentence(fair: CycleFairness, waits: readonly WaitsFor[], codeOf: (action: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  const blocked = new Map<string, string[]>();
  for (const w of waits) if (w.blocks !== undefined) blocked.set(w.blocks, [...(blocked.get(w.blocks) ?? []), w.why]);
  for (const [action, whys] of blocked) parts.push(`${withCode(action, codeOf(action), ' ')} is never enabled: ${whys.join('; ')}.`);

  const { conditions } = fair;
  if (conditions.length === 0) parts.push('No fairness is assumed, so any cycle is fair.');
  else {
    const strong = conditions.some((c) => c.kind === 'strong');
    const met = (how: CycleFairness['conditions'][number]['met']) => conditions.filter((c) => c.met === how);
    const taken = met('taken');
    const details = [
      taken.length > 0 ? `taken: ${names(taken)}` : 'none taken',
      ...(met('sometimes-disabled').length > 0 ? [`disabled on some of its states: ${names(met('sometimes-disabled'))}`] : []),
      ...(met('never-enabled').length > 0 ? [`never enabled: ${names(met('never-enabled'))}`] : []),
    ];
    parts.push(
      `The cycle is fair: every weakly fair action is taken on it or disabled somewhere on it${
        strong ? ', and every strongly fair one taken on it or never enabled on it' : ''
      } (${details.join('; ')}).`,
    );
  }
  if (fair.unfair.length > 0) {
    parts.push(`Enabled on it but never taken, as no fairness asks for ${fair.unfair.length === 1 ? 'it' : 'them'}: ${names(fair.unfair)}.`);
  }
  return parts.join(' ');
}

/** Actions in order, the actors of one action together: `RevokeDrain, MmapLink[A, B]`. */
function names(items: readonly { readonly action: string; readonly actor?: string }[]): string {
  const byAction = new Map<string, string[]>();
  for (const { action, actor } of items) {
    const actors = byAction.get(action) ?? [];
    if (actor !== undefined) actors.push(actor);
    byAction.set(action, actors);
  }
  return [...byAction].map(([action, actors]) => (actors.length > 0 ? `${action}[${actors.join(', ')}]` : action)).join(', ');
}
