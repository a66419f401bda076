/** Dispatches a prefixed event that bubbles out of shadow roots, as the design asks of every element event. */
export function emit<T>(el: EventTarget, type: string, detail: T): boolean {
  return el.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: true }));
}

/** Detail of rnn-input / rnn-change from controls. */
export interface ValueDetail<T = unknown> { value: T }
