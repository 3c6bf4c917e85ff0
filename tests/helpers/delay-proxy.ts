import { createConnection, createServer, type Socket } from 'node:net';

export interface DelayProxy {
  /** The proxy's URL, to connect to instead of the server's. */
  url: string;
  /** Bytes the clients have sent through the proxy so far. */
  clientBytes(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on a free port that holds every chunk `delayMs` before passing it on, both ways: a
 * slow link between a real client and a real server (the order of the chunks is kept).
 */
export async function startDelayProxy(targetUrl: string, delayMs: number): Promise<DelayProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let clientBytes = 0;
  const relay = (from: Socket, to: Socket, count: boolean) => {
    from.on('data', (chunk) => {
      if (count) clientBytes += chunk.length;
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, delayMs);
    });
    from.on('close', () => setTimeout(() => to.destroy(), delayMs));
    from.on('error', () => to.destroy());
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    relay(client, upstream, true);
    relay(upstream, client, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    clientBytes: () => clientBytes,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
