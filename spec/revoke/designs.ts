// designs: the design a `variant` value names: a built-in design by its name (variants/index.ts),
// or a design file by its absolute path (kernel/designFile.ts loads it). Nothing is registered:
// the spec of a design is built from the design itself (revokeSpec.ts), so no part of the model
// looks a design up while it runs.
import { DesignFileError, loadDesignFile } from './kernel/designFile.ts';
import { isDesignPath } from './kernel/designPath.ts';
import type { Design } from './api/designApi.ts';
import { builtInDesigns } from './variants/index.ts';

/** The design `variant` names (DesignFileError, exit 150, if it names none or a file that cannot be used). */
export function designNamed(variant: string): Design {
  if (isDesignPath(variant)) {
    const design = loadDesignFile(variant);
    if (Object.hasOwn(builtInDesigns, design.name)) throw new DesignFileError(`design ${variant} is named '${design.name}', as another design already is`);
    return design;
  }
  const design = Object.hasOwn(builtInDesigns, variant) ? builtInDesigns[variant] : undefined;
  if (design === undefined) {
    throw new DesignFileError(`unknown variant '${variant}' (known: ${Object.keys(builtInDesigns).join(', ')}; or the path of a design file)`);
  }
  return design;
}
