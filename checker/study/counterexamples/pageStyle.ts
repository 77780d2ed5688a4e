// pageStyle: index.html's style sheet (inline, as the page loads nothing). On a phone the page
// itself never scrolls sideways: what is wider than the screen (the table, the lanes, the step
// list, each picture) scrolls inside its own pane, and pictures keep their size, as shrinking an
// SVG to the screen's width would shrink its text past reading. The table scrolls in a pane of
// its own, both ways, so its header row and design column can stay in view (sticky) on a
// desktop and a phone alike; a cell is a mark, its words in a tooltip. On a wide screen a
// trace's step list, the selected step's diff and its object graph sit side by side.
export const pageStyle = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
@media (max-width: 600px) { body { margin: 0.8em; } }
h1, h2, p { overflow-wrap: anywhere; }
.scroll { max-width: 100%; overflow-x: auto; }
table.guarantees td, table.guarantees th { border-right: 1px solid #ccc; border-bottom: 1px solid #ccc; padding: 4px 8px; }
table.guarantees { border-collapse: separate; border-spacing: 0; border-top: 1px solid #ccc; border-left: 1px solid #ccc; }
.table-pane { max-height: 75vh; overflow: auto; }
table.guarantees thead th { position: sticky; top: 0; z-index: 2; background: #f4f4f4; max-width: 9em; vertical-align: bottom; }
table.guarantees thead th code { white-space: normal; }
table.guarantees th.design { position: sticky; left: 0; z-index: 1; background: #f4f4f4; text-align: left; white-space: nowrap; }
table.guarantees thead th.corner { left: 0; z-index: 3; }
table.guarantees td { text-align: center; white-space: nowrap; }
table.guarantees td a { text-decoration: none; font-weight: bold; color: #a00000; }
td.violated.lasso { box-shadow: inset 0 -3px 0 #d08c00; }
table.guarantees td.differs { outline: 2px solid #0057d8; outline-offset: -3px; }
p.stale { border-left: 4px solid #d08c00; padding-left: 0.6em; font-weight: bold; }
.key dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 0.8em; margin: 0.4em 0; }
.key dt { text-align: right; } .key dd { margin: 0; }
.swatch { display: inline-block; width: 1.6em; height: 1em; vertical-align: middle; border: 1px solid #ccc; }
.line { display: inline-block; width: 2.4em; height: 0; vertical-align: middle; }
p.cause { border-left: 4px solid #cc0000; padding-left: 0.6em; }
.panes { display: grid; gap: 1em; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 1100px) { .panes { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.4fr); align-items: start; } }
.pane { min-width: 0; }
td.violated { background: #fde8e8; } td.holds { background: #e9f7e9; }
td.qualified { background: #eeeeee; color: #555; font-style: italic; }
section.trace { border-top: 2px solid #ddd; margin-top: 2em; padding-top: 1em; }
.pics { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.pics figure { margin: 0; min-width: 0; max-width: 100%; }
table.steps { border-collapse: collapse; margin: 0.5em 0; }
table.steps td { padding: 2px 8px; font-family: monospace; cursor: pointer; }
tr.step.selected { background: #dbe8ff; }
table.steps a { color: inherit; }
tr.cycle td:first-child { border-left: 4px solid #d08c00; }
tr.loop td { color: #8a5d00; font-style: italic; cursor: pointer; }
tr.loop td:first-child { border-left: 4px solid #d08c00; }
p.lasso { border-left: 4px solid #d08c00; padding-left: 0.6em; }
.stepper:focus-within { outline: 2px solid #0057d8; outline-offset: 4px; }
.hint { color: #777; font-size: 12px; }
svg g.step { cursor: pointer; }
pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
svg .current > polygon, svg .current > path { stroke: #0057d8; stroke-width: 4; }
svg .current > text { font-weight: bold; }
`;
