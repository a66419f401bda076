/**
 * The stable view names (docs/design.md) and their titles, in teaching order. Pages link to the
 * names; the elements register under them (components/registry.ts) and the CLI packs them
 * (`rnn-explorer pack`), so the list lives below both.
 */
export const VIEW_NAMES = ["shift-register", "feedback", "state-space", "bptt", "lstm", "gru", "gradient-flow", "esn",
  "sequence-lab", "worked-example", "char-lab", "experiments", "bench"] as const;

export type ViewName = (typeof VIEW_NAMES)[number];

/** The title of each view's tab (and of its activity in an LMS package). */
export const VIEW_TITLES: Record<ViewName, string> = {
  "shift-register": "Shift register", feedback: "Feedback", "state-space": "State space", bptt: "BPTT",
  lstm: "LSTM cell", gru: "GRU cell", "gradient-flow": "Gradient flow", esn: "ESN vs BPTT", "sequence-lab": "Sequence lab",
  "worked-example": "Worked example", "char-lab": "Character lab", experiments: "Experiments", bench: "Speed",
};
