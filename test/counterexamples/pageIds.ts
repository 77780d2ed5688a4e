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
