// A lasso in every form: the text sets the cycle apart and ends as TLC does ("Back to state N",
// "Stuttering"), the header says the behaviour goes on for ever, the lanes bracket the cycle and
// mark the guarantee on it, the sequence diagram draws the step back (or the stutter), and each
// says why the cycle is fair.
import { describe, expect, it } from 'vitest';
import { brokenBy } from '../../../../checker/trace/render/brokenBy.ts';
import { lanes } from '../../../../checker/trace/render/lanes.ts';
import { objectsDot } from '../../../../checker/trace/render/objectsDot.ts';
import { seqDot } from '../../../../checker/trace/render/seqDot.ts';
import { textTrace } from '../../../../checker/trace/render/textTrace.ts';
import { clockLasso } from './clockLasso.ts';
import { handoffTrace } from './handoffTrace.ts';

describe('a lasso', () => {
  it('reads as a behaviour that goes on for ever, not as one broken by its last step', async () => {
    expect(brokenBy(await handoffTrace(true))).toBe('after 3 steps');
    expect(brokenBy(await clockLasso('loop'))).toBe('by a behaviour of 4 steps that then goes back to state 3 and loops for ever');
    expect(brokenBy(await clockLasso('stutter'))).toBe('by a behaviour of 1 step that then stutters in state 2 for ever');
  });

  it("sets the cycle apart in the text and ends with TLC's anchor and the fairness sentence", async () => {
    expect(textTrace(await clockLasso('loop'))).toBe(
      [
        'State 1: <Initial predicate>',
        '/\\ state = [0,0]',
        '',
        'State 2: <Tick(p0)>',
        '/\\ [0] = 1',
        '',
        '---- the cycle: states 3 to 5 repeat for ever ----',
        '',
        'State 3: <Tick(p0)>',
        '/\\ [0] = 2',
        '',
        'State 4: <Tick(p1)>',
        '/\\ [1] = 1',
        '',
        'State 5: <Tick(p1)>',
        '/\\ [1] = 2',
        '',
        'Back to state 3: <Wrap(p1)>',
        '',
        'Fairness: The cycle is fair: every weakly fair action is taken on it or disabled somewhere on it',
        '(taken: Tick[p1]; never enabled: Tick[p0]).',
        '',
      ].join('\n'),
    );
    expect(textTrace(await clockLasso('stutter'))).toMatch(
      /---- the cycle: state 2 stutters for ever ----\n\nState 2: <Tick\(p0\)>\n\/\\ \[0\] = 1\n\nState 3: Stuttering\n\nFairness: [^]* Enabled on it but never taken, as no fairness asks for it:\nWrap\.\n$/,
    );
  });

  it('brackets the cycle in the lanes, the step back in its actor column, the guarantee on the cycle', async () => {
    expect(lanes(await clockLasso('loop'))).toBe(
      [
        ' state  p0        p1',
        ' -----  --        --',
        '     2  Tick(p0)',
        '     3  Tick(p0)',
        '+-- the cycle: states 3 to 5 repeat for ever ----',
        '|    4            Tick(p1)',
        '|    5            Tick(p1)',
        '|    3            back to state 3: Wrap(p1)',
        '+-- <- ZeroAgainAndAgain: broken by the cycle, which never ends',
        ' Fairness: The cycle is fair: every weakly fair action is taken on it or disabled somewhere on it',
        ' (taken: Tick[p1]; never enabled: Tick[p0]).',
        '',
      ].join('\n'),
    );
    const stutter = lanes(await clockLasso('stutter')).split('\n');
    expect(stutter.slice(3, 7)).toEqual([
      '+-- the cycle: state 2 stutters for ever ----',
      '|    3  (stuttering: state 2 for ever)',
      '+-- <- ZeroAgainAndAgain: broken by the cycle, which never ends',
      ' Fairness: The cycle is fair: every weakly fair action is taken on it or disabled somewhere on it',
    ]);
  });

  it('draws the step back to the state it repeats from, the cycle in amber, no breaking step', async () => {
    const dot = seqDot(await clockLasso('loop'), 'c');
    expect(dot).toContain('S5_1 [id="c-back", class="step", label="back to state 3: Wrap(p1)", shape=box, style="rounded,dashed,bold"');
    expect(dot).toContain('S5_1 -> S2_0 [id="c-backedge", label="back to state 3", style=dashed');
    expect(dot).toContain('S2_0 [id="c-s2", class="step", label="3: Tick(p0)", shape=box, style="rounded,filled,bold", color="#b35900"');
    expect(dot).toContain('S1_0 [id="c-s1", class="step", label="2: Tick(p0)", shape=box, style="rounded,filled", fillcolor="#ffffff"]');
    expect(dot).toContain(
      'label="test/clocks: ZeroAgainAndAgain is violated by a behaviour of 4 steps that then goes back to state 3 and loops for ever\\nThe cycle is fair:',
    );
    expect(dot).not.toContain('#cc0000');
    expect(dot).not.toContain('<- ZeroAgainAndAgain');
  });

  it('draws a stutter as a loop on the last box', async () => {
    const dot = seqDot(await clockLasso('stutter'), 'c');
    expect(dot).toContain('S1_0 -> S1_0 [id="c-stutter", label="stuttering, for ever", style=dashed');
    expect(dot).not.toContain('c-back');
  });

  it("titles the object graph by the cycle's last state, not as the state that breaks the guarantee", async () => {
    expect(objectsDot(await clockLasso('stutter'), 'o')).toContain('label="test/clocks: state 2, where the behaviour stays for ever (ZeroAgainAndAgain)"');
    expect(objectsDot(await clockLasso('loop'), 'o')).toContain('label="test/clocks: state 5, the last of the cycle that never ends (ZeroAgainAndAgain)"');
    expect(objectsDot(await handoffTrace(true), 'o')).toContain('label="test/handoff: the state that breaks no-usable-descriptor"');
  });
});
