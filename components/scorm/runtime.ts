/**
 * The SCORM 1.2 run-time of a page made by `rnn-explorer pack --scorm` (dist/scorm.js, started by boot.ts):
 * it finds the LMS, starts the attempt, listens for the lesson's main action and score, and
 * finishes when the page goes away, keeping the lesson's settings for the next visit. Without an LMS it
 * does nothing and the page is a plain lesson. It imports no elements, so it stays a few kilobytes beside
 * the bundle; the page loads it first, so saved settings are on the element before the bundle upgrades it.
 */
import { MAIN_ACTION, SCORE, type ScoreDetail } from "../events.js";
import { findScormAPI } from "./find-api.js";
import { restoreSettings, suspendData } from "./resume.js";
import { ScormSession } from "./session.js";

export function startScorm(win: Window = window): ScormSession | undefined {
  const api = findScormAPI(win);
  if (!api) return undefined;
  const session = new ScormSession(api);
  if (!session.start()) return undefined;
  const explorer = win.document.querySelector("rnn-explorer");
  restoreSettings(explorer, session.resumeData());
  win.addEventListener(MAIN_ACTION, () => session.mainActionDone());
  win.addEventListener(SCORE, (e) => session.score((e as CustomEvent<ScoreDetail>).detail.raw));
  // pagehide also fires when an LMS removes the frame or the reader closes the tab
  win.addEventListener("pagehide", () => { session.suspend(suspendData(explorer)); session.finish(); });
  return session;
}
