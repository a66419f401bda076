/**
 * How long work gives the thread back between slices: everywhere (tasks on the page,
 * a view's own sliced training, tasks in a worker) it yields one macrotask, so every
 * other task source of the event loop runs before the work continues.
 *
 * On the page that macrotask is a timer. scheduler.yield() and MessageChannel ticks
 * outrank timers in Chromium, so while training ran the page's own timers starved (gaps
 * of 30-150 ms); a timer queues behind them and behind input and rendering. It costs the
 * 4 ms clamp on nested timers, so a 10 ms slice keeps about 70% of the thread, which is
 * the price of a page that stays responsive.
 *
 * In a worker nothing else shares the thread but the page's messages (pause, step,
 * cancel), which a MessageChannel tick lets through without the clamp.
 */

/** The longest stretch of work between two yields. 10 ms leaves the rest of a 60 Hz frame free. */
export const SLICE_MS = 10;

const onPage = typeof document !== "undefined";

export function yieldToEventLoop(): Promise<void> {
  return onPage ? new Promise((resolve) => setTimeout(resolve, 0)) : messageTick();
}

function messageTick(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(0);
  });
}
