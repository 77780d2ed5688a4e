import { describe, expect, it } from 'vitest';
import { fairnessSentence } from '../../../../checker/trace/render/fairnessSentence.ts';
import { wrapText } from '../../../../checker/trace/render/wrapText.ts';

describe('fairnessSentence', () => {
  it("leads with the step a wait keeps disabled, groups a per-actor action's actors, ends with what no fairness asks for", () => {
    const sentence = fairnessSentence(
      {
        conditions: [
          { name: 'WF(Drain)', kind: 'weak', action: 'Drain', met: 'never-enabled' },
          { name: 'WF(End[A])', kind: 'weak', action: 'End', actor: 'A', met: 'taken' },
          { name: 'WF(End[B])', kind: 'weak', action: 'End', actor: 'B', met: 'taken' },
          { name: 'WF(Poll)', kind: 'weak', action: 'Poll', met: 'sometimes-disabled' },
          { name: 'SF(GiveUp)', kind: 'strong', action: 'GiveUp', met: 'never-enabled' },
        ],
        unfair: [{ action: 'EndStuck' }, { action: 'Read', actor: 'A' }],
      },
      [
        { waiter: 'revoker', holder: 'call:B', why: "B's read holds an active reference", blocks: 'Drain' },
        { waiter: 'revoker', holder: 'vma:A', why: "A's mmap holds an active reference", blocks: 'Drain' },
        { waiter: 'x', holder: 'y', why: 'not about a step' },
      ],
    );
    expect(sentence).toBe(
      "Drain is never enabled: B's read holds an active reference; A's mmap holds an active reference. " +
        'The cycle is fair: every weakly fair action is taken on it or disabled somewhere on it, and every strongly fair one taken on it or never enabled on it ' +
        '(taken: End[A, B]; disabled on some of its states: Poll; never enabled: Drain, GiveUp). ' +
        'Enabled on it but never taken, as no fairness asks for them: EndStuck, Read[A].',
    );
  });

  it('names the code a blocked step abstracts beside it', () => {
    const fair = { conditions: [], unfair: [] };
    const waits = [{ waiter: 'revoker', holder: 'revoker', why: 'the revoker holds an active reference itself', blocks: 'RevokeDrain' }];
    expect(fairnessSentence(fair, waits, (a) => (a === 'RevokeDrain' ? 'kernfs_drain' : undefined))).toMatch(
      /^RevokeDrain \[kernfs_drain\] is never enabled: the revoker holds an active reference itself\. /,
    );
  });

  it('says any cycle is fair when no fairness is assumed', () => {
    expect(fairnessSentence({ conditions: [], unfair: [] }, [])).toBe('No fairness is assumed, so any cycle is fair.');
  });
});

describe('wrapText', () => {
  it('breaks at spaces, never inside brackets, a long word on its own line', () => {
    expect(wrapText('never enabled: MmapLink[A, B], OpenFile[A, B]', 24)).toEqual(['never enabled:', 'MmapLink[A, B],', 'OpenFile[A, B]']);
    expect(wrapText('a averyveryverylongword b', 5)).toEqual(['a', 'averyveryverylongword', 'b']);
  });
});
