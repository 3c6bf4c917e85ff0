import type { Presence } from './presence';

/** One process: sockets are counted in memory and no process can die under another. */
export class MemoryPresence implements Presence {
  private readonly sockets = new Map<string, Set<string>>();

  async add(code: string, memberId: string, socketId: string): Promise<boolean> {
    const key = `${code}/${memberId}`;
    let set = this.sockets.get(key);
    if (!set) {
      set = new Set();
      this.sockets.set(key, set);
    }
    set.add(socketId);
    return set.size === 1;
  }

  async remove(code: string, memberId: string, socketId: string): Promise<boolean> {
    const key = `${code}/${memberId}`;
    const set = this.sockets.get(key);
    if (!set?.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.sockets.delete(key);
    return true;
  }

  onLost(): void {}

  async close(): Promise<void> {
    this.sockets.clear();
  }
}
