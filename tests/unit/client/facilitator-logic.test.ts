import { describe, expect, it } from 'vitest';
import { dropOn, moveBy, moveTo, sameOrder } from '../../../client/src/views/facilitator/logic/reorder';
import { formatAgo, formatSpoken } from '../../../client/src/views/facilitator/logic/time-format';
import { timerState, toggleTimerCommand } from '../../../client/src/views/facilitator/logic/timer-control';

describe('reorder', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('moves by one place and clamps at the ends', () => {
    expect(moveBy(ids, 'b', -1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveBy(ids, 'b', 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveBy(ids, 'a', -1)).toEqual(ids);
    expect(moveBy(ids, 'd', 1)).toEqual(ids);
    expect(moveBy(ids, 'zz', 1)).toEqual(ids);
  });
  it('drops onto a target taking its place', () => {
    expect(dropOn(ids, 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropOn(ids, 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOn(ids, 'b', 'b')).toEqual(ids);
    expect(dropOn(ids, 'x', 'b')).toEqual(ids);
  });
  it('never mutates its input', () => {
    const copy = [...ids];
    moveTo(ids, 0, 3);
    expect(ids).toEqual(copy);
    expect(sameOrder(ids, copy)).toBe(true);
    expect(sameOrder(ids, ['a'])).toBe(false);
  });
});

describe('time formats', () => {
  it('formats speaking time', () => {
    expect(formatSpoken(0)).toBe('0:00');
    expect(formatSpoken(-5)).toBe('0:00');
    expect(formatSpoken(65_999)).toBe('1:05');
    expect(formatSpoken(3_725_000)).toBe('1:02:05');
  });
  it('says how long ago', () => {
    expect(formatAgo(1000, 5000)).toBe('just now');
    expect(formatAgo(0, 45_000)).toBe('45 s ago');
    expect(formatAgo(0, 185_000)).toBe('3 min ago');
    expect(formatAgo(0, 7_300_000)).toBe('2 h ago');
    expect(formatAgo(10_000, 0)).toBe('just now');
  });
});

describe('timer toggle', () => {
  it('starts, pauses and resumes', () => {
    expect(timerState(null)).toBe('none');
    expect(toggleTimerCommand(null)).toEqual({ type: 'timer.start' });
    const running = { durationMs: 60_000, startedAt: 5, elapsedMs: 0 };
    expect(timerState(running)).toBe('running');
    expect(toggleTimerCommand(running)).toEqual({ type: 'timer.pause' });
    const paused = { durationMs: 60_000, startedAt: null, elapsedMs: 10_000 };
    expect(timerState(paused)).toBe('paused');
    expect(toggleTimerCommand(paused)).toEqual({ type: 'timer.resume' });
    const ready = { durationMs: 60_000, startedAt: null, elapsedMs: 0 };
    expect(timerState(ready)).toBe('ready');
    expect(toggleTimerCommand(ready)).toEqual({ type: 'timer.resume' });
  });
});
