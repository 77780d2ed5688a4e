// pageLegend: what every colour, mark and line style on the page means, once, beside the table:
// the table's cells, the step list, the sequence diagrams and the object graphs (drawn by
// seqDot.ts, objectsDot.ts and the spec's objectGraph hook, whose styles these swatches repeat).
const swatch = (style: string): string => `<span class="swatch" style="${style}"></span>`;
const line = (style: string): string => `<span class="line" style="${style}"></span>`;

export const pageLegend = [
  '<details class="key" open>',
  '<summary>Key: what the marks, colours and lines mean</summary>',
  '<dl>',
  `<dt>${swatch('background:#fde8e8')} <b>&#10007; 6</b></dt><dd>violated: the shortest trace takes 6 steps (the cell links it)</dd>`,
  `<dt>${swatch('background:#fde8e8')} <b>&#8635; 9</b></dt><dd>violated by a lasso: a behaviour of 9 steps that then repeats for ever</dd>`,
  `<dt>${swatch('background:#e9f7e9')} <b>&#10003;</b></dt><dd>holds in every reachable state (the tooltip counts them)</dd>`,
  `<dt>${swatch('background:#eeeeee')} <i>&ndash;</i>, <i>n/a</i></dt><dd>qualified, no verdict about the design: not exercised, or not applicable (the tooltip says why)</dd>`,
  `<dt>${swatch('outline:2px solid #0057d8;outline-offset:-3px')} <b>&#8800;</b></dt><dd>in the deep table: a cell whose verdict or shortest length differs from the default table's (its trace is linked)</dd>`,
  `<dt>${swatch('background:#dbe8ff')}</dt><dd>the state selected in a step list; its box in the sequence diagram is outlined in blue</dd>`,
  `<dt>${swatch('border-left:4px solid #d08c00')}</dt><dd>a lasso's cycle in the step list; its boxes are amber in the sequence diagram, the step back a dashed amber box and edge</dd>`,
  `<dt>${swatch('border:2px solid #cc0000;background:#fff0f0')}</dt><dd>the breaking step in the sequence diagram, the cause written in it</dd>`,
  `<dt>${line('border-top:2px solid #1f5fbf')}</dt><dd>a message carried between steps (an SCM_RIGHTS hand-off)</dd>`,
  `<dt>${line('border-top:2px solid red')}</dt><dd>in an object graph: a path by which a user still reaches the revoked inode (red nodes are on it)</dd>`,
  `<dt>${line('border-top:2px dashed #cc0000')}</dt><dd>"waits for": whom a waiting revoker waits for; a dashed red box is a freed struct file still named</dd>`,
  `<dt>${line('border-top:2px solid #888888')}</dt><dd>grey: revoked, dead or cut objects, and marker slots (dashed)</dd>`,
  '</dl>',
  '</details>',
].join('\n');
