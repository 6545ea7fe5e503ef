// At most a few uploads (the report form with photos, the Excel import) are read and processed at
// once per server: each holds tens of megabytes while it is decoded. Another waits for a free slot
// up to a bound, then is refused (the gate answers 503 服务器繁忙); a request whose client has gone
// leaves the queue.
export type UploadSlots = {
  /** A release function once a slot is free, or null after the wait (or when too many wait). */
  acquire(signal?: AbortSignal): Promise<(() => void) | null>;
  readonly active: number;
  readonly waiting: number;
};

export function uploadSlots(settings: { concurrency: number; waitMs: number; queue: number }): UploadSlots {
  let active = 0;
  const queue: Array<(granted: boolean) => void> = [];
  const releaser = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = queue.shift();
      if (next) next(true);
      else active--;
    };
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (active < settings.concurrency) {
        active++;
        return Promise.resolve(releaser());
      }
      if (queue.length >= settings.queue || settings.waitMs === 0) return Promise.resolve(null);
      return new Promise((resolve) => {
        const settle = (granted: boolean) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          // a slot handed to a request that no longer waits goes on to the next
          resolve(granted ? releaser() : null);
        };
        const leave = () => {
          const at = queue.indexOf(settle);
          if (at >= 0) queue.splice(at, 1);
          resolve(null);
        };
        const onAbort = () => {
          clearTimeout(timer);
          leave();
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener("abort", onAbort);
          leave();
        }, settings.waitMs);
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(settle);
      });
    },
  };
}
