// Two `npm start` from the same folder (several park-projects@ instances sharing one checkout)
// must not run `next build` into the same .next at once: the second waits for the first's build,
// then finds it up to date. The lock is a file created exclusively, holding the builder's process
// id; one left by a process that no longer runs (killed mid-build) is taken over.
import fs from "node:fs";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Tries to take the lock once: true when taken; false while a running process holds it. */
function tryTake(file: string): boolean {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  let holder = NaN;
  try {
    holder = Number(fs.readFileSync(file, "utf8"));
  } catch {
    return false; // released just now: try again on the next round
  }
  // a holder that is gone (or a file still being written, read as empty: left for the next round)
  if (holder > 0 && holder !== process.pid && !isRunning(holder)) {
    try {
      if (fs.readFileSync(file, "utf8") === String(holder)) fs.unlinkSync(file);
    } catch {
      /* someone else cleaned it up */
    }
  }
  return false;
}

/**
 * Runs `work` holding the build lock `file`, waiting (polling every `pollMs`) while another running
 * process holds it. `onWait` is called once when it has to wait.
 */
export async function withBuildLock<T>(file: string, work: () => Promise<T>, onWait: (holder: string) => void = () => {}, pollMs = 1000): Promise<T> {
  let told = false;
  while (!tryTake(file)) {
    if (!told) {
      told = true;
      let holder = "?";
      try {
        holder = fs.readFileSync(file, "utf8");
      } catch {
        /* gone already */
      }
      onWait(holder);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  // killed while building (Ctrl+C, systemctl stop): the next start does not wait for a dead lock
  process.once("exit", release);
  try {
    return await work();
  } finally {
    process.off("exit", release);
    release();
  }
}
