import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RoomState } from '../core/state';

/** What one room's file holds: the state as it is, and when the room is forgotten if left idle. */
export interface RoomSnapshot {
  format: 1;
  expiresAt: number;
  state: RoomState;
}

/** Room codes are 6 characters of the code alphabet, so a file name can never escape the folder. */
const FILE_NAME = /^([A-HJKMNP-Z2-9]{6})\.json$/;

/**
 * One file per room under `<DATA_DIR>/rooms/`, written atomically: the bytes go to a temporary
 * file, which is flushed to the disk (fsync) and then renamed over the room's file, and the folder
 * is flushed so that the rename itself survives a power cut. A reader therefore sees the old
 * snapshot or the new one, never half of one. Folder and files are private to the server's user
 * (0700 / 0600): they hold names.
 */
export class SnapshotFiles {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'rooms');
  }

  pathOf(code: string): string {
    return join(this.dir, `${code}.json`);
  }

  /** Creates the folder and removes temporary files a crash may have left half-written. */
  async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(this.dir)) {
      if (name.endsWith('.tmp')) await rm(join(this.dir, name), { force: true });
    }
  }

  /** Every readable snapshot; a file that cannot be read is reported and left for a person to look at. */
  async readAll(onBad: (name: string, err: unknown) => void): Promise<RoomSnapshot[]> {
    const snapshots: RoomSnapshot[] = [];
    for (const name of await readdir(this.dir)) {
      const match = FILE_NAME.exec(name);
      if (!match) continue;
      try {
        const parsed = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as RoomSnapshot;
        if (
          parsed.format !== 1 ||
          parsed.state?.code !== match[1] ||
          typeof parsed.state.version !== 'number'
        ) {
          throw new Error('not a room snapshot');
        }
        snapshots.push(parsed);
      } catch (err) {
        onBad(name, err);
      }
    }
    return snapshots;
  }

  async write(snapshot: RoomSnapshot): Promise<void> {
    const target = this.pathOf(snapshot.state.code);
    const temporary = `${target}.${process.pid}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(JSON.stringify(snapshot));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
    await this.syncDir();
  }

  async remove(code: string): Promise<void> {
    await rm(this.pathOf(code), { force: true });
    await this.syncDir();
  }

  private async syncDir(): Promise<void> {
    const dir = await open(this.dir, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
