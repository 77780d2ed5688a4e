// svg: DOT to SVG with Graphviz compiled to WebAssembly (no system `dot`, same bytes on every
// machine: text widths come from Graphviz's built-in font metrics, not the host's fonts).
// Comments are dropped: they carry Graphviz's version and would make bytes depend on it.
import { Graphviz } from '@hpcc-js/wasm-graphviz';

let loaded: Promise<Graphviz> | undefined;

export async function svg(dot: string): Promise<string> {
  loaded ??= Graphviz.load();
  const graphviz = await loaded;
  const out = graphviz.dot(dot, 'svg');
  return out.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/\r\n/g, '\n');
}
