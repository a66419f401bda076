/**
 * The worked example's conceptual guide: what a recurrent network is, how it is trained,
 * why that is hard, what the gated cells change, and where such networks are used. Every
 * number in it is read from the example on the page (its sizes, its loss, its backward
 * pass), so it changes when the reader edits the example.
 */
import { html } from "lit";
import { fmt } from "../../bindings/format.js";
import { V, type Trace, type WorkedCase } from "../../lessons/worked-example.js";

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const f3 = (x: number) => fmt(x);

/** Weights of a one-layer cell with `blocks` gate blocks, reading V one-hot words and predicting V. */
const weightsOf = (blocks: number, H: number) => blocks * H * (V + H + 1) + V * H + V;

export function conceptsGuide(c: WorkedCase, trace: Trace) {
  const H = c.params.W_h.length, T = c.tokens.length, P = weightsOf(1, H);
  const first = trace.backward[0], fromLater = norm(first.dhFromFuture), fromOwn = norm(first.dhFromOutput);
  const slopes = trace.backward.flatMap((b) => b.fPrime), lo = Math.min(...slopes), hi = Math.max(...slopes);
  return html`
    <h3>What a recurrent network is</h3>
    <p>A recurrent network reads a sequence one item at a time and keeps a running summary of what it has read, the hidden state
      h. At every step it mixes the new input with the previous state, h<sub>t</sub> = f(W<sub>x</sub>x<sub>t</sub> + W<sub>h</sub>h<sub>t−1</sub> + b),
      and reads its output from the state, y<sub>t</sub> = W<sub>y</sub>h<sub>t</sub> + b<sub>y</sub>. The loop through W<sub>h</sub> is its memory.
      The same weights serve every step, so one network handles sentences of any length. Here the state is ${H} number${H > 1 ? "s" : ""},
      the sentence is ${T} word${T > 1 ? "s" : ""} long, and all ${P} weights are shared by the ${T} steps. Drawn step by step
      ("unrolled"), the network looks like a ${T}-layer feed-forward network whose layers share their weights — which is how the
      passes below are laid out.</p>
    <h3>How it learns</h3>
    <p>The loss adds up how surprised the network was at each step, −log p(target): L = ${f3(trace.loss)} for this sentence.
      Backpropagation through time runs the chain rule backwards through the unrolled steps, and because every step uses the same
      weights, each weight's gradient is the sum of what every step contributes (the running totals in the backward pass).
      One step downhill is the last card on this page.</p>
    <h3>Why it is hard</h3>
    <p>On the way back, the gradient is multiplied at every step by W<sub>h</sub><sup>⊤</sup> and by the slope f′ of the activation
      (between ${f3(lo)} and ${f3(hi)} in this pass). Over many steps those products shrink towards nothing (vanishing gradients: early
      inputs stop influencing learning) or grow without bound (exploding gradients, usually tamed by clipping the gradient's size).
      In this short sentence the part of ∂L/∂h₁ that comes back from later steps has size ${f3(fromLater)}, beside ${f3(fromOwn)} from
      step 1's own loss. The BPTT view shows the product over up to 50 steps, the gradient-flow view what it does to learning.</p>
    <h3>Gated cells: LSTM and GRU</h3>
    <p>Gated cells add numbers between 0 and 1, computed from the input and the state at every step, that scale what is kept,
      written and shown. The LSTM keeps a second state, the cell state c, changed only by a forget gate (how much of c to keep),
      an input gate (how much new content to write) and read out through an output gate; backwards along c the gradient meets the
      forget gate instead of W<sub>h</sub> and f′. The GRU folds forget and input into one update gate and keeps a single state,
      with a reset gate deciding how much of the past the new content may see. For this example's sizes the plain cell has ${P}
      weights; a GRU would have ${weightsOf(3, H)} and an LSTM ${weightsOf(4, H)}. The LSTM and GRU views train both and step
      through their gates.</p>
    <h3>Where they are used</h3>
    <p>Anything that arrives in order: text (predicting the next word, as here, and generating, translating or classifying
      sentences), speech turned into text, sensor and financial series to forecast (the ESN view predicts a chaotic series), and
      video frame by frame. For long texts, attention-based models have largely replaced them; recurrent networks remain the
      natural choice where a small, fixed-size state must be updated one step at a time, and they are the clearest place to see
      how learning through time works.</p>`;
}
