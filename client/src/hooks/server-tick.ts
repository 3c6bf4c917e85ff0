/**
 * Milliseconds from server instant `now` until the next instant `t` with (t − anchor) a whole
 * multiple of `everyMs`. With `anchor` set to the instant a countdown reaches zero, renders fall
 * exactly where its displayed second flips, in step on every device that shares the server clock.
 */
export function msUntilNextTick(now: number, everyMs: number, anchor = 0): number {
  const into = (((now - anchor) % everyMs) + everyMs) % everyMs;
  return everyMs - into;
}
