// pageScript: the step-through of index.html, inline (the page loads nothing). Each trace section
// carries its steps as JSON. Selecting a state (prev/next, the arrow keys while the section's
// stepper has the focus, a click on its row or on its box in the sequence diagram, a lasso's
// row back, or a link `#<stem>-step-<n>`) shows what that step changed, gives its box the class
// `current`, shows that state's object graph and puts the state's link in the address bar.
export const pageScript = `
const data = JSON.parse(document.getElementById('trace-data').textContent);
const selectors = new Map();
for (const section of document.querySelectorAll('section.trace')) {
  const stem = section.dataset.stem;
  const trace = data[stem];
  if (!trace) continue;
  const rows = section.querySelectorAll('tr.step');
  const figures = section.querySelectorAll('figure.objects');
  const stepper = section.querySelector('.stepper');
  const diff = section.querySelector('pre.diff');
  const pos = section.querySelector('.pos');
  let current = trace.steps.length - 1;
  const select = (i, byReader) => {
    current = Math.max(0, Math.min(trace.steps.length - 1, i));
    const step = trace.steps[current];
    rows.forEach((r) => r.classList.toggle('selected', Number(r.dataset.state) === current));
    figures.forEach((f) => { f.hidden = Number(f.dataset.state) !== current; });
    diff.textContent = 'State ' + (current + 1) + ': <' + step.label + '>\\n' + step.lines.join('\\n');
    pos.textContent = 'state ' + (current + 1) + ' of ' + trace.steps.length;
    section.querySelectorAll('svg .current').forEach((e) => e.classList.remove('current'));
    const box = document.getElementById(stem + '-seq-s' + current);
    if (box) box.classList.add('current');
    section.dataset.selected = String(current);
    if (byReader) history.replaceState(null, '', '#' + stem + '-step-' + (current + 1));
  };
  section.querySelector('button.prev').addEventListener('click', () => select(current - 1, true));
  section.querySelector('button.next').addEventListener('click', () => select(current + 1, true));
  rows.forEach((r) => r.addEventListener('click', (e) => {
    e.preventDefault();
    select(Number(r.dataset.state), true);
    stepper.focus({ preventScroll: true });
  }));
  section.querySelectorAll('tr.loop').forEach((r) => r.addEventListener('click', () => {
    select(Number(r.dataset.goto), true);
    stepper.focus({ preventScroll: true });
  }));
  const keys = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };
  stepper.addEventListener('keydown', (e) => {
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    select(current + keys[e.key], true);
  });
  section.querySelector('figure.seq svg').addEventListener('click', (e) => {
    const box = e.target.closest('g.step');
    const m = box && box.id.match(/-seq-s(\\d+)$/);
    if (!m) return;
    select(Number(m[1]), true);
    stepper.focus({ preventScroll: true });
  });
  selectors.set(stem, select);
  select(current, false);
}
const follow = () => {
  const m = decodeURIComponent(location.hash).match(/^#(.+)-step-(\\d+)$/);
  const select = m && selectors.get(m[1]);
  if (select) select(Number(m[2]) - 1, false);
};
window.addEventListener('hashchange', follow);
follow();
`;
