/**
 * Preloaded into the server processes that tests spawn (`--import`): shuts the server down (as a
 * SIGTERM would) when the test process that started it is gone, so that a test killed or timed out
 * mid-way leaves no server running.
 */
const parentPid = Number(process.env.CK_TEST_PARENT_PID);
if (parentPid > 0) {
  setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      process.kill(process.pid, 'SIGTERM');
    }
  }, 500).unref();
}

export {};
