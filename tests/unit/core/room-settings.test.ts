import { describe, expect, it } from 'vitest';
import type { CommandOf } from '../../../shared/commands';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { expectChanged, expectUnchanged, FACILITATOR, roomWith, run, T0 } from './fixtures';

type RoomUpdate = CommandOf<'room.update'>;
const room = roomWith(['a']);

describe('room.update', () => {
  it.each<{ update: Omit<RoomUpdate, 'type'>; title?: string; settings: Partial<typeof DEFAULT_SETTINGS> }>([
    { update: { title: 'Thursday circle' }, title: 'Thursday circle', settings: {} },
    { update: { locked: true }, settings: { locked: true } },
    { update: { admission: 'approve' }, settings: { admission: 'approve' } },
    { update: { turnSeconds: 90, warnSeconds: 15 }, settings: { turnSeconds: 90, warnSeconds: 15 } },
    { update: { queueOrder: 'least-spoken' }, settings: { queueOrder: 'least-spoken' } },
    { update: { autoStartTimer: false, locked: false }, settings: { autoStartTimer: false } },
  ])('applies $update', ({ update, title, settings }) => {
    const s = expectChanged(room, { type: 'room.update', ...update }, FACILITATOR, T0);
    expect(s.title).toBe(title ?? 'Tuesday circle');
    expect(s.settings).toEqual({ ...DEFAULT_SETTINGS, ...settings });
  });

  it.each<Omit<RoomUpdate, 'type'>>([
    {},
    { title: 'Tuesday circle' },
    { locked: false, admission: 'open', turnSeconds: 120, warnSeconds: 30 },
    { queueOrder: 'raised', autoStartTimer: true },
  ])('changes nothing when nothing differs: $0', (update) => {
    expectUnchanged(room, { type: 'room.update', ...update }, FACILITATOR, T0);
  });

  it('a new turn length applies from the next turn; the running timer keeps its own', () => {
    let s = run(room, { type: 'piece.give', memberId: 'a' }, FACILITATOR, T0);
    s = run(s, { type: 'room.update', turnSeconds: 60 }, FACILITATOR, T0 + 1_000);
    expect(s.timer?.durationMs).toBe(120_000);
    s = run(s, { type: 'timer.start' }, FACILITATOR, T0 + 2_000);
    expect(s.timer?.durationMs).toBe(60_000);
  });
});
