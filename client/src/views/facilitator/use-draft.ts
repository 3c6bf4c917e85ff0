import { useState } from 'react';

/**
 * An editor's working copy of something the server holds. While it is untouched it follows the
 * server (another facilitator's change shows at once); once edited, it is kept until saved or
 * discarded, so that an update arriving mid-typing never wipes what the person typed.
 */
export function useDraft<T>(server: T, toDraft: (value: T) => T = (v) => v) {
  const serverKey = JSON.stringify(server);
  const [state, setState] = useState(() => ({ base: serverKey, draft: toDraft(server), dirty: false }));
  let current = state;
  if (!state.dirty && state.base !== serverKey) {
    current = { base: serverKey, draft: toDraft(server), dirty: false };
    setState(current);
  }
  return {
    draft: current.draft,
    dirty: current.dirty,
    /** True when the server changed since the draft was started from it. */
    stale: current.dirty && current.base !== serverKey,
    edit(change: (draft: T) => T) {
      setState((s) => ({ ...s, draft: change(s.draft), dirty: true }));
    },
    reset() {
      setState({ base: serverKey, draft: toDraft(server), dirty: false });
    },
  };
}
