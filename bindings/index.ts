/** Public engine API of rnn-explorer. */
export { createEngine, TsEngine, WasmEngine, type Engine, type ModelOptions } from "./engine.js";
export { Model, DEFAULT_OPTIMIZER, SAMPLE_LIMITS, MODEL_FORMAT, MODEL_FORMAT_VERSION, softmax, argmax, toRows,
  type Params, type Gradients, type GateTrace, type ModelJSON, type SampleOptions, type SampleResult } from "./model.js";
export { normalizeConfig, DEFAULT_CONFIG, LIMITS } from "./config.js";
export { parseCase, runCase, type ConformanceCase, type ConformanceResult } from "./conformance.js";
export { hiddenStatistics, saturatedAt } from "./saturation.js";
export { Rng } from "./prng.js";
export { ValidationError, FLOAT32_MAX } from "./validate.js";
export * from "./types.js";
export * as linalg from "./linalg.js";
export { EchoStateNetwork, memoryCapacity, meanSquaredError, squaredCorrelation, DEFAULT_ESN, type EsnConfig } from "./esn.js";
export { CorpusTrainer, DivergenceError, ABSURD_LOSS_FACTOR, type CorpusTrainerOptions, type TrainProgress } from "./trainer.js";
export * as data from "./data/index.js";
