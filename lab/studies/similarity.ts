import { GRAMMAR_WORDS } from "../../bindings/data/index.js";
import { lossOf, num, valOf, verdictText } from "../observe.js";
import { fmtMeanSd } from "../stats.js";
import type { HypothesisVerdict, StudyDef } from "../study.js";

const NOUNS = Object.values(GRAMMAR_WORDS.nouns).flat();

export const similarityStudy: StudyDef = {
  id: "similarity",
  title: "Distributional similarity",
  description: "After training, every occurrence of one known word is replaced by a made-up word and the text is run through the model with no further training. " +
    "Where do the new word's hidden states land? We compare its mean state with every known word's (cosine similarity), list its nearest neighbours, " +
    "and draw all words on a 2-D PCA map. Only the word's contexts can tell the model what it is.",
  hypothesis: "The made-up word's state lands among the replaced word's category-mates: at least 3 of its 5 nearest neighbours share that word's category.",
  variables: [{ key: "replace", label: "Words to replace", kind: "choice", choices: NOUNS, defaults: ["man", "cat"], format: (v) => `replace ${v}` }],
  option: { key: "nonce", label: "Made-up word", default: "wug" },
  definitions: ["cosine", "pca", "final_loss", "held_out"],
  measure: ({ value, option }) => ({ similarity: { replace: value.replace as string, nonce: option } }),
  apply: (c) => c,
  observe(runs, ctx) {
    // every variant trains the same baseline model; only the word replaced differs
    const out = runs.length ? [`The trained models reach ${fmtMeanSd(lossOf(runs[0]))} nats/char on training text and ${fmtMeanSd(valOf(runs[0]))} held out (floor ${ctx.floor.toFixed(3)}).`] : [];
    const claims: HypothesisVerdict[] = [];
    for (const r of runs) {
      const m = r.metrics, nb = (m.neighbours as Array<{ word: string; category: string; cosine: number }>).slice(0, 5);
      const share = num(m.same_category_share);
      out.push(`Replacing "${m.replace}" (${m.category}) by "${m.nonce}" (${m.occurrences} occurrences): nearest neighbours ${nb.map((n) => `${n.word} (${n.category}, ${n.cosine.toFixed(2)})`).join(", ")}. ` +
        `${(share * 5).toFixed(1)} of the 5 nearest share its category on average over seeds; cosine to "${m.replace}" itself: ${num(m.cosine_to_replaced).toFixed(2)}.`);
      claims.push(share >= 0.6 ? "supported" : share < 0.4 ? "contradicted" : "unclear");
    }
    const v: HypothesisVerdict = claims.length === 0 ? "unclear" : claims.every((c) => c === "supported") ? "supported" : claims.includes("contradicted") ? "contradicted" : "unclear";
    out.push(verdictText(v, runs.map((r, i) => `for "${r.metrics.replace}" ${claims[i] === "supported" ? "3 or more" : claims[i] === "contradicted" ? "fewer than 2" : "between 2 and 3"} of 5 neighbours were category-mates`).join("; ") + "."));
    return { observations: out, verdict: v };
  },
};
