import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Presence } from '../../server/presence/presence';

/** Two handles on the same presence: for Redis two processes, for memory one presence twice. */
export interface PresenceHarness {
  presences: [Presence, Presence];
  close(): Promise<void>;
}

/**
 * What every Presence promises (see server/presence/presence.ts), run against each implementation
 * by tests/contract/presences.test.ts.
 */
export function presenceContract(name: string, open: () => Promise<PresenceHarness>): void {
  describe(`Presence contract: ${name}`, () => {
    let harness: PresenceHarness;
    let a: Presence;
    let b: Presence;

    beforeEach(async () => {
      harness = await open();
      [a, b] = harness.presences;
    });
    afterEach(async () => {
      await harness.close();
    });

    it('answers true for a member’s first socket and for their last, false in between', async () => {
      expect(await a.add('ROOMAA', 'ana', 's1')).toBe(true);
      expect(await a.add('ROOMAA', 'ana', 's2')).toBe(false);
      expect(await a.remove('ROOMAA', 'ana', 's1')).toBe(false);
      expect(await a.remove('ROOMAA', 'ana', 's2')).toBe(true);
      expect(await a.add('ROOMAA', 'ana', 's3')).toBe(true);
    });

    it('counts a member’s sockets on every process together', async () => {
      expect(await a.add('ROOMAA', 'ana', 's1')).toBe(true);
      expect(await b.add('ROOMAA', 'ana', 's2')).toBe(false);
      expect(await a.remove('ROOMAA', 'ana', 's1')).toBe(false);
      expect(await b.remove('ROOMAA', 'ana', 's2')).toBe(true);
    });

    it('keeps members and rooms apart', async () => {
      expect(await a.add('ROOMAA', 'ana', 's1')).toBe(true);
      expect(await b.add('ROOMAA', 'ben', 's2')).toBe(true);
      expect(await b.add('ROOMBB', 'ana', 's3')).toBe(true);
      expect(await a.remove('ROOMAA', 'ana', 's1')).toBe(true);
      expect(await b.remove('ROOMBB', 'ana', 's3')).toBe(true);
      expect(await b.remove('ROOMAA', 'ben', 's2')).toBe(true);
    });

    it('answers false for a socket it does not know, or already forgot', async () => {
      expect(await a.remove('ROOMAA', 'ana', 'nobody')).toBe(false);
      await a.add('ROOMAA', 'ana', 's1');
      expect(await a.remove('ROOMAA', 'ana', 's1')).toBe(true);
      expect(await a.remove('ROOMAA', 'ana', 's1')).toBe(false);
    });

    it('answers exactly one first and one last when many sockets of one member come and go at once', async () => {
      const sockets = Array.from({ length: 20 }, (_, i) => `s${i}`);
      const firsts = await Promise.all(sockets.map((s, i) => (i % 2 ? a : b).add('ROOMAA', 'ana', s)));
      expect(firsts.filter(Boolean)).toHaveLength(1);
      const lasts = await Promise.all(sockets.map((s, i) => (i % 2 ? a : b).remove('ROOMAA', 'ana', s)));
      expect(lasts.filter(Boolean)).toHaveLength(1);
    });
  });
}
