/**
 * Finds the SCORM 1.2 LMS API the standard way (ADL's API discovery): `window.API` in this
 * window or up to 7 parent frames, then in the window that opened this one and its parents.
 * A frame of another origin cannot be read; it is skipped rather than thrown at the page.
 */

/** The SCORM 1.2 run-time calls a SCO makes; every value is a string, "true"/"false" for success. */
export interface Scorm12API {
  LMSInitialize(arg: ""): string;
  LMSFinish(arg: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ""): string;
  LMSGetLastError(): string;
}

/** How many parents the standard search climbs before it gives up. */
const MAX_PARENTS = 7;

function apiOf(win: Window): Scorm12API | undefined {
  try {
    const api = (win as Window & { API?: Scorm12API }).API;
    return api && typeof api.LMSInitialize === "function" ? api : undefined;
  } catch {
    return undefined; // another origin
  }
}

function parentOf(win: Window): Window | undefined {
  try { return win.parent && win.parent !== win ? win.parent : undefined; } catch { return undefined; }
}

function searchUp(start: Window): Scorm12API | undefined {
  let win: Window | undefined = start;
  for (let k = 0; win && k <= MAX_PARENTS; k++, win = parentOf(win)) {
    const api = apiOf(win);
    if (api) return api;
  }
  return undefined;
}

export function findScormAPI(win: Window = window): Scorm12API | undefined {
  const found = searchUp(win);
  if (found) return found;
  let opener: Window | null = null;
  try { opener = win.opener as Window | null; } catch { opener = null; }
  return opener ? searchUp(opener) : undefined;
}
