import { describe, expect, it } from 'vitest';
import {
  agendaStatus,
  draftFromAgenda,
  minutesWords,
  overrunWords,
  sameAsAgenda,
  segmentState,
  segmentsFromDraft,
} from '../../../client/src/views/facilitator/logic/agenda-plan';
import { fairnessSummary } from '../../../client/src/views/facilitator/logic/fairness';
import { textsUpdate } from '../../../client/src/views/facilitator/logic/room-texts-draft';
import { type KeyLike, SHORTCUTS, shortcutFor } from '../../../client/src/views/facilitator/logic/shortcuts';
import {
  csvCell,
  resultShares,
  summaryFileName,
  summaryRows,
  summaryToCsv,
} from '../../../client/src/views/facilitator/logic/summary-export';
import type { AgendaView } from '../../../shared/agenda';
import type { Summary } from '../../../shared/summary';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

/** Opening 5, Check-in 15, "Sleep" (discussion) 30, Closing 10: one hour. */
const plan = (patch: Partial<AgendaView> = {}): AgendaView => ({
  segments: [
    { kind: 'opening', title: 'Opening', plannedMs: 5 * MIN },
    { kind: 'check-in', title: 'Check-in', plannedMs: 15 * MIN },
    { kind: 'discussion', title: 'Sleep', plannedMs: 30 * MIN },
    { kind: 'closing', title: 'Closing', plannedMs: 10 * MIN },
  ],
  index: null,
  timer: null,
  startedAt: null,
  ...patch,
});

describe('agenda plan', () => {
  it('turns the room agenda into editor rows and back, leaving kind names blank', () => {
    const rows = draftFromAgenda(plan());
    expect(rows).toEqual([
      { kind: 'opening', title: '', minutes: '5' },
      { kind: 'check-in', title: '', minutes: '15' },
      { kind: 'discussion', title: 'Sleep', minutes: '30' },
      { kind: 'closing', title: '', minutes: '10' },
    ]);
    expect(segmentsFromDraft(rows)).toEqual({
      ok: true,
      segments: [
        { kind: 'opening', minutes: 5 },
        { kind: 'check-in', minutes: 15 },
        { kind: 'discussion', title: 'Sleep', minutes: 30 },
        { kind: 'closing', minutes: 10 },
      ],
    });
    expect(sameAsAgenda(rows, plan())).toBe(true);
    expect(draftFromAgenda(null)).toEqual([]);
  });

  it.each([
    ['0', 'Segment 1: please plan between 1 and 240 whole minutes.'],
    ['241', 'Segment 1: please plan between 1 and 240 whole minutes.'],
    ['2.5', 'Segment 1: please plan between 1 and 240 whole minutes.'],
    ['', 'Segment 1: please plan between 1 and 240 whole minutes.'],
  ])('refuses %j minutes with a message for people', (minutes, message) => {
    expect(segmentsFromDraft([{ kind: 'custom', title: '', minutes }])).toEqual({ ok: false, message });
  });

  it('refuses more than 30 segments with the shared schema’s message', () => {
    const rows = Array.from({ length: 31 }, () => ({ kind: 'break' as const, title: '', minutes: '1' }));
    expect(segmentsFromDraft(rows)).toEqual({ ok: false, message: 'Please keep the agenda to 30 segments.' });
  });

  it('before the start: no segment, the plan begins now', () => {
    const s = agendaStatus(plan(), T0);
    expect(s.phase).toBe('planned');
    expect(s.current).toBeNull();
    expect(s.nextTitle).toBe('Opening');
    expect(s.projection).toEqual({ projectedEndAt: T0 + 60 * MIN, overrunMs: 0 });
    expect(segmentState(plan(), 0)).toBe('todo');
  });

  it('in a segment: its own timer, the next title and an overrun against the plan', () => {
    // Started at T0, the opening ran 8 minutes instead of 5; the check-in began at T0 + 8 min.
    const agenda = plan({
      index: 1,
      startedAt: T0,
      timer: { durationMs: 15 * MIN, startedAt: T0 + 8 * MIN, elapsedMs: 0 },
    });
    const now = T0 + 10 * MIN;
    const s = agendaStatus(agenda, now);
    expect(s.phase).toBe('running');
    expect(s.current).toEqual({ index: 1, title: 'Check-in', plannedMs: 15 * MIN, remainingMs: 13 * MIN });
    expect(s.nextTitle).toBe('Sleep');
    expect(s.projection).toEqual({ projectedEndAt: now + 13 * MIN + 40 * MIN, overrunMs: 3 * MIN });
    expect(overrunWords(s.projection?.overrunMs ?? 0)).toBe('3 min over plan');
    expect([0, 1, 2].map((i) => segmentState(agenda, i))).toEqual(['done', 'current', 'todo']);
  });

  it('in overtime the segment shows negative time and the overrun keeps growing', () => {
    const agenda = plan({
      index: 3,
      startedAt: T0,
      timer: { durationMs: 10 * MIN, startedAt: T0 + 50 * MIN, elapsedMs: 0 },
    });
    const s = agendaStatus(agenda, T0 + 62 * MIN);
    expect(s.current?.remainingMs).toBe(-2 * MIN);
    expect(s.nextTitle).toBeNull();
    expect(s.projection?.overrunMs).toBe(2 * MIN);
  });

  it('once finished: nothing current, no projection, every segment done', () => {
    const agenda = plan({ index: null, startedAt: T0 });
    const s = agendaStatus(agenda, T0 + 70 * MIN);
    expect(s.phase).toBe('finished');
    expect(s.projection).toBeNull();
    expect(segmentState(agenda, 3)).toBe('done');
  });

  it('says overruns and lengths in words', () => {
    expect(overrunWords(59_999)).toBe('on plan');
    expect(overrunWords(-4 * MIN - 10)).toBe('4 min ahead of plan');
    expect(minutesWords(45 * MIN)).toBe('45 min');
    expect(minutesWords(60 * MIN)).toBe('1 h');
    expect(minutesWords(80 * MIN)).toBe('1 h 20 min');
  });
});

describe('room texts draft', () => {
  const current = { agreements: ['What is said here stays here.'], disclaimer: '', resources: [] };

  it('sends only the texts that changed, trimmed, without blank rows', () => {
    const result = textsUpdate(current, {
      agreements: ['What is said here stays here.', '  One voice at a time. ', '   '],
      disclaimer: '',
      resources: [
        { label: ' Crisis line ', contact: ' 988 ' },
        { label: '', contact: '' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      update: {
        type: 'room.update',
        agreements: ['What is said here stays here.', 'One voice at a time.'],
        resources: [{ label: 'Crisis line', contact: '988' }],
      },
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(textsUpdate(current, { ...current, agreements: [...current.agreements, ''] })).toEqual({
      ok: true,
      update: null,
    });
  });

  it('refuses what the server would refuse, naming the row', () => {
    expect(textsUpdate(current, { ...current, resources: [{ label: 'Crisis line', contact: ' ' }] })).toEqual(
      { ok: false, message: 'Contacts, row 1: Please enter how to reach them.' },
    );
    expect(textsUpdate(current, { ...current, agreements: ['x'.repeat(201)] })).toEqual({
      ok: false,
      message: 'Agreements, row 1: Please keep each agreement to 200 characters.',
    });
    expect(
      textsUpdate(current, { ...current, agreements: Array.from({ length: 13 }, (_, i) => `A${i}`) }),
    ).toEqual({ ok: false, message: 'Please keep to 12 agreements.' });
    expect(textsUpdate(current, { ...current, disclaimer: 'x'.repeat(601) })).toEqual({
      ok: false,
      message: 'Please keep the note to 600 characters.',
    });
  });
});

describe('summary export', () => {
  const summary: Summary = {
    title: 'Tuesday circle: "grief" & loss',
    startedAt: Date.UTC(2026, 10, 25, 18, 0),
    endedAt: Date.UTC(2026, 10, 25, 19, 30, 5),
    rounds: 2,
    members: [
      { name: 'Ana', spokenMs: 90_000, turns: 2, passes: 0 },
      { name: '=HYPERLINK("x")', spokenMs: 30_000, turns: 1, passes: 1 },
      { name: 'Ben, Jr.', spokenMs: 0, turns: 0, passes: 1 },
    ],
    pulses: [
      { question: 'How supported do you feel today?', answered: 4, results: [0, 1, 0, 2, 1] },
      { question: 'Energy?', answered: 2, results: null },
    ],
  };

  it('gives each member their share of the speaking time', () => {
    expect(summaryRows(summary).map((r) => r.share)).toEqual([0.75, 0.25, 0]);
  });

  it('escapes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell('Ben, Jr.')).toBe('"Ben, Jr."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-2)).toBe('-2');
  });

  it('writes a readable CSV with the meeting, the members and the questions', () => {
    const lines = summaryToCsv(summary).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'Circle,"Tuesday circle: ""grief"" & loss"',
      'Started,2026-11-25T18:00:00.000Z',
      'Ended,2026-11-25T19:30:05.000Z',
      'Duration,1:30:05',
      'Rounds,2',
    ]);
    expect(lines).toContain('Ana,1:30,90,75,2,0');
    expect(lines).toContain(`"'=HYPERLINK(""x"")",0:30,30,25,1,1`);
    expect(lines).toContain('"Ben, Jr.",0:00,0,0,0,1');
    expect(lines).toContain('How supported do you feel today?,4,0,1,0,2,1');
    expect(lines).toContain('Energy?,2,,,,,');
  });

  it('names the file after the title and the day', () => {
    expect(summaryFileName(summary, 'csv')).toBe('tuesday-circle-grief-loss-summary-2026-11-25.csv');
    expect(summaryFileName({ ...summary, title: '☕☕' }, 'json')).toBe('circle-summary-2026-11-25.json');
  });

  it('turns counts into bar shares', () => {
    expect(resultShares([0, 1, 0, 2, 1])).toEqual([0, 0.25, 0, 0.5, 0.25]);
    expect(resultShares([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('fairness: top speaker and the progressive stack', () => {
  const member = (id: string, name: string) => ({
    id,
    name,
    role: 'member' as const,
    online: true,
    handRaisedAt: null,
    status: 'active' as const,
  });
  const stats = (spokenMs: number, turns: number) => ({ spokenMs, turns, passes: 0, lastSpokeAt: null });
  const view = {
    members: [member('a', 'Ana'), member('b', 'Ben'), member('c', 'Cleo'), member('d', 'Dan')],
    order: ['a', 'b', 'c', 'd'],
    stats: { a: stats(60_000, 2), b: stats(20_000, 1), c: stats(0, 0), d: stats(20_000, 2) },
    speaker: null,
    serverNow: T0,
  };

  it('names the top speaker with their share', () => {
    expect(fairnessSummary(view, T0).topSpeaker).toEqual({ memberId: 'a', name: 'Ana', share: 0.6 });
  });

  it('orders everyone least spoken first, then by fewer turns, then by seat', () => {
    expect(fairnessSummary(view, T0).leastSpoken.map((r) => r.name)).toEqual(['Cleo', 'Ben', 'Dan', 'Ana']);
  });

  it('counts the holder’s live time', () => {
    const live = fairnessSummary({ ...view, speaker: { memberId: 'c', since: T0 } }, T0 + 25_000);
    expect(live.leastSpoken.map((r) => r.name)).toEqual(['Ben', 'Dan', 'Cleo', 'Ana']);
  });

  it('has no top speaker before anyone spoke', () => {
    const quiet = { ...view, stats: {} };
    expect(fairnessSummary(quiet, T0).topSpeaker).toBeNull();
  });
});

describe('agenda shortcuts', () => {
  const press = (key: string, patch: Partial<KeyLike> = {}): KeyLike => ({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    target: { tagName: 'BODY' },
    ...patch,
  });

  it('A moves to the next segment, Shift+A back, also with Caps Lock', () => {
    expect(shortcutFor(press('a'))).toBe('agenda-next');
    expect(shortcutFor(press('A', { shiftKey: true }))).toBe('agenda-prev');
    expect(shortcutFor(press('A'))).toBe('agenda-next');
    expect(shortcutFor(press('a', { shiftKey: true }))).toBe('agenda-prev');
  });

  it('leaves typing and chords alone', () => {
    expect(shortcutFor(press('a', { target: { tagName: 'INPUT' } }))).toBeNull();
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBeNull();
  });

  it('lists both in the overlay', () => {
    const listed = SHORTCUTS.map((s) => s.action);
    expect(listed).toContain('agenda-next');
    expect(listed).toContain('agenda-prev');
  });
});
