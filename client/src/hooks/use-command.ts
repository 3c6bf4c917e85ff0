import { useCallback, useState } from 'react';
import type { Command } from '../../../shared/commands';
import type { Result } from '../../../shared/results';

interface CommandSender {
  send(command: Command): Promise<Result>;
}

export interface CommandRunner {
  run(command: Command): Promise<boolean>;
  pending: boolean;
  /** The last refusal, in words for people; cleared by the next command. */
  error: string | null;
}

/** Sends commands one at a time and keeps the last refusal to show beside the buttons. */
export function useCommand(conn: CommandSender): CommandRunner {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (command: Command) => {
      setPending(true);
      setError(null);
      const result = await conn.send(command);
      setPending(false);
      if (!result.ok) setError(result.error.message);
      return result.ok;
    },
    [conn],
  );
  return { run, pending, error };
}
