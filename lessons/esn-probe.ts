/**
 * A light first look at the ESN lesson, and the time the full run will take on this
 * machine. The full run (reservoir and readout, every BPTT step, one memory-capacity
 * point per ρ) took over a minute at N = 500 on a 2-core machine, so the view never
 * starts it on its own. Instead it runs this probe: the reservoir fitted and scored,
 * the recall curve at the chosen ρ, and a few BPTT steps, each timed. The full run's
 * time is then the measured time of each part times how often the full run repeats it.
 *
 * Above PROBE_MAX_SIZE units the probe itself would take seconds, so it runs at
 * CALIBRATION_SIZE instead, only to measure the machine's speed, and the estimate is
 * scaled to N by each part's cost: a BPTT step grows like N²; the reservoir parts mix
 * N² work (running the reservoir, the readout's normal equations) with N³ work
 * (eigenvalues, the solve), and their measured growth from N = 100 to 300 and 500 on the
 * 2-core machine was close to N^2.5 (N² at 300, steeper at 500 as the matrices leave the
 * cache), so that is the exponent used. Measured there: estimates of 2.4 s for an actual
 * 1.4 s at N = 100 (the probe runs cold) and 28 s for 14 s at N = 300, so the sentence
 * calls a scaled estimate a rough guide.
 */
import type { Engine } from "../bindings/engine.js";
import { fmt } from "../bindings/format.js";
import { memoryCapacity } from "../bindings/esn.js";
import {
  checkEsnLabConfig, fitEsn, makeSeries, MC_DELAYS, MC_LENGTH, trainBptt, type EsnFit, type EsnLabConfig, type LabHooks,
} from "./esn-lab.js";

/** Largest N probed at its own size (about 0.4 s at N = 100, 1.2 s at N = 200 in Node on the 2-core machine). */
export const PROBE_MAX_SIZE = 150;
/** N at which the speed is measured for larger networks. */
export const CALIBRATION_SIZE = 100;
/** BPTT steps timed by the probe. */
export const PROBE_BPTT_STEPS = 10;

export interface EsnProbe {
  /** the settings probed (size may be CALIBRATION_SIZE when the reader's N is larger) */
  config: EsnLabConfig;
  /** the reservoir fitted and scored at the probed size */
  esn: EsnFit;
  /** memory capacity at the chosen ρ, with r² per delay */
  capacity: { rho: number; total: number; perDelay: number[] };
  /** measured wall time (ms) of each part at the probed size */
  ms: { esn: number; bpttStep: number; bpttEval: number; capacityPoint: number; total: number };
}

/** Runs the probe for the reader's settings: at their own N when it is small, else at CALIBRATION_SIZE. */
export async function probeEsnLab(engine: Engine, input: Partial<EsnLabConfig>, hooks: Pick<LabHooks, "checkpoint">): Promise<EsnProbe> {
  const asked = checkEsnLabConfig(input);
  const cfg = { ...asked, size: asked.size <= PROBE_MAX_SIZE ? asked.size : CALIBRATION_SIZE };
  const t0 = performance.now(), series = makeSeries(cfg);
  const esn = fitEsn(cfg, series);
  const tEsn = performance.now();
  await hooks.checkpoint();
  const bpttStart = performance.now();
  const rnn = await trainBptt(engine, { ...cfg, rnnSteps: PROBE_BPTT_STEPS }, series, { progress() {}, checkpoint: hooks.checkpoint }, () => {});
  const bpttWall = performance.now() - bpttStart;
  const bpttStep = rnn.trainMs / PROBE_BPTT_STEPS;
  await hooks.checkpoint();
  const tMc = performance.now();
  const mc = memoryCapacity({ size: cfg.size, spectralRadius: cfg.spectralRadius, inputScaling: cfg.inputScaling, leakRate: cfg.leakRate,
    density: Math.min(1, 10 / cfg.size), seed: cfg.seed }, { maxDelay: MC_DELAYS, length: MC_LENGTH, seed: cfg.seed + 7 });
  const end = performance.now();
  return {
    config: cfg, esn,
    capacity: { rho: cfg.spectralRadius, total: mc.total, perDelay: mc.perDelay },
    // what the steps did not account for is the model's set-up and the scoring pass over the series
    ms: { esn: tEsn - t0, bpttStep, bpttEval: Math.max(0, bpttWall - rnn.trainMs), capacityPoint: end - tMc, total: end - t0 },
  };
}

export interface FullRunEstimate {
  /** estimated wall time of the full run (ms) */
  ms: number;
  parts: { esn: number; bptt: number; capacity: number };
  /** the probe ran at another N, so the estimate is scaled by the parts' costs */
  scaledFrom?: number;
}

/** How the reservoir parts' time grows with N (see the top of this file). */
export const RESERVOIR_EXPONENT = 2.5;

/** The full run's time for `input`, from a probe's measured times (scaled by N^2.5 and N² when the probe ran at another N). */
export function estimateFullRun(probe: EsnProbe, input: Partial<EsnLabConfig>): FullRunEstimate {
  const cfg = checkEsnLabConfig(input), r = cfg.size / probe.config.size;
  const reservoir = r ** RESERVOIR_EXPONENT, square = r ** 2, m = probe.ms;
  const points = new Set([...cfg.capacityRhos, cfg.spectralRadius]).size;
  const parts = {
    esn: m.esn * reservoir,
    bptt: (m.bpttStep * cfg.rnnSteps + m.bpttEval) * square,
    capacity: m.capacityPoint * points * reservoir,
  };
  return { ms: parts.esn + parts.bptt + parts.capacity, parts, ...(r === 1 ? {} : { scaledFrom: probe.config.size }) };
}

/** "about 0.8 s", "about 40 s", "about 3 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "an unknown time";
  if (ms < 1000) return `about ${fmt(ms / 1000, 1)} s`;
  const s = Math.round(ms / 1000);
  return s < 90 ? `about ${s} s` : `about ${Math.round(s / 60)} min`;
}

/** One sentence for the reader before a full run: what it will do and how long, from what was measured. */
export function estimateSentence(probe: EsnProbe, input: Partial<EsnLabConfig>): string {
  const cfg = checkEsnLabConfig(input), e = estimateFullRun(probe, input);
  const points = new Set([...cfg.capacityRhos, cfg.spectralRadius]).size;
  const basis = e.scaledFrom
    ? `scaled from the speed measured here at N = ${e.scaledFrom} (reservoir and capacity parts by N^2.5, BPTT by N²), so treat it as a rough guide`
    : `from the speed just measured here at N = ${cfg.size}`;
  return `The full run (the reservoir, ${cfg.rnnSteps} BPTT steps, and ${points} memory-capacity points) will take ${formatDuration(e.ms)} on this machine, ${basis}: `
    + `${formatDuration(e.parts.esn)} for the reservoir, ${formatDuration(e.parts.bptt)} for BPTT, ${formatDuration(e.parts.capacity)} for the capacity curve.`;
}
