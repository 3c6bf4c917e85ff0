import { io, type Socket } from 'socket.io-client';
import type { Command } from '../../shared/commands';
import type { ClientToServerEvents, ServerToClientEvents, Welcome } from '../../shared/events';
import type { CreateRoomResponse } from '../../shared/http';
import type { Result } from '../../shared/results';
import type { DisplayView, FacilitatorView, RoomView, StateView } from '../../shared/views';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A test participant: a real socket.io-client that records every state it receives. */
export interface Participant<V extends StateView = StateView> {
  socket: ClientSocket;
  welcome: Welcome;
  states: V[];
  latest(): V;
  /** Resolves with the first received state (past or future) that satisfies the predicate. */
  waitFor(predicate: (view: V) => boolean, what?: string, timeoutMs?: number): Promise<V>;
  send(command: Command): Promise<Result>;
  close(): void;
}

const WAIT_MS = 5000;

export async function createRoom(
  url: string,
  body: object = { title: 'Tuesday circle' },
): Promise<CreateRoomResponse> {
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`room creation answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreateRoomResponse;
}

export async function httpCommand(url: string, code: string, key: string, command: unknown) {
  const res = await fetch(`${url}/api/rooms/${code}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(command),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Connects and waits for `welcome` and the first `state`; rejects with the connect_error code. */
export function connect<V extends StateView = RoomView>(url: string, auth: object): Promise<Participant<V>> {
  const socket: ClientSocket = io(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const states: V[] = [];
  const waiters: { predicate: (v: V) => boolean; resolve: (v: V) => void }[] = [];
  socket.on('state', (view) => {
    const v = view as V;
    const last = states.at(-1);
    if (last && v.version <= last.version) return;
    states.push(v);
    for (const w of [...waiters]) {
      if (w.predicate(v)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(v);
      }
    }
  });
  const participant = (welcome: Welcome): Participant<V> => ({
    socket,
    welcome,
    states,
    latest: () => {
      const last = states.at(-1);
      if (!last) throw new Error('no state received yet');
      return last;
    },
    waitFor(predicate, what = 'a matching state', timeoutMs = WAIT_MS) {
      const found = states.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
      });
    },
    send: (command) => socket.timeout(WAIT_MS).emitWithAck('command', command),
    close: () => socket.close(),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => {
      socket.close();
      reject(new Error(err.message));
    });
    socket.once('welcome', (welcome) => {
      const p = participant(welcome);
      p.waitFor(() => true, 'the first state').then(() => resolve(p), reject);
    });
  });
}

export const connectFacilitator = (url: string, room: CreateRoomResponse) =>
  connect<FacilitatorView>(url, { code: room.code, facilitatorKey: room.facilitatorKey });
/** The display's view is a DisplayView (no disclaimer, resources or pulse); v1 tests read it as a RoomView. */
export const connectDisplay = <V extends DisplayView = RoomView>(url: string, room: CreateRoomResponse) =>
  connect<V>(url, { code: room.code, displayKey: room.displayKey });
export const connectMember = (url: string, room: CreateRoomResponse, name: string) =>
  connect<RoomView>(url, { code: room.code, name });

/** The connect_error code a handshake ends in (fails the test if it connects). */
export async function refusal(url: string, auth: object): Promise<string> {
  try {
    const p = await connect(url, auth);
    p.close();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('the handshake was accepted');
}
