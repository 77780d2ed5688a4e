// designs: the revoke designs the model can check, by the `variant` parameter's names. The kernel
// model asks for the chosen design's hooks (variantOf in access.ts) but imports no design: each
// design is registered here (variants/index.ts registers the built-in ones when the spec loads),
// so every import points from a design to the kernel model, never back.
import type { RevokeParams } from './params.ts';
import type { Variant } from './variant.ts';
import { perParams } from './perParams.ts';

const registered = new Map<string, Variant>();

/** Makes a design checkable under its name; a second design of the same name is a mistake. */
export function registerDesign(design: Variant): void {
  const known = registered.get(design.name);
  if (known !== undefined && known !== design) throw new Error(`two revoke designs are named '${design.name}'`);
  registered.set(design.name, design);
}

/** The design `p.variant` names (once per bounds: the model asks this in every step). */
export const designOf = perParams((p: RevokeParams): Variant => {
  const design = registered.get(p.variant);
  if (design === undefined) throw new Error(`no revoke design named '${p.variant}' is registered (known: ${[...registered.keys()].join(', ')})`);
  return design;
});
