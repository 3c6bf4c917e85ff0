import type { Clock } from '../../server/clock';

/** A server clock that moves only when a test says so: timer arithmetic with literal instants. */
export class ManualClock implements Clock {
  constructor(private t = 1_800_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
