/**
 * Every derived measure the lab reports, with its formula (plain text for reports; the
 * view writes the same formulas in MathML) and what it means.
 */
export interface Definition { name: string; formula: string; text: string }

export const DEFINITIONS: Record<string, Definition> = {
  final_loss: {
    name: "final loss",
    formula: "L = mean over the last 5% of steps of ℓ_chunk / n_chunk",
    text: "training loss in nats per character (cross-entropy of the next character), averaged over the last 5% of training steps",
  },
  held_out: {
    name: "held-out loss",
    formula: "L_val = −(1/N) Σ_t log p(x_{t+1} | x_1..x_t)",
    text: "the same loss on the validation split (the last 10% of the corpus, never trained on), read in one pass from a zero state",
  },
  floor: {
    name: "entropy-rate floor",
    formula: "h = H(sentence) / E[characters per sentence]",
    text: "the grammar's exact entropy rate: no model's expected loss per character can go below it",
  },
  spread: {
    name: "seed spread",
    formula: "s = √( Σ_k (L_k − L̄)² / (K − 1) );  real ⇔ |L̄_a − L̄_b| > s_a + s_b",
    text: "the sample standard deviation over K seeds; a difference is called real only when it exceeds the two spreads added",
  },
  spectral_radius: {
    name: "spectral radius",
    formula: "ρ(W_hh) = max_i |λ_i(W_hh)|",
    text: "the largest eigenvalue magnitude of the recurrent matrix: above 1 some directions of the state grow each step (before the squashing), below 1 all shrink",
  },
  probe_accuracy: {
    name: "probe accuracy",
    formula: "acc(d) = share of held-out t with argmax_c (W_d h_t + b_d)_c = x_{t−d}",
    text: "a linear read-out (ridge regression on one-hot targets) fitted on 70% of held-out states, scored on the other 30%",
  },
  memory_horizon: {
    name: "memory horizon",
    formula: "D = max{ d : acc(d′) − base(d′) ≥ 0.05 for all d′ ≤ d }",
    text: "how many characters back the state tells more than the current character does; base(d) is the accuracy of the best guess of the character d steps back made from the current character alone, all a network without memory could use",
  },
  gradient_reach: {
    name: "gradient reach",
    formula: "R = min{ k : GM_t ‖∂ℓ_t/∂h_{t−k}‖ / ‖∂ℓ_t/∂h_t‖ < 0.1 }",
    text: "how many steps back the gradient of one step's loss keeps a tenth of its size (GM: geometric mean over 40 held-out positions)",
  },
  category_separation: {
    name: "category separation",
    formula: "S = mean_{c≠c′} ‖μ_c − μ_c′‖ / √( mean_w ‖m_w − μ_{c(w)}‖² );  m_w = centred mean state at the word's last letter, μ_c = mean of m_w over category c",
    text: "how far apart the grammar's word categories (nouns by kind, verbs, adjectives, …) lie in the hidden states, against how far a word lies from its own category's centre; above 1 the categories are farther apart than their words spread. Also shown: the share of words whose nearest category centre, computed without the word, is their own",
  },
  clip_fraction: {
    name: "clip fraction",
    formula: "f = #{ steps with ‖g‖₂ > θ } / #steps",
    text: "the share of steps where the global gradient norm before clipping exceeded the threshold θ, so the update was rescaled to norm θ",
  },
  grad_norm: {
    name: "gradient norm",
    formula: "‖g‖₂ = √( Σ over all parameters of (∂L/∂θ)² )",
    text: "the global norm of the gradient before clipping, averaged over each stretch of steps",
  },
  saturation: {
    name: "saturated fraction",
    formula: "sat = share of (t, i) with act′(a_{t,i}) < 0.1 · max act′",
    text: "unit activations where the activation is so flat that gradients through it shrink tenfold (tanh |h| > 0.949, sigmoid h < 0.026 or > 0.974); ReLU and identity never saturate, and ReLU units at exactly 0 are counted as dead",
  },
  verdict: {
    name: "stability verdict",
    formula: "diverged ⇐ a non-finite step or L_end > L_start;  unstable ⇐ loss > 1.1 × its best so far after the first 10%",
    text: "read from the run's own loss curve and divergence count",
  },
  cascade: {
    name: "error cascade",
    formula: "E(k) = mean_t [ℓ′_{t+k} − ℓ_{t+k}];  length = first k after which E stays < 0.05",
    text: "after the model reads one wrong character (its own most likely mistake) in place of the true one, how much worse it predicts the true text k steps later",
  },
  free_running: {
    name: "free-running errors",
    formula: "WER = non-words / words;  P(err_{i+k} | err_i)",
    text: "in a 6,000-character sample fed back into the model (temperature 1): the share of words not in the grammar's lexicon, the share of complete sentences the grammar accepts, and how often a non-word is followed by another",
  },
  cosine: {
    name: "cosine similarity",
    formula: "cos(u, v) = u·v / (‖u‖ ‖v‖),  u = mean state at the word's last letter − mean over all words",
    text: "closeness of two words' mean hidden states after removing what all word ends share",
  },
  pca: {
    name: "PCA map",
    formula: "project the centred word states on the top two eigenvectors of their covariance",
    text: "a 2-D picture of the word states; the axis labels give the share of variance each direction keeps",
  },
};
