/** Text made safe inside HTML elements and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An SVG file's markup without its XML prolog and doctype, for embedding in HTML. */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/^<!DOCTYPE[^>]*>\s*/, '')
    .trimEnd();
}
