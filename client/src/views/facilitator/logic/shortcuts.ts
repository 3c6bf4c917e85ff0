export type ShortcutAction =
  | 'toggle-timer'
  | 'next-speaker'
  | 'call-hand'
  | 'agenda-next'
  | 'agenda-prev'
  | 'show-help';

export interface Shortcut {
  keys: string[];
  action: ShortcutAction;
  description: string;
  /** The keys are pressed together (Shift + A), not alternatives (N or →). */
  chord?: boolean;
}

/** Every dashboard shortcut, as listed in the "?" overlay. Presentation clickers send PageDown. */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Space'], action: 'toggle-timer', description: 'Start, pause or resume the timer' },
  {
    keys: ['N', '→', 'Page Down'],
    action: 'next-speaker',
    description: 'Next speaker (the round moves on, or the next raised hand is called)',
  },
  { keys: ['H'], action: 'call-hand', description: 'Call the next raised hand' },
  { keys: ['A'], action: 'agenda-next', description: 'Next agenda segment (starts the agenda)' },
  { keys: ['Shift', 'A'], action: 'agenda-prev', description: 'Previous agenda segment', chord: true },
  { keys: ['?'], action: 'show-help', description: 'Show this list of shortcuts' },
];

/** Extra keys that act on a focused member row and in the overlay; listed, not dispatched here. */
export const CONTEXT_SHORTCUTS: { keys: string[]; description: string; chord?: boolean }[] = [
  { keys: ['Alt', '↑'], description: 'Move the focused member up the seating order', chord: true },
  { keys: ['Alt', '↓'], description: 'Move the focused member down the seating order', chord: true },
  { keys: ['Esc'], description: 'Close this list' },
];

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  /** Shift turns A (next agenda segment) into Shift+A (previous); other keys ignore it. */
  shiftKey?: boolean;
  metaKey: boolean;
  /** What the keydown came from: shortcuts stay out of the way of typing and of buttons' own Space. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function isTypingTarget(target: KeyLike['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  return TYPING_TAGS.has((target.tagName ?? '').toUpperCase());
}

/** Elements whose own activation key is Space: Space there presses them, it does not run the timer. */
function spaceActivates(target: KeyLike['target']): boolean {
  const tag = (target?.tagName ?? '').toUpperCase();
  return tag === 'BUTTON' || tag === 'SUMMARY';
}

/** The shortcut a key press means, or null (typing, modifier chords, or an unbound key). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return spaceActivates(event.target) ? null : 'toggle-timer';
    case 'n':
    case 'N':
    case 'ArrowRight':
    case 'PageDown':
      return 'next-speaker';
    case 'h':
    case 'H':
      return 'call-hand';
    case 'a':
    case 'A':
      // Caps Lock gives "A" without Shift: the Shift key itself decides.
      return event.shiftKey ? 'agenda-prev' : 'agenda-next';
    case '?':
      return 'show-help';
    default:
      return null;
  }
}
