import type { CommandOf } from '../../shared/commands';
import type { Settings } from '../../shared/settings';
import { admitAllWaiting } from './admission';
import { own } from './draft';
import type { Handler } from './handler';

const SETTING_KEYS = [
  'locked',
  'admission',
  'turnSeconds',
  'warnSeconds',
  'queueOrder',
  'autoStartTimer',
  'popcorn',
] as const satisfies readonly (keyof Settings)[];

/**
 * Applies the fields given; changes nothing if each already has that value. A new `turnSeconds`
 * applies from the next turn: the running timer keeps its duration. Turning `admission` to `open`
 * admits everyone waiting. New agreements ask nobody to accept again: those already in have
 * accepted the group's agreements, and the room's texts reach every view (and lobby) at once.
 */
export const roomUpdateHandler: Handler<CommandOf<'room.update'>> = (draft, command, ctx) => {
  let changed = false;
  if (command.title !== undefined && command.title !== draft.title) {
    draft.title = command.title;
    changed = true;
  }
  for (const key of SETTING_KEYS) {
    const value = command[key];
    if (value !== undefined && value !== draft.settings[key]) {
      setSetting(own(draft, 'settings'), key, value);
      changed = true;
    }
  }
  if (command.agreements !== undefined && !sameJson(command.agreements, draft.agreements)) {
    draft.agreements = [...command.agreements];
    changed = true;
  }
  if (command.disclaimer !== undefined && command.disclaimer !== draft.disclaimer) {
    draft.disclaimer = command.disclaimer;
    changed = true;
  }
  if (command.resources !== undefined && !sameJson(command.resources, draft.resources)) {
    draft.resources = command.resources.map((resource) => ({ ...resource }));
    changed = true;
  }
  if (draft.settings.admission === 'open' && admitAllWaiting(draft, ctx)) changed = true;
  return changed ? 'changed' : 'unchanged';
};

function setSetting<K extends keyof Settings>(settings: Settings, key: K, value: Settings[K]): void {
  settings[key] = value;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
