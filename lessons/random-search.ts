/**
 * Random search: the gradient-free baseline the sequence lab sets against BPTT.
 * Each evaluation proposes new weights, runs the sequence forward once and keeps
 * the proposal only if its loss is lower. Two ways to propose:
 *  - "perturb": the best weights so far plus Gaussian noise of size σ (a
 *    (1+1) evolution strategy; σ grows after a success and shrinks after a
 *    failure, the classic one-fifth rule), a fair and fairly strong baseline;
 *  - "sample": fresh weights drawn uniformly from [−σ, σ], blind guessing.
 */
import type { Model } from "../bindings/model.js";
import { Rng } from "../bindings/prng.js";
import { checkBudget, evaluate, timedEvaluate, type Problem, type RunHooks, type RunSummary } from "./sequence-lab.js";

export type SearchMode = "perturb" | "sample";
export const SEARCH_MODES: readonly SearchMode[] = ["perturb", "sample"];

export interface SearchSettings {
  mode: SearchMode;
  /** σ: noise size ("perturb", initial) or half-width of the box ("sample") */
  scale: number;
  seed: number;
}

export interface SearchStep {
  /** loss of this evaluation's proposal */
  loss: number;
  /** lowest loss found so far */
  best: number;
  accepted: boolean;
  /** σ after this step */
  scale: number;
}

export class RandomSearch {
  private readonly rng: Rng;
  private best: Float64Array;
  private bestLoss: number;
  private scale: number;
  private readonly proposal: Float64Array;
  accepted = 0;
  evaluations = 0;
  /** time inside the evaluations' engine calls (ms), measured as BPTT's steps are */
  workMs = 0;

  /** Starts from the model's current weights; measuring their loss is not counted as an evaluation. */
  constructor(private readonly model: Model, private readonly problem: Problem, private readonly s: SearchSettings) {
    if (!(s.scale > 0 && Number.isFinite(s.scale))) throw new RangeError(`search scale must be a positive number, got ${s.scale}`);
    this.rng = new Rng(s.seed);
    this.best = model.getFlatParams();
    this.proposal = new Float64Array(this.best.length);
    this.bestLoss = evaluate(model, problem);
    if (!Number.isFinite(this.bestLoss)) this.bestLoss = Infinity;
    this.scale = s.scale;
  }

  get bestLossSoFar() { return this.bestLoss; }
  get bestParams() { return Float64Array.from(this.best); }

  /** One proposal, one forward pass (one loss evaluation). */
  step(): SearchStep {
    const q = this.proposal;
    for (let k = 0; k < q.length; k++) {
      q[k] = this.s.mode === "perturb" ? this.best[k] + this.scale * this.rng.gaussian() : (this.rng.next() * 2 - 1) * this.s.scale;
      // float32 weights beyond this overflow the forward pass; such a proposal is simply worse
      if (!(Math.abs(q[k]) < 1e18)) q[k] = Math.sign(q[k]) * 1e18 || 0;
    }
    this.model.setFlatParams(q);
    const { loss, ms } = timedEvaluate(this.model, this.problem);
    this.workMs += ms;
    this.evaluations++;
    const accepted = Number.isFinite(loss) && loss < this.bestLoss;
    if (accepted) { this.best.set(q); this.bestLoss = loss; this.accepted++; }
    if (this.s.mode === "perturb") this.scale = Math.min(1e3, Math.max(1e-6, this.scale * (accepted ? 1.5 : 0.9)));
    this.model.setFlatParams(this.best);
    return { loss, best: this.bestLoss, accepted, scale: this.scale };
  }
}

/** Searches for `budget` evaluations from the model's current weights and leaves the best in the model. */
export async function searchRandom(model: Model, p: Problem, s: SearchSettings, budget: number, hooks: RunHooks = {}): Promise<RunSummary> {
  checkBudget(budget);
  const t0 = performance.now(), search = new RandomSearch(model, p, s), startLoss = search.bestLossSoFar;
  const curve: number[] = [];
  let lastReport = -Infinity;
  for (let k = 1; k <= budget; k++) {
    curve.push(search.step().best);
    if (hooks.report && (k === budget || performance.now() - lastReport >= (hooks.reportMs ?? 50))) {
      lastReport = performance.now();
      hooks.report({ method: "random", evaluation: k, budget, curve: curve.slice(), accepted: search.accepted, ms: lastReport - t0 });
    }
    await hooks.checkpoint?.();
  }
  const ms = performance.now() - t0;
  return { method: "random", curve, startLoss, finalLoss: evaluate(model, p), evaluations: budget, ms, workMs: search.workMs, params: model.getParams(), accepted: search.accepted };
}
