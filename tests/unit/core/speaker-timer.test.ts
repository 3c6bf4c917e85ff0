import { describe, expect, it } from 'vitest';
import type { RoomState } from '../../../server/core/state';
import type { Command } from '../../../shared/commands';
import { remainingMs, type Timer } from '../../../shared/timer';
import { expectChanged, expectRefused, expectUnchanged, FACILITATOR, roomWith, run, T0 } from './fixtures';

const room = roomWith(['a']);
/** The room with this timer set directly: each case starts from a known timer. */
const withTimer = (timer: Timer | null): RoomState => ({ ...structuredClone(room), timer });

const RUNNING: Timer = { durationMs: 120_000, startedAt: T0, elapsedMs: 0 };
const PAUSED: Timer = { durationMs: 120_000, startedAt: null, elapsedMs: 50_000 };
const AT = T0 + 30_000;

describe('timer commands', () => {
  it.each<{ name: string; from: Timer | null; command: Command; to: Timer; remaining: number }>([
    {
      name: 'start with the default turn length',
      from: null,
      command: { type: 'timer.start' },
      to: { durationMs: 120_000, startedAt: AT, elapsedMs: 0 },
      remaining: 120_000,
    },
    {
      name: 'start restarts a running timer with its own length',
      from: RUNNING,
      command: { type: 'timer.start', seconds: 45 },
      to: { durationMs: 45_000, startedAt: AT, elapsedMs: 0 },
      remaining: 45_000,
    },
    {
      name: 'pause banks the time run so far',
      from: RUNNING,
      command: { type: 'timer.pause' },
      to: { durationMs: 120_000, startedAt: null, elapsedMs: 30_000 },
      remaining: 90_000,
    },
    {
      name: 'resume runs on from the banked time',
      from: PAUSED,
      command: { type: 'timer.resume' },
      to: { durationMs: 120_000, startedAt: AT, elapsedMs: 50_000 },
      remaining: 70_000,
    },
    {
      name: 'reset stops at full time and keeps the duration',
      from: RUNNING,
      command: { type: 'timer.reset' },
      to: { durationMs: 120_000, startedAt: null, elapsedMs: 0 },
      remaining: 120_000,
    },
    {
      name: 'add lengthens a running timer',
      from: RUNNING,
      command: { type: 'timer.add', seconds: 60 },
      to: { durationMs: 180_000, startedAt: T0, elapsedMs: 0 },
      remaining: 150_000,
    },
    {
      name: 'add with a negative amount shortens into overtime',
      from: RUNNING,
      command: { type: 'timer.add', seconds: -100 },
      to: { durationMs: 20_000, startedAt: T0, elapsedMs: 0 },
      remaining: -10_000,
    },
    {
      name: 'add never takes the duration below zero',
      from: PAUSED,
      command: { type: 'timer.add', seconds: -3600 },
      to: { durationMs: 0, startedAt: null, elapsedMs: 50_000 },
      remaining: -50_000,
    },
  ])('$name', ({ from, command, to, remaining }) => {
    const s = expectChanged(withTimer(from), command, FACILITATOR, AT);
    expect(s.timer).toEqual(to);
    expect(remainingMs(s.timer!, AT)).toBe(remaining);
  });

  it.each<{ name: string; from: Timer; command: Command }>([
    { name: 'pausing a paused timer', from: PAUSED, command: { type: 'timer.pause' } },
    { name: 'resuming a running timer', from: RUNNING, command: { type: 'timer.resume' } },
    {
      name: 'resetting a reset timer',
      from: { durationMs: 60_000, startedAt: null, elapsedMs: 0 },
      command: { type: 'timer.reset' },
    },
    { name: 'adding 0 s', from: RUNNING, command: { type: 'timer.add', seconds: 0 } },
    {
      name: 'shortening a 0 ms timer',
      from: { durationMs: 0, startedAt: null, elapsedMs: 0 },
      command: { type: 'timer.add', seconds: -10 },
    },
    {
      name: 'starting a timer started at this very instant',
      from: { durationMs: 120_000, startedAt: AT, elapsedMs: 0 },
      command: { type: 'timer.start' },
    },
  ])('$name changes nothing', ({ from, command }) => {
    expectUnchanged(withTimer(from), command, FACILITATOR, AT);
  });

  it.each<Command>([
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.reset' },
    { type: 'timer.add', seconds: 30 },
  ])('$type without a timer → no_timer', (command) => {
    expectRefused(withTimer(null), command, FACILITATOR, AT, 'no_timer');
  });

  it('pause, resume, pause again accumulates only the running time', () => {
    let s = withTimer(RUNNING);
    s = run(s, { type: 'timer.pause' }, FACILITATOR, T0 + 10_000);
    s = run(s, { type: 'timer.resume' }, FACILITATOR, T0 + 70_000);
    s = run(s, { type: 'timer.pause' }, FACILITATOR, T0 + 75_000);
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: null, elapsedMs: 15_000 });
    expect(remainingMs(s.timer!, T0 + 999_000)).toBe(105_000);
  });

  it('a turn timer follows the running round’s length, then the room’s', () => {
    let s = run(
      roomWith(['a', 'b']),
      { type: 'round.start', kind: 'check-in', turnSeconds: 20 },
      FACILITATOR,
      T0,
    );
    s = run(s, { type: 'timer.start' }, FACILITATOR, T0 + 1_000);
    expect(s.timer).toEqual({ durationMs: 20_000, startedAt: T0 + 1_000, elapsedMs: 0 });
    s = run(s, { type: 'round.end' }, FACILITATOR, T0 + 2_000);
    s = run(s, { type: 'piece.give', memberId: 'b' }, FACILITATOR, T0 + 3_000);
    expect(s.timer).toEqual({ durationMs: 120_000, startedAt: T0 + 3_000, elapsedMs: 0 });
  });
});
