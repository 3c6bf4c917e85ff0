import { readFileSync } from 'node:fs';

/**
 * The calling process's main thread as Linux's scheduler saw it (`/proc/self/task/<pid>/schedstat`):
 * time on a core and time spent runnable, waiting for a core, both in µs since the thread began.
 * The wait is what sharing two cores with the load generators costs: a thread that is ready but
 * waits for a core delays every command and delivery behind it, whatever its own work. NaN off Linux.
 */
export function mainThreadSched(): { runUs: number; waitUs: number } {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return { runUs: Number(run) / 1000, waitUs: Number(wait) / 1000 };
  } catch {
    return { runUs: Number.NaN, waitUs: Number.NaN };
  }
}
