/**
 * A small pool of classic workers built from the inlined worker source. Tasks queue
 * when every worker is busy; idle workers are terminated after a while so a page that
 * stops training holds none. Creation failures (no Worker, a CSP without blob:
 * worker-src) switch the pool to "main" so tasks run on the main thread instead.
 */
import { coreModule } from "../wasm/core.js";
import { taskSet } from "./registry.js";
import type { FromWorker, ToWorker } from "./types.js";

export interface Slot {
  readonly worker: Worker;
  /** Resolves once the worker has its wasm module; rejects if it failed to start. */
  readonly ready: Promise<void>;
  busy: boolean;
  /** Receives this worker's messages while a task runs on it. */
  listener: ((m: FromWorker) => void) | null;
  /** Called when the worker dies (error event or dispose) while busy. */
  onDeath: ((reason: string) => void) | null;
  idleTimer?: ReturnType<typeof setTimeout>;
}

type Waiter = (slot: Slot | null) => void;

const hw = typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
// the page's own thread mostly waits while workers train, so one worker per core
const config = { size: Math.max(1, Math.min(hw, 4)), idleMs: 5000 };
const slots: Slot[] = [];
const waiting: Waiter[] = [];
let broken = typeof Worker === "undefined";
let url: string | undefined;

export interface PoolStats { size: number; workers: number; busy: number; queued: number; mode: "worker" | "main" }

export function poolStats(): PoolStats {
  return { size: config.size, workers: slots.length, busy: slots.filter((s) => s.busy).length, queued: waiting.length, mode: broken ? "main" : "worker" };
}

/** size: at most hardwareConcurrency (and ≥ 1); idleMs: how long an idle worker lives. */
export function configurePool(o: { size?: number; idleMs?: number; mode?: "worker" | "main" }): void {
  if (o.size !== undefined) config.size = Math.max(1, Math.min(Math.floor(o.size), hw));
  if (o.idleMs !== undefined) config.idleMs = Math.max(0, o.idleMs);
  if (o.mode !== undefined) broken = o.mode === "main" || typeof Worker === "undefined";
}

/** Terminates every worker; tasks running on them fail as cancelled. */
export function disposePool(): void {
  for (const s of [...slots]) discard(s, "the worker pool was disposed");
}

/** A free worker, or null when tasks must run on the main thread. Waits in line when all are busy. */
export function acquire(): { slot: Promise<Slot | null>; leave(): void } {
  if (broken) return { slot: Promise.resolve(null), leave() {} };
  const idle = slots.find((s) => !s.busy);
  if (idle) { take(idle); return { slot: Promise.resolve(idle), leave() {} }; }
  if (slots.length < config.size) return { slot: Promise.resolve(spawnOrNull()), leave() {} };
  let waiter!: Waiter;
  const slot = new Promise<Slot | null>((r) => { waiter = r; });
  waiting.push(waiter);
  return { slot, leave() { const k = waiting.indexOf(waiter); if (k >= 0) waiting.splice(k, 1); } };
}

/** Gives a worker back after its task finished (or acknowledged a cancel). */
export function release(s: Slot): void {
  s.listener = null; s.onDeath = null;
  if (!slots.includes(s)) return;
  const next = waiting.shift();
  if (next) { next(s); return; }
  s.busy = false;
  clearTimeout(s.idleTimer);
  s.idleTimer = setTimeout(() => discard(s, "idle"), config.idleMs);
}

/** Terminates a worker (a task that missed its cancel deadline, or a dead one) and serves the queue. */
export function discard(s: Slot, reason: string): void {
  const k = slots.indexOf(s);
  if (k < 0) return;
  slots.splice(k, 1);
  clearTimeout(s.idleTimer);
  s.worker.terminate();
  const death = s.onDeath;
  s.listener = null; s.onDeath = null;
  if (s.busy) death?.(reason);
  const next = waiting.shift();
  if (next) next(broken ? null : spawnOrNull());
}

/** Marks workers unusable in this page; every later task runs on the main thread. */
export function markBroken(): void {
  broken = true;
  for (const w of waiting.splice(0)) w(null);
}

function take(s: Slot) { s.busy = true; clearTimeout(s.idleTimer); }

function spawnOrNull(): Slot | null { try { return spawn(); } catch { markBroken(); return null; } }

function spawn(): Slot {
  url ??= URL.createObjectURL(new Blob([taskSet().workerSource], { type: "text/javascript" }));
  let worker: Worker;
  try { worker = new Worker(url); } catch (e) { markBroken(); throw e; }
  let started = false;
  const slot: Slot = { worker, busy: true, listener: null, onDeath: null, ready: undefined as unknown as Promise<void> };
  (slot as { ready: Promise<void> }).ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.type === "ready") { started = true; resolve(); return; }
      slot.listener?.(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (!started) { reject(new Error("worker failed to start")); return; }
      discard(slot, `the worker crashed: ${e.message}`);
    };
  });
  slot.ready.catch(() => {});
  slots.push(slot);
  coreModule().then(
    (module) => worker.postMessage({ type: "init", module } satisfies ToWorker),
    () => worker.postMessage({ type: "init" } satisfies ToWorker),
  );
  return slot;
}
