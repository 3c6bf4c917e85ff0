/** Who sends a command. Members are known by id; facilitators who connect with the key are not members. */
export type Actor =
  | { kind: 'facilitator' }
  | { kind: 'member'; memberId: string }
  | { kind: 'display' }
  | { kind: 'system' };

/**
 * Commands the server itself sends through the same write path as people do: joins and presence.
 * They never come from the wire (the wire schema does not know them).
 */
export type SystemCommand =
  | { type: 'member.join'; memberId: string; name: string; tokenHash: string }
  | { type: 'presence.set'; memberId: string; online: boolean };
