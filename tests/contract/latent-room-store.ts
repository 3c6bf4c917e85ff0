import type { RoomState } from '../../server/core/state';
import type { RoomStore, UpdateOutcome, UpdateStep } from '../../server/store/room-store';

/**
 * A store whose every call waits 0–maxMs (random) before and after doing its work, as a store over
 * a network would: code that checks, then awaits, then changes (instead of deciding inside the
 * atomic update) is caught out by it.
 */
export function withLatency(inner: RoomStore, maxMs = 50, random: () => number = Math.random): RoomStore {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, Math.floor(random() * (maxMs + 1))));
  const slow =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await pause();
      const result = await call(...args);
      await pause();
      return result;
    };
  return {
    create: slow((state: RoomState) => inner.create(state)),
    get: slow((code: string) => inner.get(code)),
    update: <T>(code: string, fn: (state: RoomState) => UpdateStep<T>): Promise<UpdateOutcome<T> | null> =>
      slow(() => inner.update(code, fn))(),
    delete: slow((code: string) => inner.delete(code)),
    count: slow(() => inner.count()),
    ping: slow(() => inner.ping()),
    close: () => inner.close(),
  };
}
