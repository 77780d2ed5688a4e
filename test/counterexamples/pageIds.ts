import { gunzipSync } from 'node:zlib';

// The ids of an HTML page's elements, as a browser reads them (Graphviz writes `-` as `&#45;`).
export function pageIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&'));
}

/** The ids that occur more than once. */
export function duplicateIds(html: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of pageIds(html)) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** The page as its script draws it: each gzip'd <template> (html.ts's packedTemplate) replaced by its content. */
export function unpackedPage(html: string): string {
  return html.replace(/<template class="[^"]*" data-gz="([^"]*)"><\/template>/g, (_, gz: string) => gunzipSync(Buffer.from(gz, 'base64')).toString('utf8'));
}
