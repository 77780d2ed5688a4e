// pageScript: the step-through of index.html, inline (the page loads nothing). Each trace section
// carries its steps as JSON. Selecting a state (prev/next, the arrow keys while the section's
// stepper has the focus, Home and End for the first and last, a click on its row or on its box in
// the sequence diagram, a lasso's row back, or a link `#<stem>-step-<n>`) shows what that step
// changed, gives its box the class `current`, shows that state's object graph and puts the
// state's link in the address bar. On a lasso's last state "next" follows the step back, to the
// state the cycle repeats from, as the behaviour does.
// The pictures (most of the page's bytes) wait in <template>s, gzip'd (html.ts's packedTemplate:
// the browser's own DecompressionStream unpacks them): a section's are drawn when it comes near
// the screen, or when a link or a key selects one of its states; 'drawn' says they are there.
export const pageScript = `
const data = JSON.parse(document.getElementById('trace-data').textContent);
const selectors = new Map();
const unpack = async (base64) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
};
const drawing = new Map();
const draw = (section) => {
  if (!drawing.has(section)) {
    const templates = [...section.querySelectorAll('template')];
    drawing.set(section, Promise.all(templates.map(async (t) => {
      const html = t.dataset.gz === undefined ? undefined : await unpack(t.dataset.gz);
      t.replaceWith(html === undefined ? t.content.cloneNode(true) : document.createRange().createContextualFragment(html));
    })).then(() => section.dispatchEvent(new Event('drawn'))));
  }
  return drawing.get(section);
};
const near = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => entries.forEach((e) => {
      if (!e.isIntersecting) return;
      near.unobserve(e.target);
      draw(e.target);
    }), { rootMargin: '400px 0px' })
  : null;
for (const section of document.querySelectorAll('section.trace')) {
  if (near) near.observe(section); else draw(section);
  const stem = section.dataset.stem;
  const trace = data[stem];
  if (!trace) continue;
  const last = trace.steps.length - 1;
  const rows = section.querySelectorAll('tr.step');
  const stepper = section.querySelector('.stepper');
  const diff = section.querySelector('pre.diff');
  const pos = section.querySelector('.pos');
  let current = last;
  const show = () => {
    section.querySelectorAll('figure.objects').forEach((f) => { f.hidden = Number(f.dataset.state) !== current; });
    section.querySelectorAll('svg .current').forEach((e) => e.classList.remove('current'));
    const box = document.getElementById(stem + '-seq-s' + current);
    if (box) box.classList.add('current');
  };
  // A reader's selection (or a link's) draws the section's pictures; the page's own first one does not.
  const select = (i, byReader, drawNow = byReader) => {
    current = Math.max(0, Math.min(last, i));
    const step = trace.steps[current];
    rows.forEach((r) => r.classList.toggle('selected', Number(r.dataset.state) === current));
    diff.textContent = 'State ' + (current + 1) + ': <' + step.label + '>\\n' + step.lines.join('\\n');
    pos.textContent = 'state ' + (current + 1) + ' of ' + trace.steps.length;
    if (drawNow) draw(section);
    show();
    section.dataset.selected = String(current);
    if (byReader) history.replaceState(null, '', '#' + stem + '-step-' + (current + 1));
  };
  // The state after the current one: on a lasso's last state, the one its step back leads to.
  const following = () => (current === last && trace.loop !== undefined ? trace.loop : current + 1);
  section.addEventListener('drawn', show);
  section.querySelector('button.prev').addEventListener('click', () => select(current - 1, true));
  section.querySelector('button.next').addEventListener('click', () => select(following(), true));
  rows.forEach((r) => r.addEventListener('click', (e) => {
    e.preventDefault();
    select(Number(r.dataset.state), true);
    stepper.focus({ preventScroll: true });
  }));
  section.querySelectorAll('tr.loop').forEach((r) => r.addEventListener('click', () => {
    select(Number(r.dataset.goto), true);
    stepper.focus({ preventScroll: true });
  }));
  const keys = { ArrowLeft: () => current - 1, ArrowUp: () => current - 1, ArrowRight: following, ArrowDown: following, Home: () => 0, End: () => last };
  stepper.addEventListener('keydown', (e) => {
    if (!(e.key in keys) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    select(keys[e.key](), true);
  });
  section.addEventListener('click', (e) => {
    const box = e.target.closest && e.target.closest('figure.seq g.step');
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
  if (select) select(Number(m[2]) - 1, false, true);
};
window.addEventListener('hashchange', follow);
follow();
`;
