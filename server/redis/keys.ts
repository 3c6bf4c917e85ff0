/**
 * Every Redis key and channel Circlekeeper uses, under one prefix (REDIS_PREFIX, default `ck:`), so
 * that several deployments or test runs can share a Redis and a run can clean up after itself.
 */
export interface RedisKeys {
  /** A room: hash { v: version, s: JSON state }, expiring after the room TTL. */
  room(code: string): string;
  /** Sorted set of live room codes scored by expiry instant (ms), so `count()` needs no SCAN. */
  roomIndex(): string;
  /** Set of the ids of processes that have recorded sockets (the reaper walks it). */
  processes(): string;
  /** A process's heartbeat: present while the process lives (PX ~10 s, refreshed every ~3 s). */
  alive(processId: string): string;
  /** Set of `code \n memberId \n socketId` entries a process holds, so its sockets can be reaped. */
  processSockets(processId: string): string;
  /** Set of `processId \n socketId` entries of one member's sockets, on every process. */
  memberSockets(code: string, memberId: string): string;
  /** What every memberSockets key starts with (the reaper's Lua script builds them: prefix code:member). */
  memberSocketsPrefix(): string;
  /** Lock taken by the one survivor that reaps a dead process. */
  reaping(processId: string): string;
  /** Channel prefix of the Socket.IO adapter. */
  socketIoChannel(): string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    room: (code) => `${prefix}room:${code}`,
    roomIndex: () => `${prefix}rooms`,
    processes: () => `${prefix}presence:processes`,
    alive: (id) => `${prefix}presence:alive:${id}`,
    processSockets: (id) => `${prefix}presence:process:${id}`,
    memberSockets: (code, memberId) => `${prefix}presence:member:${code}:${memberId}`,
    memberSocketsPrefix: () => `${prefix}presence:member:`,
    reaping: (id) => `${prefix}presence:reaping:${id}`,
    socketIoChannel: () => `${prefix}socket.io`,
  };
}
