// svg: DOT to SVG with Graphviz compiled to WebAssembly (no system `dot`, same bytes on every
// machine: text widths come from Graphviz's built-in font metrics, not the host's fonts).
// Comments are dropped: they carry Graphviz's version and would make bytes depend on it. Tooltips
// show the words a box draws, not its DOT name (svgTitles.ts).
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { svgTitles } from './svgTitles.ts';

let loaded: Promise<Graphviz> | undefined;

export async function svg(dot: string): Promise<string> {
  loaded ??= Graphviz.load();
  const graphviz = await loaded;
  const out = graphviz.dot(dot, 'svg');
  return svgTitles(out.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/\r\n/g, '\n'));
}
