import { describe, expect, it } from 'vitest';
import {
  isTypingTarget,
  type KeyLike,
  SHORTCUTS,
  shortcutFor,
} from '../../../client/src/views/facilitator/logic/shortcuts';

const press = (key: string, patch: Partial<KeyLike> = {}): KeyLike => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: { tagName: 'BODY' },
  ...patch,
});

describe('shortcutFor', () => {
  it.each([
    [' ', 'toggle-timer'],
    ['n', 'next-speaker'],
    ['N', 'next-speaker'],
    ['ArrowRight', 'next-speaker'],
    ['PageDown', 'next-speaker'],
    ['h', 'call-hand'],
    ['H', 'call-hand'],
    ['?', 'show-help'],
  ] as const)('maps %j to %s', (key, action) => {
    expect(shortcutFor(press(key))).toBe(action);
  });

  it('ignores unbound keys and modifier chords', () => {
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('h', { metaKey: true }))).toBeNull();
  });

  it('stays out of the way while typing', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(shortcutFor(press('n', { target: { tagName } }))).toBeNull();
      expect(shortcutFor(press(' ', { target: { tagName } }))).toBeNull();
    }
    expect(shortcutFor(press('h', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(isTypingTarget(null)).toBe(false);
  });

  it('lets Space press a focused button instead of running the timer', () => {
    expect(shortcutFor(press(' ', { target: { tagName: 'BUTTON' } }))).toBeNull();
    expect(shortcutFor(press('n', { target: { tagName: 'BUTTON' } }))).toBe('next-speaker');
  });

  it('lists every action in the overlay', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.action));
    expect(listed).toEqual(
      new Set(['toggle-timer', 'next-speaker', 'call-hand', 'agenda-next', 'agenda-prev', 'show-help']),
    );
  });
});
