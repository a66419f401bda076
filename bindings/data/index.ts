/** Data for the lessons: tokenizer, number sequences, memory tasks and synthetic corpora. */
export * from "./tokenizer.js";
export * from "./sequences.js";
export * from "./tasks.js";
export * from "./grammar.js";
export * from "./entropy.js";
export * from "./corpora/generated.js";
export { Pcfg, type GrammarSymbol, type Rule } from "./pcfg.js";
