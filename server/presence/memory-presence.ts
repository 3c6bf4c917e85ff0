import type { Presence } from './presence';

/**
 * One process: sockets are counted in memory and no process can die under another. Per room, per
 * member, the member's socket id — or a set of them while they have several (a phone and a
 * laptop): one socket, the usual case, costs no Set.
 */
export class MemoryPresence implements Presence {
  private readonly rooms = new Map<string, Map<string, string | Set<string>>>();

  async add(code: string, memberId: string, socketId: string): Promise<boolean> {
    let members = this.rooms.get(code);
    if (!members) {
      members = new Map();
      this.rooms.set(code, members);
    }
    const sockets = members.get(memberId);
    if (sockets === undefined) {
      members.set(memberId, socketId);
      return true;
    }
    if (typeof sockets !== 'string') sockets.add(socketId);
    else if (sockets !== socketId) members.set(memberId, new Set([sockets, socketId]));
    return false;
  }

  async remove(code: string, memberId: string, socketId: string): Promise<boolean> {
    const members = this.rooms.get(code);
    const sockets = members?.get(memberId);
    if (members === undefined || sockets === undefined) return false;
    if (typeof sockets !== 'string') {
      if (!sockets.delete(socketId)) return false;
      if (sockets.size > 0) return false;
    } else if (sockets !== socketId) return false;
    members.delete(memberId);
    if (members.size === 0) this.rooms.delete(code);
    return true;
  }

  onLost(): void {}

  async close(): Promise<void> {
    this.rooms.clear();
  }
}
