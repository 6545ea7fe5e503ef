// At most `concurrency` uploads at once per server; another waits up to its bound, then is
// refused; a client that leaves gives its place up (src/server/http/upload-slots.ts).
import { describe, expect, it, vi } from "vitest";
import { uploadSlots } from "@/server/http/upload-slots";

describe("upload slots", () => {
  it("grants up to the bound at once, then hands a freed slot to the first in line", async () => {
    const slots = uploadSlots({ concurrency: 2, waitMs: 60_000, queue: 10 });
    const a = await slots.acquire();
    const b = await slots.acquire();
    expect(a && b).toBeTruthy();
    expect(slots.active).toBe(2);
    const order: string[] = [];
    const c = slots.acquire().then((r) => (order.push("c"), r));
    const d = slots.acquire().then((r) => (order.push("d"), r));
    expect(slots.waiting).toBe(2);
    a!();
    a!(); // releasing twice frees one slot only
    const rc = await c;
    expect(rc).toBeTruthy();
    expect(order).toEqual(["c"]);
    expect(slots.active).toBe(2);
    b!();
    expect(await d).toBeTruthy();
    expect(order).toEqual(["c", "d"]);
    rc!();
    expect(slots.active).toBe(1);
  });

  it("refuses after the wait, at once when too many wait, and forgets a client that left", async () => {
    vi.useFakeTimers();
    try {
      const slots = uploadSlots({ concurrency: 1, waitMs: 10_000, queue: 2 });
      const held = await slots.acquire();
      expect(held).toBeTruthy();
      const late = slots.acquire();
      const gone = new AbortController();
      const leaving = slots.acquire(gone.signal);
      expect(await slots.acquire()).toBeNull(); // the line is full
      gone.abort();
      expect(await leaving).toBeNull();
      expect(slots.waiting).toBe(1);
      vi.advanceTimersByTime(10_001);
      expect(await late).toBeNull();
      expect(slots.waiting).toBe(0);
      held!();
      expect(slots.active).toBe(0);
      const again = await slots.acquire();
      expect(again).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
