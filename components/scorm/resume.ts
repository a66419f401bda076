/**
 * Where the learner left off, kept by the LMS in cmi.suspend_data: the lesson's settings as a
 * query string, the same state a Share link carries. Restored onto the page's <rnn-explorer>
 * before the bundle upgrades it, so the lesson reopens as it was; the view itself is never changed.
 */
import { isSafeAttributeName } from "../attributes.js";

/** SCORM 1.2 caps cmi.suspend_data at 4096 characters. */
export const MAX_SUSPEND_DATA = 4096;

/** What the runtime needs of the explorer: its shareable state (RnnExplorer.shareState). */
type Explorer = Element & { shareState?: () => Record<string, string> };

/** The explorer's settings as suspend data, or "" when they do not fit. */
export function suspendData(el: Explorer | null): string {
  const state = el?.shareState?.();
  if (!state) return "";
  const q = new URLSearchParams(Object.entries(state).filter(([k]) => k !== "view"));
  const s = q.toString();
  return s.length <= MAX_SUSPEND_DATA ? s : "";
}

/** Puts saved settings back as attributes; names that could run code, and `view`, are ignored. */
export function restoreSettings(el: Element | null, data: string): void {
  if (!el || !data) return;
  for (const [k, v] of new URLSearchParams(data)) {
    const name = k.toLowerCase();
    if (name !== "view" && isSafeAttributeName(name)) el.setAttribute(name, v.slice(0, 2000));
  }
}
