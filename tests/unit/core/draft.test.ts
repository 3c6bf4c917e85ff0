import { describe, expect, it } from 'vitest';
import { deepFreeze, draftOf, own, ownMember, ownRound, ownStats } from '../../../server/core/draft';
import { FACILITATOR, roomWith, run, T0 } from './fixtures';

describe('draft: copy-on-write by hand', () => {
  const base = run(
    roomWith(['a', 'b', 'c']),
    { type: 'round.start', kind: 'check-in', prompt: 'How are you arriving?' },
    FACILITATOR,
    T0,
  );

  it('copies a part once per command and hands back that copy on every later call', () => {
    const draft = draftOf(base);
    expect(draft).not.toBe(base);
    expect(draft).toEqual(base);
    expect(Object.keys(draft)).toEqual(Object.keys(base));
    const hands = own(draft, 'hands');
    expect(hands).not.toBe(base.hands);
    expect(own(draft, 'hands')).toBe(hands);
    expect(draft.hands).toBe(hands);
    // A new command's draft owns nothing of the state it was made from.
    expect(own(draftOf(base), 'hands')).not.toBe(base.hands);
  });

  it('copies only the member changed, and the list that holds them', () => {
    const draft = draftOf(base);
    const b = ownMember(draft, 'b');
    b.online = false;
    expect(ownMember(draft, 'b')).toBe(b);
    expect(draft.members).not.toBe(base.members);
    expect(draft.members[0]).toBe(base.members[0]);
    expect(draft.members[1]).toBe(b);
    expect(base.members[1]?.online).toBe(true);
  });

  it('keeps the statistics a dictionary (null prototype), and the round’s order and outcomes its own', () => {
    const draft = draftOf(base);
    ownStats(draft, 'a').turns = 5;
    expect(Object.getPrototypeOf(draft.stats)).toBe(Object.getPrototypeOf(base.stats));
    expect(base.stats.a?.turns).toBe(0);
    const round = ownRound(draft);
    round.order.push('a');
    round.outcomes.a = 'spoke';
    expect(ownRound(draft)).toBe(round);
    expect(base.round?.order).toEqual(['a', 'b', 'c']);
    expect(base.round?.outcomes.a).toBe('pending');
  });

  it('deepFreeze freezes every part, so a write to a part not made its own throws', () => {
    const state = structuredClone(base);
    deepFreeze(state);
    expect(Object.isFrozen(state.members[2])).toBe(true);
    expect(Object.isFrozen(state.round?.outcomes)).toBe(true);
    expect(() => draftOf(state).hands.push('a')).toThrow(TypeError);
  });
});
