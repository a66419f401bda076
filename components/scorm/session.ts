/**
 * One SCORM 1.2 attempt of one lesson: initialise, mark it incomplete (unless the LMS already
 * records it completed or passed), completed once the reader ran the lesson's main action,
 * the score of its prediction exercise where it has one, and finish with the time spent.
 * Each change is committed at once, so a closed tab loses nothing.
 */
import type { Scorm12API } from "./find-api.js";

const DONE = new Set(["completed", "passed"]);

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scormTimespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000)), m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60, c = cs % 100;
  const two = (v: number) => String(v).padStart(2, "0");
  return `${String(h).padStart(4, "0")}:${two(m)}:${two(s)}.${two(c)}`;
}

export class ScormSession {
  private active = false;
  private completed = false;
  private readonly started: number;

  constructor(private readonly api: Scorm12API, private readonly now: () => number = () => Date.now()) {
    this.started = now();
  }

  /** LMSInitialize and the starting status; false when the LMS refused to start. */
  start(): boolean {
    if (this.api.LMSInitialize("") !== "true") return false;
    this.active = true;
    const status = this.api.LMSGetValue("cmi.core.lesson_status");
    this.completed = DONE.has(status);
    if (!this.completed) this.api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    this.api.LMSCommit("");
    return true;
  }

  /** The reader ran the lesson's main action: the first time makes the attempt complete. */
  mainActionDone(): void {
    if (!this.active || this.completed) return;
    this.completed = true;
    this.api.LMSSetValue("cmi.core.lesson_status", "completed");
    this.api.LMSCommit("");
  }

  /** The prediction exercise's score, 0–100 (the latest answer counts). */
  score(raw: number): void {
    if (!this.active || !Number.isFinite(raw)) return;
    this.api.LMSSetValue("cmi.core.score.min", "0");
    this.api.LMSSetValue("cmi.core.score.max", "100");
    this.api.LMSSetValue("cmi.core.score.raw", String(Math.round(Math.min(100, Math.max(0, raw)))));
    this.api.LMSCommit("");
  }

  /** What the LMS kept of the learner's last visit (cmi.suspend_data), "" on a first visit. */
  resumeData(): string {
    return this.active ? this.api.LMSGetValue("cmi.suspend_data") : "";
  }

  /** Keeps `data` for the learner's next visit (sent with the next commit). */
  suspend(data: string): void {
    if (this.active && data) this.api.LMSSetValue("cmi.suspend_data", data);
  }

  /** Records the time spent and ends the attempt (suspended while incomplete, so the LMS resumes it); later calls do nothing. */
  finish(): void {
    if (!this.active) return;
    this.active = false;
    this.api.LMSSetValue("cmi.core.session_time", scormTimespan(this.now() - this.started));
    this.api.LMSSetValue("cmi.core.exit", this.completed ? "" : "suspend");
    this.api.LMSCommit("");
    this.api.LMSFinish("");
  }
}
