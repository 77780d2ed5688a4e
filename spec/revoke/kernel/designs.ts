// designs: the revoke designs the model can check, by the `variant` parameter's names. The kernel
// model asks for the chosen design's hooks (variantOf in access.ts) but imports no design: each
// design is registered here (variants/index.ts registers the built-in ones when the spec loads),
// so every import points from a design to the kernel model, never back.
import type { RevokeParams } from './params.ts';
import type { Variant } from './variant.ts';
import { perParams } from './perParams.ts';
import { DesignFileError, loadDesignFile } from './designFile.ts';
import { isDesignPath } from './designPath.ts';

const registered = new Map<string, Variant>();
const byFile = new Map<string, Variant>();
let version = 0;

/** Makes a design checkable under its name; a second design of the same name is a mistake. */
export function registerDesign(design: Variant): void {
  const known = registered.get(design.name);
  if (known !== undefined && known !== design) throw new DesignFileError(`two revoke designs are named '${design.name}'`);
  registered.set(design.name, design);
  version++;
}

/** Every design registered so far, built-in ones first; `designsVersion` changes when one is added. */
export function registeredDesigns(): readonly Variant[] {
  return [...registered.values()];
}
export function designsVersion(): number {
  return version;
}

/**
 * The design a `variant` value names: a built-in design's name, or the absolute path of a design
 * file, which is loaded and registered the first time (DesignFileError if it cannot be).
 */
export function designNamed(variant: string): Variant {
  if (isDesignPath(variant)) {
    let design = byFile.get(variant);
    if (design === undefined) {
      design = loadDesignFile(variant);
      if (registered.has(design.name)) throw new DesignFileError(`design ${variant} is named '${design.name}', as another design already is`);
      registerDesign(design);
      byFile.set(variant, design);
    }
    return design;
  }
  const design = registered.get(variant);
  if (design === undefined)
    throw new DesignFileError(`unknown variant '${variant}' (known: ${[...registered.keys()].join(', ')}; or the path of a design file)`);
  return design;
}

/** The design `p.variant` names (once per bounds: the model asks this in every step). */
export const designOf = perParams((p: RevokeParams): Variant => designNamed(p.variant));
