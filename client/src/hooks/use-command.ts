import { useCallback, useState } from 'react';
import type { Command } from '../../../shared/commands';
import type { ErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/results';

interface CommandSender {
  send(command: Command): Promise<Result>;
}

/**
 * Words for particular refusals of one command, in place of the shared messages; `null` means the
 * caller handles that refusal itself and nothing is shown beside the buttons.
 */
export type RefusalWords = Partial<Record<ErrorCode, string | null>>;

export interface CommandRunner {
  run(command: Command): Promise<boolean>;
  /** As `run`, but answers the whole result and words the given refusals its own way. */
  attempt(command: Command, words?: RefusalWords): Promise<Result>;
  pending: boolean;
  /** The last refusal, in words for people; cleared by the next command. */
  error: string | null;
}

/** Sends commands one at a time and keeps the last refusal to show beside the buttons. */
export function useCommand(conn: CommandSender): CommandRunner {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useCallback(
    async (command: Command, words: RefusalWords = {}) => {
      setPending(true);
      setError(null);
      const result = await conn.send(command);
      setPending(false);
      if (!result.ok) {
        const own = words[result.error.code];
        if (own !== null) setError(own ?? result.error.message);
      }
      return result;
    },
    [conn],
  );
  const run = useCallback(async (command: Command) => (await attempt(command)).ok, [attempt]);
  return { run, attempt, pending, error };
}
