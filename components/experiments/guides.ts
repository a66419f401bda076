/** The written guide of each study: things to try, and what to look for in the numbers. */
import type { StudyId } from "../../lab/types.js";

export interface Guide { tryThis: string[]; lookFor: string[] }

export const GUIDES: Record<StudyId, Guide> = {
  init: {
    tryThis: [
      "Run the quick budget first, then the full 30,000 steps: does the order of the three starts change once training has had time?",
      "Add \"uniform\" (small uniform weights) to the list: a start with ρ well below 1.",
      "Switch the loss convention to mean: the same learning rate now takes much smaller steps.",
    ],
    lookFor: [
      "ρ(W_hh) at step 0: orthogonal sits at exactly 1, random Gaussian far above. Training moves every start; see where each ends.",
      "The early part of the loss curves: a faster start is not the same as a lower end.",
      "The samples: misspelled words and missing spaces show what the loss numbers mean.",
    ],
  },
  "hidden-size": {
    tryThis: [
      "Add 8 and 256 to the list to see both ends of the curve.",
      "Compare the held-out loss with the training loss: does a large network start to memorise the training text?",
    ],
    lookFor: [
      "How much each doubling of H buys, against how much the parameter count and the time per step grow.",
      "Whether the gaps between neighbouring sizes are larger than the seed spread.",
    ],
  },
  tbptt: {
    tryThis: [
      "Add 2 and 100 to the chunk lengths.",
      "Compare the memory horizon with the chunk length in the table: how much of the chunk does the model actually use?",
    ],
    lookFor: [
      "The gradient-decay curve: how fast one step's gradient fades with distance, even inside a chunk.",
      "Probe accuracy against the current-character baseline: only the part above it is memory.",
      "Whether a 5-character chunk limits the horizon to about 5.",
    ],
  },
  activation: {
    tryThis: [
      "Switch the loss convention to mean: how often does clipping act now, and do the unbounded activations (ReLU, identity) stay stable with less of it?",
      "Use a small step budget and watch which activation falls fastest at first.",
    ],
    lookFor: [
      "The stability verdict and its reason in the table, computed from each run's own loss curve.",
      "Hidden-state range: bounded (tanh, sigmoid) or not (ReLU, identity); how many units sit saturated or at exactly 0.",
      "The gradient norm before clipping: which activation needs clipping most.",
    ],
  },
  clipping: {
    tryThis: [
      "Add \"none\" to the thresholds (no clipping at all).",
      "Switch the loss convention between sum and mean and run again: the clipped share changes completely, since the summed gradient is about 25 times larger.",
    ],
    lookFor: [
      "The share of steps clipped, over training and overall: when does each threshold act?",
      "Whether the final loss against the threshold has a minimum inside the range or at one end.",
    ],
  },
  "teacher-forcing": {
    tryThis: [
      "Add p = 0.5 and p = 1 to the list: more of the model's own samples in training.",
      "Read the free-running samples of each model side by side.",
    ],
    lookFor: [
      "The extra-loss curve after one wrong character: its height just after the mistake and how fast it falls.",
      "Non-words and grammatical sentences in free-running text, and how often a non-word follows a non-word.",
      "What scheduled sampling costs in training loss, if anything.",
    ],
  },
  reservoir: {
    tryThis: [
      "Run it with the mean loss convention as well.",
      "Compare with the echo state network view, which trains only a linear read-out.",
    ],
    lookFor: [
      "How far below the unigram entropy the reservoir gets with W_hh never trained.",
      "ρ(W_hh): fixed at 1 for the reservoir, drifting for full training.",
      "The memory horizon: does training W_hh add memory, or take it away?",
    ],
  },
  similarity: {
    tryThis: [
      "Try other made-up words, e.g. one ending in a letter no known word ends with: a character model sees letters before contexts.",
      "Replace a food or an object instead of a person or an animal.",
    ],
    lookFor: [
      "The nearest neighbours and their categories: shared contexts or shared letters?",
      "The cosine to the replaced word itself, measured on the original text.",
      "Where the made-up word lands on the PCA map, and which categories form clusters there.",
    ],
  },
  "learning-rate": {
    tryThis: [
      "Extend the list to 0.3 and 1 to find where training breaks.",
      "Switch to the mean convention: the useful rates move by a factor of about 25.",
    ],
    lookFor: [
      "The final loss against the rate, and where its minimum is.",
      "Divergence: non-finite steps are rolled back and counted; a climbing loss is reported as unstable.",
    ],
  },
  grid: {
    tryThis: [
      "Before running, write down the cell you expect to win and lock it in below.",
      "Narrow the lists (e.g. H = 32, 64 only) to finish faster.",
    ],
    lookFor: [
      "Which choice matters most: compare the averages by activation, size and chunk length in the observations.",
      "Cells marked unstable or diverged.",
      "How many parameters the best cell needs compared with the runner-up.",
    ],
  },
};
