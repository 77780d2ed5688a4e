// pageScript: the step-through of index.html, inline (the page loads nothing). Each trace section
// carries its steps as JSON; selecting a step (prev/next or a click on its row) shows what that
// step changed and gives its box in the sequence diagram the class `current`.
export const pageScript = `
const data = JSON.parse(document.getElementById('trace-data').textContent);
for (const section of document.querySelectorAll('section.trace')) {
  const trace = data[section.dataset.stem];
  const rows = section.querySelectorAll('tr.step');
  const diff = section.querySelector('pre.diff');
  const pos = section.querySelector('.pos');
  let current = trace.steps.length - 1;
  const select = (i) => {
    current = Math.max(0, Math.min(trace.steps.length - 1, i));
    const step = trace.steps[current];
    rows.forEach((r, j) => r.classList.toggle('selected', j === current));
    diff.textContent = 'State ' + (current + 1) + ': <' + step.label + '>\\n' + step.lines.join('\\n');
    pos.textContent = 'state ' + (current + 1) + ' of ' + trace.steps.length;
    section.querySelectorAll('svg .current').forEach((e) => e.classList.remove('current'));
    const box = document.getElementById(section.dataset.stem + '-seq-s' + current);
    if (box) box.classList.add('current');
    section.dataset.selected = String(current);
  };
  section.querySelector('button.prev').addEventListener('click', () => select(current - 1));
  section.querySelector('button.next').addEventListener('click', () => select(current + 1));
  rows.forEach((r, j) => r.addEventListener('click', () => select(j)));
  select(current);
}
`;
