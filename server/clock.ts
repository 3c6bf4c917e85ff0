/** The server's only source of time, injected so that tests and the core never read the wall clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
