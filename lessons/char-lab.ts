/** The character lab's computations: corpora, text checks, training sessions, generation and the recall experiment. */
export * from "./char-lab-text.js";
export * from "./char-lab-generate.js";
export * from "./char-lab-train.js";
export * from "./char-lab-recall.js";
export { builtinCorpus, BUILTIN_CORPORA, copyFloor, type BuiltinCorpus, type BuiltinCorpusId, type LossFloor } from "../bindings/data/corpora/index.js";
