import type { CommandOf } from '../../shared/commands';
import type { Settings } from '../../shared/settings';
import type { Handler } from './handler';

const SETTING_KEYS = [
  'locked',
  'admission',
  'turnSeconds',
  'warnSeconds',
  'queueOrder',
  'autoStartTimer',
] as const satisfies readonly (keyof Settings)[];

/**
 * Applies the fields given; changes nothing if each already has that value. A new `turnSeconds`
 * applies from the next turn: the running timer keeps its duration.
 */
export const roomUpdateHandler: Handler<CommandOf<'room.update'>> = (draft, command) => {
  let changed = false;
  if (command.title !== undefined && command.title !== draft.title) {
    draft.title = command.title;
    changed = true;
  }
  for (const key of SETTING_KEYS) {
    const value = command[key];
    if (value !== undefined && value !== draft.settings[key]) {
      setSetting(draft.settings, key, value);
      changed = true;
    }
  }
  return changed ? 'changed' : 'unchanged';
};

function setSetting<K extends keyof Settings>(settings: Settings, key: K, value: Settings[K]): void {
  settings[key] = value;
}
