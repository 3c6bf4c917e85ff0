import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics';
import type { RoomStore } from '../store/room-store';

export interface HealthRoutesOptions {
  store: RoomStore;
  metrics: Metrics;
}

/** Liveness, readiness (the store answers within a second) and Prometheus metrics. */
export async function healthRoutes(app: FastifyInstance, { store, metrics }: HealthRoutesOptions) {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await withTimeout(store.ping(), 1000);
      return { ok: true };
    } catch {
      return reply
        .code(503)
        .send({ error: { code: 'unavailable', message: 'The room store does not answer.' } });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    metrics.rooms.set(await store.count().catch(() => 0));
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
