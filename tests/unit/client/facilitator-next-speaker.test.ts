import { describe, expect, it } from 'vitest';
import {
  activeRound,
  nextInRound,
  nextSpeakerCommand,
  upNext,
} from '../../../client/src/views/facilitator/logic/next-speaker';
import type { RoomView, RoundView } from '../../../shared/views';

const member = (id: string, online = true) => ({
  id,
  name: id,
  role: 'member' as const,
  online,
  handRaisedAt: null,
});

const round = (patch: Partial<RoundView> = {}): RoundView => ({
  id: 'r1',
  kind: 'check-in',
  prompt: '',
  turnSeconds: 120,
  revisitPassed: false,
  order: ['a', 'b', 'c', 'd'],
  index: 0,
  outcomes: { a: 'pending', b: 'pending', c: 'pending', d: 'pending' },
  startedAt: 1,
  endedAt: null,
  ...patch,
});

type View = Pick<RoomView, 'round' | 'speaker' | 'hands' | 'members'>;
const view = (patch: Partial<View> = {}): View => ({
  round: null,
  speaker: null,
  hands: [],
  members: ['a', 'b', 'c', 'd'].map((id) => member(id)),
  ...patch,
});

describe('next speaker', () => {
  it('moves the round on from the holder the dashboard saw', () => {
    const v = view({ round: round(), speaker: { memberId: 'a', since: 1 }, hands: ['d'] });
    expect(nextSpeakerCommand(v)).toEqual({ type: 'round.next', from: 'a' });
  });

  it('sends from: null when nobody holds the piece', () => {
    expect(nextSpeakerCommand(view({ round: round() }))).toEqual({ type: 'round.next', from: null });
    expect(nextSpeakerCommand(view({ hands: ['b'] }))).toEqual({ type: 'hand.call', from: null });
  });

  it('calls the next hand outside a round, and does nothing with no hands', () => {
    const v = view({ speaker: { memberId: 'c', since: 1 }, hands: ['b'] });
    expect(nextSpeakerCommand(v)).toEqual({ type: 'hand.call', from: 'c' });
    expect(nextSpeakerCommand(view())).toBeNull();
  });

  it('treats an ended round as no round', () => {
    const ended = view({ round: round({ endedAt: 5 }), hands: ['b'] });
    expect(activeRound(ended)).toBeNull();
    expect(nextSpeakerCommand(ended)).toEqual({ type: 'hand.call', from: null });
  });

  it('skips members who are offline or no longer pending', () => {
    const v = view({
      round: round({ index: 0, outcomes: { a: 'spoke', b: 'pending', c: 'passed', d: 'pending' } }),
      members: [member('a'), member('b', false), member('c'), member('d')],
    });
    expect(nextInRound(v)).toBe('d');
    expect(upNext(v)).toBe('d');
  });

  it('answers null at the end of the round, and the queue head outside one', () => {
    expect(nextInRound(view({ round: round({ index: 3 }) }))).toBeNull();
    expect(upNext(view({ hands: ['c', 'a'] }))).toBe('c');
    expect(upNext(view())).toBeNull();
  });
});
