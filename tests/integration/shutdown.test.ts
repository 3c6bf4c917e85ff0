import { once } from 'node:events';
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

describe('shutting down', () => {
  it('closes within seconds though a client connection is stuck in the middle of a request', async () => {
    const server = await startServer();
    const socket = createConnection({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
    await once(socket, 'connect');
    socket.on('error', () => {});
    // A request whose headers never end: Node counts the connection as busy, not idle.
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = once(socket, 'close');
    const started = Date.now();
    await server.close();
    // Without the cut, the close would wait for Node's headers timeout (a minute).
    expect(Date.now() - started).toBeLessThan(10_000);
    await closed;
  });
});
