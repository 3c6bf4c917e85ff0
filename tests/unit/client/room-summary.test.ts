import { describe, expect, it } from 'vitest';
import {
  handPosition,
  memberName,
  nextUp,
  ordinal,
  roundProgress,
  runningRound,
  turnsBefore,
} from '../../../client/src/state/room-summary';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { DisplayView, MemberView, RoundView } from '../../../shared/views';

const member = (id: string, name: string, online = true): MemberView => ({
  id,
  name,
  role: 'member',
  online,
  handRaisedAt: null,
});

const round = (over: Partial<RoundView> = {}): RoundView => ({
  id: 'r1',
  kind: 'check-in',
  prompt: 'How are you?',
  turnSeconds: 120,
  revisitPassed: false,
  order: ['a', 'b', 'c', 'd'],
  index: 0,
  outcomes: { a: 'pending', b: 'pending', c: 'pending', d: 'pending' },
  startedAt: 1000,
  endedAt: null,
  ...over,
});

const view = (over: Partial<DisplayView> = {}): DisplayView => ({
  version: 3,
  serverNow: 5000,
  code: 'K7MPQ3',
  title: 'Tuesday',
  status: 'open',
  settings: DEFAULT_SETTINGS,
  members: [member('a', 'Ana'), member('b', 'Ben'), member('c', 'Cleo', false), member('d', 'Dev')],
  order: ['a', 'b', 'c', 'd'],
  speaker: null,
  timer: null,
  round: null,
  hands: [],
  agenda: null,
  agreements: [],
  ...over,
});

describe('room summary', () => {
  it('names members and gives null for nobody', () => {
    expect(memberName(view(), 'b')).toBe('Ben');
    expect(memberName(view(), null)).toBeNull();
    expect(memberName(view(), 'zz')).toBeNull();
  });

  it('treats a round with endedAt as finished', () => {
    expect(runningRound(view({ round: round() }))).not.toBeNull();
    expect(runningRound(view({ round: round({ endedAt: 9000 }) }))).toBeNull();
  });

  it('names the next pending online member of the round, skipping offline ones', () => {
    expect(nextUp(view({ round: round() }))?.name).toBe('Ben');
    const afterBen = round({ index: 1, outcomes: { a: 'spoke', b: 'pending', c: 'pending', d: 'pending' } });
    expect(nextUp(view({ round: afterBen }))?.name).toBe('Dev'); // Cleo is offline
    expect(nextUp(view({ round: round({ index: 3 }) }))).toBeNull();
  });

  it('names the first raised hand outside a round', () => {
    expect(nextUp(view({ hands: ['d', 'a'] }))?.name).toBe('Dev');
    expect(nextUp(view())).toBeNull();
  });

  it('counts outcomes and the current turn', () => {
    const r = round({ index: 2, outcomes: { a: 'spoke', b: 'passed', c: 'pending', d: 'pending' } });
    expect(roundProgress(r)).toEqual({
      turn: 3,
      total: 4,
      counts: { spoke: 1, passed: 1, pending: 2, absent: 0 },
      toCome: 1,
    });
  });

  it('counts the pending turns before a member', () => {
    expect(turnsBefore(round(), 'b')).toBe(0);
    expect(turnsBefore(round(), 'd')).toBe(2);
    const cleoAbsent = round({ outcomes: { a: 'pending', b: 'pending', c: 'absent', d: 'pending' } });
    expect(turnsBefore(cleoAbsent, 'd')).toBe(1);
    expect(turnsBefore(round(), 'a')).toBeNull(); // speaking now
    expect(turnsBefore(round(), 'zz')).toBeNull();
  });

  it('gives the place in the hand queue', () => {
    expect(handPosition(view({ hands: ['d', 'a'] }), 'a')).toBe(2);
    expect(handPosition(view({ hands: ['d'] }), 'a')).toBeNull();
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
  ])('ordinal(%i) is %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});
