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
  /** Called when the worker dies (error event, dispose, or no reply to the heartbeat) while busy. */
  onDeath: ((reason: string) => void) | null;
  idleTimer?: ReturnType<typeof setTimeout>;
  /** When the worker last sent anything (performance.now()); a busy worker answers pings between slices. */
  lastHeard: number;
  heartbeat?: ReturnType<typeof setInterval>;
  /** Built from the task set's fallback source. */
  fromFallback: boolean;
}

type Waiter = (slot: Slot | null) => void;

const hw = typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
// the page's own thread mostly waits while workers train, so one worker per core
// livenessMs: a busy worker silent this long is dead (it closed itself, or hangs in one slice);
// generous, because a task yields between slices but a slice on a loaded machine can be slow
const config = { size: Math.max(1, Math.min(hw, 4)), idleMs: 5000, heartbeatMs: 1000, livenessMs: 20_000 };
const slots: Slot[] = [];
const waiting: Waiter[] = [];
let broken = typeof Worker === "undefined";
let url: { source: string; href: string } | undefined;
let fallback: Promise<string> | undefined;
let fallbackSource: string | undefined;

export interface PoolStats { size: number; workers: number; busy: number; queued: number; mode: "worker" | "main" }

export function poolStats(): PoolStats {
  return { size: config.size, workers: slots.length, busy: slots.filter((s) => s.busy).length, queued: waiting.length, mode: broken ? "main" : "worker" };
}

/** size: at most hardwareConcurrency (and ≥ 1); idleMs: how long an idle worker lives. */
export function configurePool(o: { size?: number; idleMs?: number; mode?: "worker" | "main"; heartbeatMs?: number; livenessMs?: number }): void {
  if (o.size !== undefined) config.size = Math.max(1, Math.min(Math.floor(o.size), hw));
  if (o.idleMs !== undefined) config.idleMs = Math.max(0, o.idleMs);
  if (o.heartbeatMs !== undefined) config.heartbeatMs = Math.max(10, o.heartbeatMs);
  if (o.livenessMs !== undefined) config.livenessMs = Math.max(config.heartbeatMs, o.livenessMs);
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
  clearInterval(s.heartbeat);
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

function take(s: Slot) { s.busy = true; s.lastHeard = performance.now(); clearTimeout(s.idleTimer); }

/**
 * A worker can die without an error event (it closed itself, the browser killed it): while it
 * is busy the page pings it, and one that has not answered for livenessMs is discarded, which
 * fails its task with a message and frees the slot.
 */
function watch(slot: Slot) {
  slot.heartbeat = setInterval(() => {
    if (!slot.busy) return;
    const silent = performance.now() - slot.lastHeard;
    if (silent > config.livenessMs) discard(slot, `the worker stopped responding (no reply for ${Math.round(silent / 1000)} s) and was stopped`);
    else slot.worker.postMessage({ type: "ping" } satisfies ToWorker);
  }, config.heartbeatMs);
}

function spawnOrNull(): Slot | null { try { return spawn(); } catch { markBroken(); return null; } }

/**
 * A worker that failed to start. If it was built from the primary source and the task set has a
 * fallback, loads that once and resolves true (start again); otherwise workers are unusable here.
 */
export async function startFailed(slot: Slot): Promise<boolean> {
  const load = taskSet().fallbackSource;
  if (load && !slot.fromFallback) {
    try { fallbackSource = await (fallback ??= load()); return true; } catch { /* no fallback either */ }
  }
  markBroken();
  return false;
}

function spawn(): Slot {
  const source = fallbackSource ?? taskSet().workerSource;
  if (url?.source !== source) url = { source, href: URL.createObjectURL(new Blob([source], { type: "text/javascript" })) };
  let worker: Worker;
  try { worker = new Worker(url.href); } catch (e) { markBroken(); throw e; }
  let started = false;
  const slot: Slot = { worker, busy: true, listener: null, onDeath: null, ready: undefined as unknown as Promise<void>, lastHeard: performance.now(),
    fromFallback: source === fallbackSource };
  (slot as { ready: Promise<void> }).ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      slot.lastHeard = performance.now();
      if (e.data.type === "pong") return;
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
  watch(slot);
  coreModule().then(
    (module) => worker.postMessage({ type: "init", module } satisfies ToWorker),
    () => worker.postMessage({ type: "init" } satisfies ToWorker),
  );
  return slot;
}
