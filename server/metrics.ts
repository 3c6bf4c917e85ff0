import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app (tests build several apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    sockets: new Gauge({
      name: 'circlekeeper_sockets',
      help: 'Connected sockets on this process',
      labelNames: ['role'] as const,
      registers: [registry],
    }),
    rooms: new Gauge({ name: 'circlekeeper_rooms', help: 'Live rooms in the store', registers: [registry] }),
    commands: new Counter({
      name: 'circlekeeper_commands_total',
      help: 'Commands by type and outcome (ok or an error code)',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'circlekeeper_command_duration_seconds',
      help: 'Time from receiving a command to its answer',
      labelNames: ['type'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
