# Circlekeeper: one server process (the client is built into dist/client and served by it).
# Several of these share one Redis in docker-compose.yml; see docs/architecture.md.
FROM node:20-slim

WORKDIR /app

# Dependencies first, so that a change of the sources reuses this layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# Build the client, then drop the build tools (tsx, which runs the server, is a dependency).
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# NODE_OPTIONS: V8's young generation as .npmrc sets it for `npm start` (docs/performance.md).
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=32 \
    HOST=0.0.0.0 \
    PORT=3000
USER node
EXPOSE 3000

# Liveness only: readiness (/readyz, Redis answers) is the load balancer's business.
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["npx", "tsx", "server/main.ts"]
