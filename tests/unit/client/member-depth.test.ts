import { describe, expect, it } from 'vitest';
import { currentSegment, minutesLeftText, segmentLine } from '../../../client/src/state/agenda-readout';
import { contactLink } from '../../../client/src/state/contact-link';
import { canHandOn, handToCandidates } from '../../../client/src/state/hand-to';
import type { AgendaView } from '../../../shared/agenda';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { DisplayView, MemberView, RoundView } from '../../../shared/views';

describe('contactLink: support contacts one tap away, and only safe links', () => {
  it.each([
    ['988', 'tel:988', 'Call'],
    ['116 123', 'tel:116123', 'Call'],
    ['+44 (0)20 7946-0958', 'tel:+4402079460958', 'Call'],
    ['Call 0800 1111', 'tel:08001111', 'Call'],
    ['tel:911', 'tel:911', 'Call'],
    ['Text HOME to 741741', 'sms:741741?body=HOME', 'Text'],
    ['SMS 85258', 'sms:85258', 'Text'],
    ['help@example.org', 'mailto:help@example.org', 'Email'],
    ['mailto:jo@example.org', 'mailto:jo@example.org', 'Email'],
    ['samaritans.org', 'https://samaritans.org/', 'Open'],
    ['https://www.example.org/support?lang=en', 'https://www.example.org/support?lang=en', 'Open'],
  ])('%s → %s', (contact, href, verb) => {
    expect(contactLink(contact)).toMatchObject({ href, verb });
  });

  it.each([
    'Ask Sam at the door',
    'javascript:alert(1)',
    'data:text/html,hi',
    '12', // too few digits to dial
    '24/7 line, any time',
    'ftp://example.org/file',
  ])('leaves %s as plain text', (contact) => {
    expect(contactLink(contact)).toBeNull();
  });
});

const agenda = (over: Partial<AgendaView> = {}): AgendaView => ({
  segments: [
    { kind: 'opening', title: 'Opening', plannedMs: 5 * 60_000 },
    { kind: 'check-in', title: 'Check-in', plannedMs: 20 * 60_000 },
  ],
  index: 1,
  timer: { durationMs: 20 * 60_000, startedAt: 1_000_000, elapsedMs: 0 },
  startedAt: 700_000,
  ...over,
});

describe('the agenda segment line', () => {
  it('says the time left in whole minutes, rounded up, then time is up, then minutes over', () => {
    expect(minutesLeftText(11 * 60_000 + 1)).toBe('12 min left');
    expect(minutesLeftText(12 * 60_000)).toBe('12 min left');
    expect(minutesLeftText(1)).toBe('1 min left');
    expect(minutesLeftText(0)).toBe('time is up');
    expect(minutesLeftText(-59_999)).toBe('time is up');
    expect(minutesLeftText(-3 * 60_000)).toBe('3 min over');
  });

  it('reads "Check-in · 12 min left" from the segment timer', () => {
    const now = currentSegment(agenda());
    expect(now?.segment.title).toBe('Check-in');
    expect(now && segmentLine(now, 1_000_000 + 8 * 60_000 + 30_000)).toBe('Check-in · 12 min left');
  });

  it('shows nothing before the start, after the end, or without an agenda', () => {
    expect(currentSegment(null)).toBeNull();
    expect(currentSegment(agenda({ index: null, startedAt: null, timer: null }))).toBeNull();
    expect(currentSegment(agenda({ index: null, timer: null }))).toBeNull();
  });
});

const member = (id: string, online = true): MemberView => ({
  id,
  name: id.toUpperCase(),
  role: 'member',
  online,
  handRaisedAt: null,
});

function view(over: Partial<DisplayView> = {}): DisplayView {
  return {
    version: 1,
    serverNow: 0,
    code: 'ABCDEF',
    title: 'Circle',
    status: 'open',
    settings: { ...DEFAULT_SETTINGS, popcorn: true },
    members: [member('a'), member('b'), member('c'), member('d', false)],
    order: ['a', 'b', 'c', 'd'],
    speaker: { memberId: 'b', since: 0 },
    timer: null,
    round: null,
    hands: [],
    agenda: null,
    agreements: [],
    ...over,
  };
}

const round = (over: Partial<RoundView> = {}): RoundView => ({
  id: 'r',
  kind: 'go-around',
  prompt: '',
  turnSeconds: 60,
  revisitPassed: false,
  order: ['a', 'b', 'c', 'd'],
  index: 1,
  outcomes: { a: 'spoke', b: 'pending', c: 'pending', d: 'pending' },
  startedAt: 0,
  endedAt: null,
  ...over,
});

describe('popcorn: whom the holder may hand the piece to', () => {
  it('offers every other online member outside a round', () => {
    expect(handToCandidates(view(), 'b').map((m) => m.id)).toEqual(['a', 'c']);
  });

  it('offers only those still to speak, in round order, during the holder’s round turn', () => {
    const r = round({
      order: ['a', 'b', 'd', 'c'],
      outcomes: { a: 'spoke', b: 'pending', c: 'pending', d: 'pending' },
    });
    expect(handToCandidates(view({ round: r }), 'b').map((m) => m.id)).toEqual(['c']);
  });

  it('offers everyone when the piece was given outside the holder’s round turn', () => {
    const r = round({ index: 2 });
    expect(handToCandidates(view({ round: r }), 'b').map((m) => m.id)).toEqual(['a', 'c']);
  });

  it('is offered only to the holder, and only with popcorn on', () => {
    expect(canHandOn(view(), 'b')).toBe(true);
    expect(canHandOn(view(), 'a')).toBe(false);
    expect(canHandOn(view({ settings: { ...DEFAULT_SETTINGS, popcorn: false } }), 'b')).toBe(false);
  });
});
