import { describe, expect, it } from 'vitest';
import { msUntilNextTick } from '../../../client/src/hooks/server-tick';
import { timerAnchor } from '../../../client/src/hooks/timer-anchor';
import { timerReadout } from '../../../client/src/state/timer-readout';
import { formatClock, remainingMs, type Timer } from '../../../shared/timer';

const running: Timer = { durationMs: 90_000, startedAt: 10_300, elapsedMs: 0 };

describe('timerReadout', () => {
  it('shows time left in the green phase', () => {
    expect(timerReadout(running, 30, 10_300)).toEqual({
      clock: '1:30',
      phase: 'ok',
      word: 'Time left',
      paused: false,
    });
  });
  it('says "Wrap up" from warnSeconds before the end', () => {
    expect(timerReadout(running, 30, 10_300 + 60_000)).toMatchObject({
      clock: '0:30',
      phase: 'warn',
      word: 'Wrap up',
    });
  });
  it('says "Time" and counts overtime', () => {
    expect(timerReadout(running, 30, 10_300 + 95_000)).toMatchObject({
      clock: '+0:05',
      phase: 'over',
      word: 'Time',
    });
  });
  it('marks a paused timer part-way, but not one reset to full time', () => {
    const paused: Timer = { durationMs: 90_000, startedAt: null, elapsedMs: 70_000 };
    expect(timerReadout(paused, 30, 999_999)).toMatchObject({
      clock: '0:20',
      word: 'Paused · Wrap up',
      paused: true,
    });
    const ready: Timer = { durationMs: 90_000, startedAt: null, elapsedMs: 0 };
    expect(timerReadout(ready, 30, 999_999)).toMatchObject({ clock: '1:30', word: 'Time left' });
  });
});

describe('msUntilNextTick', () => {
  it('waits for the next whole second of server time', () => {
    expect(msUntilNextTick(10_250, 1000)).toBe(750);
    expect(msUntilNextTick(10_000, 1000)).toBe(1000);
    expect(msUntilNextTick(10_999, 1000)).toBe(1);
  });
  it('shifts the boundaries by the anchor, also for instants before it', () => {
    expect(msUntilNextTick(10_250, 1000, 300)).toBe(50);
    expect(msUntilNextTick(200, 1000, 99_300)).toBe(100);
  });
});

describe('timerAnchor', () => {
  it('is the instant the countdown reaches zero, so ticks land where the displayed second flips', () => {
    const timer: Timer = { durationMs: 90_000, startedAt: 10_300, elapsedMs: 4_000 };
    const anchor = timerAnchor(timer);
    expect(anchor).toBe(96_300);
    const flip = 22_000 + msUntilNextTick(22_000, 1000, anchor);
    expect(flip).toBe(22_300);
    expect(formatClock(remainingMs(timer, flip - 1))).toBe('1:15');
    expect(formatClock(remainingMs(timer, flip))).toBe('1:14');
  });
  it('is 0 for a stopped timer or none', () => {
    expect(timerAnchor(null)).toBe(0);
    expect(timerAnchor({ durationMs: 90_000, startedAt: null, elapsedMs: 5 })).toBe(0);
  });
});
