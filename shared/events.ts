import type { Command } from './commands';
import type { Result } from './results';
import type { AnyView } from './views';

export interface Welcome {
  role: 'facilitator' | 'member' | 'display';
  memberId?: string;
  memberToken?: string;
  serverNow: number;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  state: (view: AnyView) => void;
  removed: (payload: { reason: string }) => void;
}

export interface ClientToServerEvents {
  command: (command: Command, ack: (result: Result) => void) => void;
  clock: (ack: (payload: { serverNow: number }) => void) => void;
}
