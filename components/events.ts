/** Dispatches a prefixed event that bubbles out of shadow roots, as the design asks of every element event. */
export function emit<T>(el: EventTarget, type: string, detail: T): boolean {
  return el.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

/** Detail of rnn-input / rnn-change from controls. */
export interface ValueDetail<T = unknown> { value: T }

/** The events every view that trains fires, with one detail shape each (a view adds its own fields, listed in its @fires). */
export const TRAIN_PROGRESS = "rnn-train-progress";
export const TRAIN_DONE = "rnn-train-done";

/** Detail of rnn-train-progress: how far a training run is. */
export interface TrainProgressDetail {
  /** share of the whole run done, 0–1 */
  fraction: number;
  /** steps (iterations, evaluations) done so far in the network being trained, where the view counts them */
  step?: number;
  /** steps planned for that network */
  steps?: number;
  /** the latest training loss, where the view has a single one */
  loss?: number;
}

/** Detail of rnn-train-done: how a training run ended. */
export interface TrainDoneDetail {
  /** "done" when it ran to the end; "cancelled" when the reader stopped it; "diverged" when the loss stopped being finite */
  status: "done" | "cancelled" | "diverged";
  /** the final training loss, where the view has a single one */
  loss?: number;
}

/**
 * Fired by a view when the reader changed one of its kept settings (KeptAttributes.set), so a page can
 * follow the state (URL, storage) without knowing the view; detail lists the attribute names written.
 */
export const SETTINGS_CHANGE = "rnn-settings-change";
export interface SettingsChangeDetail { names: string[] }

/** Fires rnn-train-progress with the shared detail and the view's own fields. */
export const emitTrainProgress = <T extends TrainProgressDetail>(el: EventTarget, detail: T) => emit(el, TRAIN_PROGRESS, detail);
/** Fires rnn-train-done with the shared detail and the view's own fields. */
export const emitTrainDone = <T extends TrainDoneDetail>(el: EventTarget, detail: T) => emit(el, TRAIN_DONE, detail);

declare global {
  interface HTMLElementEventMap {
    "rnn-train-progress": CustomEvent<TrainProgressDetail>;
    "rnn-train-done": CustomEvent<TrainDoneDetail>;
    "rnn-settings-change": CustomEvent<SettingsChangeDetail>;
    "rnn-main-action": CustomEvent<MainActionDetail>;
    "rnn-score": CustomEvent<ScoreDetail>;
  }
}

/**
 * Fired by every lesson view each time the reader has run its main action (trained, ran the study, stepped
 * through time or the backward pass), so a course page or an LMS wrapper can tell a lesson was used, not only
 * opened. The SCORM runtime (components/scorm/) marks the lesson completed on the first one.
 */
export const MAIN_ACTION = "rnn-main-action";
export interface MainActionDetail {
  /** the view's name, e.g. "bptt" */
  view: string;
  /** what the reader ran: "train", "run", "step", "backward", … */
  action: string;
}
export const emitMainAction = (el: EventTarget, view: string, action: string) => emit<MainActionDetail>(el, MAIN_ACTION, { view, action });

/** Fired when the reader's answer to a view's prediction exercise has been scored against the run; 0 ≤ raw ≤ 100. */
export const SCORE = "rnn-score";
export interface ScoreDetail { view: string; raw: number; min: 0; max: 100 }
