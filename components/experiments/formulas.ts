/**
 * The lab's measures in MathML, each with the numbers of one run substituted (the run
 * with the lowest final loss, or the one the reader picks).
 */
import { html, mathml, type TemplateResult } from "lit";
import { grammarEntropyRate } from "../../bindings/data/index.js";
import { CASCADE_THRESHOLD } from "../../lab/metrics/cascade.js";
import { REACH_RATIO } from "../../lab/metrics/decay.js";
import type { RunSummary, StudyResult } from "../../lab/types.js";
import { mi, mo, sub } from "../math/mathml.js";
import { fmt } from "../../bindings/format.js";

const num = (v: unknown) => (typeof v === "number" ? v : NaN);
const f = (v: number, d = 3) => (Number.isFinite(v) ? fmt(v, { decimals: d }) : "–");
const mn = (v: number | string, d = 3) => mathml`<mn>${typeof v === "number" ? f(v, d) : v}</mn>`;
const frac = (a: TemplateResult, b: TemplateResult) => mathml`<mfrac><mrow>${a}</mrow><mrow>${b}</mrow></mfrac>`;
const norm = (x: TemplateResult) => mathml`<mrow><mo>‖</mo>${x}<mo>‖</mo></mrow>`;
const block = (...parts: TemplateResult[]) => mathml`<math display="block"><mrow>${parts}</mrow></math>`;
const grad = (top: string, bottom: TemplateResult) => frac(mathml`<mo>∂</mo>${sub("ℓ", "t")}`, mathml`<mo>∂</mo>${bottom}`);

export interface Formula { math: TemplateResult; live?: TemplateResult }

/** The formula with a run's numbers, inline, and a note in plain text (which wraps on narrow screens). */
function liveLine(note: string, ...parts: TemplateResult[]): TemplateResult {
  const text = note.trim(), sep = /^[;,]/.test(text) ? "" : " ";
  return html`<p class="live">${parts.length ? html`<math><mrow>${parts}</mrow></math>${sep}` : ""}${text}</p>`;
}

/** MathML for a definition name, with `run`'s numbers (and the study's) substituted. */
export function formula(name: string, result: StudyResult, run: RunSummary | undefined): Formula | undefined {
  const m = run?.metrics ?? {};
  switch (name) {
    case "final loss": return {
      math: block(mi("L"), mo("="), frac(mn(1, 0), mathml`<mo>|</mo><mi>S</mi><mo>|</mo>`), mathml`<munder><mo>∑</mo><mrow><mi>s</mi><mo>∈</mo><mi>S</mi></mrow></munder>`,
        frac(sub("ℓ", "s"), sub("n", "s"))),
      live: run && liveLine(` nats/char (${run.label}; S = last ${Math.ceil(result.steps * 0.05)} steps)`, mi("L"), mo("="), mn(run.final_loss)),
    };
    case "held-out loss": return {
      math: block(sub("L", "val"), mo("="), mo("−"), frac(mn(1, 0), mi("N")), mathml`<munder><mo>∑</mo><mi>t</mi></munder>`,
        mathml`<mi>log</mi><mi>p</mi><mo stretchy="false">(</mo>${sub("x", mathml`<mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow>`)}<mo>|</mo>${sub("x", mathml`<mrow><mo>≤</mo><mi>t</mi></mrow>`)}<mo stretchy="false">)</mo>`),
      live: run && liveLine(` (${run.label}); floor h = ${f(result.floor_nats_per_char)}`, sub("L", "val"), mo("="), mn(num(m.final_val_loss))),
    };
    case "entropy-rate floor": {
      const e = grammarEntropyRate();
      return {
        math: block(mi("h"), mo("="), frac(mathml`<mi>H</mi><mo stretchy="false">(</mo><mtext>sentence</mtext><mo stretchy="false">)</mo>`, mathml`<mi>E</mi><mo stretchy="false">[</mo><mtext>characters</mtext><mo stretchy="false">]</mo>`)),
        live: liveLine(" nats/char", mi("h"), mo("="), frac(mn(e.sentenceEntropyNats), mn(e.expectedSentenceChars)), mo("="), mn(e.natsPerChar, 4)),
      };
    }
    case "seed spread": {
      const sorted = [...result.runs].filter((r) => Number.isFinite(r.final_loss)).sort((a, b) => a.final_loss - b.final_loss);
      const [a, b] = sorted, sa = num(a?.metrics.final_loss_sd), sb = num(b?.metrics.final_loss_sd);
      return {
        math: block(mi("s"), mo("="), mathml`<msqrt>${frac(mathml`<munder><mo>∑</mo><mi>k</mi></munder><msup><mrow><mo stretchy="false">(</mo>${sub("L", "k")}<mo>−</mo><mover><mi>L</mi><mo>¯</mo></mover><mo stretchy="false">)</mo></mrow><mn>2</mn></msup>`, mathml`<mi>K</mi><mo>−</mo><mn>1</mn>`)}</msqrt>`,
          mtext(", real ⇔ "), mathml`<mo>|</mo>${sub(mathml`<mover><mi>L</mi><mo>¯</mo></mover>`, "a")}<mo>−</mo>${sub(mathml`<mover><mi>L</mi><mo>¯</mo></mover>`, "b")}<mo>|</mo>`, mo(">"), sub("s", "a"), mo("+"), sub("s", "b")),
        live: a && b ? liveLine(Number.isFinite(sa + sb) ? ` (${a.label} vs ${b.label})` : " (one seed: no spread)", mathml`<mo>|</mo>`, mn(a.final_loss), mo("−"), mn(b.final_loss), mathml`<mo>|</mo>`, mo("="), mn(Math.abs(a.final_loss - b.final_loss)), mo(Math.abs(a.final_loss - b.final_loss) > sa + sb ? ">" : "≤"), mn(sa), mo("+"), mn(sb)) : undefined,
      };
    }
    case "spectral radius": return {
      math: block(mi("ρ"), mathml`<mo stretchy="false">(</mo>${sub("W", "hh")}<mo stretchy="false">)</mo>`, mo("="), mathml`<munder><mi>max</mi><mi>i</mi></munder>`, mathml`<mo>|</mo>${sub("λ", "i")}<mo>|</mo>`),
      live: run && m.rho_start !== undefined ? liveLine(` (${run.label}, start → end)`, mi("ρ"), mo(":"), mn(num(m.rho_start), 2), mo("→"), mn(num(m.rho_end), 2)) : undefined,
    };
    case "probe accuracy": {
      const acc = m.probe_accuracy as number[] | undefined;
      return {
        math: block(mi("acc"), mathml`<mo stretchy="false">(</mo><mi>d</mi><mo stretchy="false">)</mo>`, mo("="), frac(mn(1, 0), mathml`<mo>|</mo><mi>T</mi><mo>|</mo>`),
          mathml`<munder><mo>∑</mo><mrow><mi>t</mi><mo>∈</mo><mi>T</mi></mrow></munder>`, mathml`<mn>𝟙</mn><mo stretchy="false">[</mo><munder><mi>argmax</mi><mi>c</mi></munder>`,
          mathml`<msub><mrow><mo stretchy="false">(</mo>${sub("W", "d")}${sub("h", "t")}<mo>+</mo>${sub("b", "d")}<mo stretchy="false">)</mo></mrow><mi>c</mi></msub>`, mo("="),
          sub("x", mathml`<mrow><mi>t</mi><mo>−</mo><mi>d</mi></mrow>`), mathml`<mo stretchy="false">]</mo>`),
        live: run && acc ? liveLine(` vs chance ${f((m.probe_chance as number[])[0])} and current-character baseline ${f((m.probe_baseline as number[])[0])} (${run.label})`, mi("acc"), mathml`<mo stretchy="false">(</mo><mn>1</mn><mo stretchy="false">)</mo>`, mo("="), mn(acc[0])) : undefined,
      };
    }
    case "memory horizon": {
      const acc = m.probe_accuracy as number[] | undefined, base = m.probe_baseline as number[] | undefined;
      const margins = acc && base ? acc.map((a, i) => a - base[i]) : [], below = margins.findIndex((x) => x < 0.05);
      return {
        math: block(mi("D"), mo("="), mi("max"), mathml`<mo>{</mo><mi>d</mi><mo>:</mo><mi>acc</mi><mo stretchy="false">(</mo><msup><mi>d</mi><mo>′</mo></msup><mo stretchy="false">)</mo><mo>−</mo><mi>base</mi><mo stretchy="false">(</mo><msup><mi>d</mi><mo>′</mo></msup><mo stretchy="false">)</mo><mo>≥</mo><mn>0.05</mn><mtext>\u00a0for all\u00a0</mtext><msup><mi>d</mi><mo>′</mo></msup><mo>≤</mo><mi>d</mi><mo>}</mo>`),
        live: run && margins.length ? liveLine(` (${run.label}, mean over seeds); acc − base = ${f(margins[0], 2)} at d = 1` + (below >= 0 ? `, first below 0.05 at d = ${below + 1} (${f(margins[below], 2)})` : `, above 0.05 up to d = ${margins.length}`), mi("D"), mo("="), mn(num(m.memory_horizon), 1)) : undefined,
      };
    }
    case "gradient reach": {
      const d = m.gradient_decay as number[] | undefined;
      return {
        math: block(mi("R"), mo("="), mi("min"), mathml`<mo>{</mo><mi>k</mi><mo>:</mo>`, sub("GM", "t"), frac(norm(grad("ℓ", sub("h", mathml`<mrow><mi>t</mi><mo>−</mo><mi>k</mi></mrow>`))), norm(grad("ℓ", sub("h", "t")))), mo("<"), mn(REACH_RATIO, 1), mathml`<mo>}</mo>`),
        live: run && d ? liveLine(` (${run.label}${m.gradient_reach_init !== undefined ? `, after training; ${f(num(m.gradient_reach_init), 1)} at the start` : ""}); ratio at k = 5: ${d[5] !== undefined ? fmt(d[5], 2) : "–"}, at k = 20: ${d[20] !== undefined ? fmt(d[20], 2) : "–"}`, mi("R"), mo("="), mn(num(m.gradient_reach), 1)) : undefined,
      };
    }
    case "category separation": return {
      math: block(mi("S"), mo("="), frac(mathml`${sub("mean", mathml`<mrow><mi>c</mi><mo>≠</mo><msup><mi>c</mi><mo>′</mo></msup></mrow>`)}${norm(mathml`${sub("μ", "c")}<mo>−</mo>${sub("μ", mathml`<msup><mi>c</mi><mo>′</mo></msup>`)}`)}`,
        mathml`<msqrt>${sub("mean", "w")}<msup>${norm(mathml`${sub("m", "w")}<mo>−</mo>${sub("μ", mathml`<mrow><mi>c</mi><mo stretchy="false">(</mo><mi>w</mi><mo stretchy="false">)</mo></mrow>`)}`)}<mn>2</mn></msup></msqrt>`)),
      live: run && m.category_separation !== undefined ? liveLine(` over ${num(m.category_count)} categories; ${f(num(m.category_nearest) * 100, 0)}% of words nearest their own category (${run.label})`, mi("S"), mo("="), mn(num(m.category_separation), 2)) : undefined,
    };
    case "clip fraction": {
      const frac0 = num(m.clip_fraction);
      return {
        math: block(mi("f"), mo("="), frac(mathml`<mo>#</mo><mo>{</mo><mtext>steps with </mtext>${norm(mi("g"))}<mo>></mo><mi>θ</mi><mo>}</mo>`, mathml`<mo>#</mo><mtext>steps</mtext>`)),
        live: run ? liveLine(` (${run.label})`, mi("f"), mo("="), frac(mn(Math.round(frac0 * result.steps), 0), mn(result.steps, 0)), mo("="), mn(frac0)) : undefined,
      };
    }
    case "gradient norm": {
      const g = (m.grad_norm_curve as Array<[number, number]> | undefined)?.at(-1)?.[1];
      return {
        math: block(norm(mi("g")), mo("="), mathml`<msqrt><munder><mo>∑</mo><mi>i</mi></munder><msup><mrow><mo stretchy="false">(</mo>${frac(mathml`<mo>∂</mo><mi>L</mi>`, mathml`<mo>∂</mo>${sub("θ", "i")}`)}<mo stretchy="false">)</mo></mrow><mn>2</mn></msup></msqrt>`),
        live: run && g !== undefined ? liveLine(` averaged over the last stretch of ${run.label}`, norm(mi("g")), mo("="), mn(g, 2)) : undefined,
      };
    }
    case "saturated fraction": return {
      math: block(mi("sat"), mo("="), mtext("share of "), mathml`<mo stretchy="false">(</mo><mi>t</mi><mo>,</mo><mi>i</mi><mo stretchy="false">)</mo>`, mtext(" with "),
        mathml`<msup><mi>act</mi><mo>′</mo></msup><mo stretchy="false">(</mo>${sub("a", "t,i")}<mo stretchy="false">)</mo>`, mo("<"), mn(0.1, 1), mo("·"), mi("max"), mathml`<msup><mi>act</mi><mo>′</mo></msup>`),
      live: run && m.hidden_saturated !== undefined ? liveLine(` (${run.label}, ${result.runs.length} activations in the table)`, mi("sat"), mo("="), mn(num(m.hidden_saturated))) : undefined,
    };
    case "stability verdict": return { math: block(mtext("diverged ⇐ a non-finite step or "), sub("L", "end"), mo(">"), sub("L", "start"), mtext(";  unstable ⇐ "), mi("L"), mo(">"), mn(1.1, 1), mo("·"), sub("L", "best so far")) };
    case "error cascade": {
      const e = m.cascade_extra_loss as number[] | undefined;
      return {
        math: block(mi("E"), mathml`<mo stretchy="false">(</mo><mi>k</mi><mo stretchy="false">)</mo>`, mo("="), sub("mean", "t"), mathml`<mo stretchy="false">[</mo>`,
          sub(mathml`<msup><mi>ℓ</mi><mo>′</mo></msup>`, mathml`<mrow><mi>t</mi><mo>+</mo><mi>k</mi></mrow>`), mo("−"), sub("ℓ", mathml`<mrow><mi>t</mi><mo>+</mo><mi>k</mi></mrow>`), mathml`<mo stretchy="false">]</mo>`,
          mtext(`, length = first k after which E < ${CASCADE_THRESHOLD}`)),
        live: run && e ? liveLine(`for k = 0, 1, 2, …; cascade length ${f(num(m.cascade_length), 1)} (${run.label})`, mi("E"), mo("="), mn(e[0], 2), mo(","), mn(e[1], 2), mo(","), mn(e[2], 2), mo(","), mo("…")) : undefined,
      };
    }
    case "free-running errors": return {
      math: block(mi("WER"), mo("="), frac(mtext("non-words"), mtext("words"))),
      live: run && m.word_error_rate !== undefined ? liveLine(`; grammatical sentences ${f(num(m.grammatical_rate) * 100, 1)}% (${run.label})`, mi("WER"), mo("="), mn(num(m.word_error_rate))) : undefined,
    };
    case "cosine similarity": {
      const top = (m.neighbours as Array<{ word: string; cosine: number }> | undefined)?.[0];
      return {
        math: block(mi("cos"), mathml`<mo stretchy="false">(</mo><mi>u</mi><mo>,</mo><mi>v</mi><mo stretchy="false">)</mo>`, mo("="), frac(mathml`<mi>u</mi><mo>·</mo><mi>v</mi>`, mathml`${norm(mi("u"))}${norm(mi("v"))}`)),
        live: run && top ? liveLine(" (its nearest neighbour)", mi("cos"), mathml`<mo stretchy="false">(</mo><mtext>${String(m.nonce)}</mtext><mo>,</mo><mtext>${top.word}</mtext><mo stretchy="false">)</mo>`, mo("="), mn(top.cosine, 2)) : undefined,
      };
    }
    case "PCA map": {
      const p = m.pca as { explained: [number, number] } | undefined;
      return {
        math: block(mtext("project centred word states on the top two eigenvectors of "), mi("C"), mo("="), frac(mn(1, 0), mi("n")), mathml`<msup><mi>X</mi><mo>⊤</mo></msup><mi>X</mi>`),
        live: p ? liveLine(`variance kept: ${f(p.explained[0] * 100, 1)}% + ${f(p.explained[1] * 100, 1)}% (seed ${result.seeds[0]})`) : undefined,
      };
    }
  }
  return undefined;
}

/** Text inside a formula; MathML drops edge spaces, so they become no-break spaces. */
function mtext(s: string): TemplateResult { return mathml`<mtext>${s.replace(/^ +| +$/g, (m) => "\u00a0".repeat(m.length))}</mtext>`; }
