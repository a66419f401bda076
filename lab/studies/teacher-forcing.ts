import { combine, commonObservations, gapText, lowerVerdict, num, spreadText, stat, verdictText } from "../observe.js";
import { fmtMeanSd } from "../stats.js";
import type { StudyDef } from "../study.js";

export const teacherForcing: StudyDef = {
  id: "teacher-forcing",
  title: "Teacher forcing vs scheduled sampling",
  description: "With teacher forcing the model always reads the true previous character during training, yet when it generates it reads its own " +
    "guesses, which it never practised on (exposure bias). Scheduled sampling feeds back the model's own sample with a probability that rises " +
    "linearly from 0 to p over training. We measure how long one mistake keeps hurting the predictions that follow, and how free-running samples hold up.",
  hypothesis: "Scheduled sampling shortens the cascade after a mistake: the extra loss caused by one wrong character fades sooner than under teacher forcing, and free-running samples contain fewer non-words.",
  variables: [{ key: "samplingProb", label: "Final sampling probabilities p", kind: "number", min: 0, max: 1, defaults: [0, 0.25],
    format: (v) => (v === 0 ? "teacher forcing" : `scheduled sampling to p=${v}`) }],
  definitions: ["final_loss", "held_out", "cascade", "free_running", "spread"],
  measure: () => ({ cascade: true, sample: true }),
  apply: (c, v) => ({ ...c, samplingProb: v.samplingProb as number }),
  observe(runs, ctx) {
    const out = commonObservations(runs, ctx);
    if (runs.some((r) => (r.value as number) > 0)) out.push("Under scheduled sampling the training loss is measured on inputs that are partly the model's own samples, so compare held-out losses; its stability is judged on the held-out curve.");
    for (const r of runs) {
      const after = (r.metrics.error_after_error as number[])[0];
      out.push(`${r.label}: one wrong character adds ${fmtMeanSd(stat(r, "extra_loss_total"), 2)} nats of loss in total over the next ${(r.metrics.cascade_extra_loss as number[]).length} characters; ` +
        `cascade length ${fmtMeanSd(stat(r, "cascade_length"), 1)} characters. Free-running: ${(num(r.metrics.word_error_rate) * 100).toFixed(1)}% non-words, ` +
        `${(num(r.metrics.grammatical_rate) * 100).toFixed(1)}% grammatical sentences; after a non-word the next word is also one ${Number.isFinite(after) ? `${(after * 100).toFixed(0)}%` : "(no non-words)"} of the time.`);
    }
    const tf = runs.find((r) => r.value === 0), ss = runs.filter((r) => r !== tf);
    if (!tf || !ss.length) return { observations: out, verdict: "unclear" };
    const best = [...ss].sort((a, b) => num(a.metrics.extra_loss_total) - num(b.metrics.extra_loss_total))[0];
    const cascadeClaim = lowerVerdict(stat(best, "extra_loss_total"), stat(tf, "extra_loss_total"));
    const werClaim = lowerVerdict(stat(best, "word_error_rate"), stat(tf, "word_error_rate"));
    const fewer = num(best.metrics.word_error_rate) < num(tf.metrics.word_error_rate);
    const v = combine(cascadeClaim, werClaim);
    out.push(verdictText(v, `${best.label} ${num(best.metrics.extra_loss_total) < num(tf.metrics.extra_loss_total) ? "recovers with less" : "suffers more"} total extra loss than teacher forcing ` +
      `${gapText(stat(best, "extra_loss_total"), stat(tf, "extra_loss_total"), "nats")}; its free-running samples have ${fewer ? "fewer" : "more"} non-words ` +
      `(${(num(best.metrics.word_error_rate) * 100).toFixed(1)}% vs ${(num(tf.metrics.word_error_rate) * 100).toFixed(1)}%, ${spreadText(stat(best, "word_error_rate"), stat(tf, "word_error_rate"))}).`));
    return { observations: out, verdict: v };
  },
};
