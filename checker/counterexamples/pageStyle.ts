// pageStyle: index.html's style sheet (inline, as the page loads nothing).
export const pageStyle = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table.guarantees td, table.guarantees th { border: 1px solid #ccc; padding: 4px 8px; }
table.guarantees { border-collapse: collapse; }
td.violated { background: #fde8e8; } td.holds { background: #e9f7e9; }
td.qualified { background: #eeeeee; color: #555; font-style: italic; }
section.trace { border-top: 2px solid #ddd; margin-top: 2em; padding-top: 1em; }
.pics { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.pics svg { max-width: 100%; height: auto; }
table.steps { border-collapse: collapse; margin: 0.5em 0; }
table.steps td { padding: 2px 8px; font-family: monospace; cursor: pointer; }
tr.step.selected { background: #dbe8ff; }
pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
svg .current > polygon, svg .current > path { stroke: #0057d8; stroke-width: 4; }
svg .current > text { font-weight: bold; }
`;
