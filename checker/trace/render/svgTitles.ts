// svgTitles: Graphviz gives every graph, node and edge group a <title> holding its DOT name
// (`S1_0`, `task:A->fd:A:3`), which a browser shows as the hover tooltip: internal names a
// reader cannot use. Each title is replaced by the words its group draws (a step box's label,
// an edge's label, the graph's own label); a group that draws no words (a lifeline, a point)
// loses its title, so the tooltip is the enclosing graph's label.
//
// Graphviz writes a group as `<g id=.. class=..>`, its `<title>`, its shapes and texts, then the
// next group or `</g>`: the words of a group are the <text> elements up to that point. The root
// graph's label is drawn before its first node, so the root's title becomes that label.
const TITLE = /<title>[^<]*<\/title>\n?([\s\S]*?)(?=<g[\s>]|<\/g>)/g;
const TEXT = /<text[^>]*>([^<]*)<\/text>/g;

export function svgTitles(svg: string): string {
  return svg.replace(TITLE, (_whole, body: string) => {
    const words = [...body.matchAll(TEXT)].map((m) => m[1]!.trim()).filter((w) => w !== '');
    return words.length > 0 ? `<title>${words.join(' ')}</title>\n${body}` : body;
  });
}
