/**
 * Who is connected, per room and member, across every process. The service turns the answers into
 * `presence.set` commands, so online flags live in the room state and agree on every process.
 */
export interface Presence {
  /** Records a member's socket; true when it is the member's first socket anywhere (they came online). */
  add(code: string, memberId: string, socketId: string): Promise<boolean>;
  /** Forgets a socket; true when it was the member's last socket anywhere (they went offline). */
  remove(code: string, memberId: string, socketId: string): Promise<boolean>;
  /** Registers who to tell about members whose sockets all lived on a process that died. */
  onLost(listener: (code: string, memberId: string) => void): void;
  /**
   * Registers who to tell about members found connected after presence had them gone (a shared
   * presence that was out of reach for a while); optional: a single process never loses track.
   */
  onFound?(listener: (code: string, memberId: string) => void): void;
  close(): Promise<void>;
}
