// Which `variant` values are design files: an absolute path to a module (the CLI's --design makes
// it absolute). A module of its own so that the parameters can tell without loading anything.

/** Is this `variant` value a design file rather than a built-in design's name? */
export function isDesignPath(variant: string): boolean {
  return variant.startsWith('/') && /\.(ts|mts|cts|js|mjs|cjs)$/.test(variant);
}
