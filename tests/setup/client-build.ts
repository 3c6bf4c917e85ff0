import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];
const BUILT = join(root, 'dist', 'client', 'index.html');

/**
 * Builds the client into dist/client before the suites run, so that the end-to-end tests
 * exercise the bundle the server serves in production. Skipped when the build is newer than
 * every source: a rebuild renames the hashed assets under any server already running.
 */
export default async function buildClient(): Promise<void> {
  if (builtAt() > newestSource()) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(): number {
  let newest = 0;
  for (const source of SOURCES) {
    const path = join(root, source);
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs); // a directory's own time moves when a file is removed
    if (!stat.isDirectory()) continue;
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
