/**
 * rnn-explorer: every element, the view registry, the worker task runner and the
 * helpers lesson views use. Importing this file defines all elements.
 */
export { RnnExplorer, COMMON_ATTRIBUTES } from "./explorer/explorer.js";
export { RnnShare } from "./share/share.js";
export { RnnSlider } from "./ui/slider/slider.js";
export { RnnSelect, type SelectOption } from "./ui/select/select.js";
export { RnnToggle } from "./ui/toggle/toggle.js";
export { RnnButton } from "./ui/button/button.js";
export { RnnTabs, type TabItem } from "./ui/tabs/tabs.js";
export { RnnProgress } from "./ui/progress/progress.js";
export { RnnMessage } from "./ui/message/message.js";
export { RnnLineChart, type LineSeries } from "./charts/line-chart/line-chart.js";
export { RnnBarChart, type Bar } from "./charts/bar-chart/bar-chart.js";
export { RnnHeatMap } from "./charts/heat-map/heat-map.js";
export { RnnSmallMultiples, type Multiple } from "./charts/small-multiples/small-multiples.js";

export { registerView, unregisterView, registeredViews, getView, VIEW_NAMES, type ViewEntry } from "./registry.js";
export { AttributeController, KeptAttributes, readAttributes, int, num, oneOf, listOf, text, numberList, fixedNumbers, flag, isSafeAttributeName, type Rule, type Spec, type Values } from "./attributes.js";
export { TaskController, type TaskStatus, type TaskControllerOptions } from "./task-controller.js";
export { ThemeController, notifyThemeChange } from "./theme/theme-controller.js";
export { styles, tokens, base, themeRoot, TOKENS } from "./theme/tokens.js";
export { define } from "./define.js";
export { emit, emitTrainProgress, emitTrainDone, TRAIN_PROGRESS, TRAIN_DONE, type TrainProgressDetail, type TrainDoneDetail, type ValueDetail } from "./events.js";
export { applyQuery, toQuery, scriptSnippet, iframeSnippet, linkFor, bundleURL } from "./share/links.js";
export { decimate, summarize } from "./charts/decimate.js";
export { fmt, pct, type NumberFormat } from "../bindings/format.js";
export * from "./charts/export.js";
export { formatRemaining, estimateRemaining } from "./ui/progress/format.js";
export * from "../tasks/index.js";
export { sharedEngine } from "../bindings/engine-provider.js";

// lesson views 1–4 (each registers itself as a view of <rnn-explorer>)
export { RnnShiftRegister } from "./shift-register/shift-register.js";
export { RnnFeedback } from "./feedback/feedback.js";
export { RnnStateSpace } from "./state-space/state-space.js";
export { RnnBptt } from "./bptt/bptt.js";

// lesson views 5–8 (each registers itself as a view of <rnn-explorer>)
export { RnnLstm } from "./lstm/lstm.js";
export { RnnGru } from "./gru/gru.js";
export { RnnGradientFlow } from "./gradient-flow/gradient-flow.js";
export { RnnEsn } from "./esn/esn.js";

// the character lab (registers itself as the view "char-lab")
import "./char-lab/char-lab.js";

// lesson views 9–10 (each registers itself as a view of <rnn-explorer>)
export { RnnSequenceLab } from "./sequence-lab/sequence-lab.js";
export { RnnWorkedExample } from "./worked-example/worked-example.js";
export { RnnMatrixInput, type MatrixChange } from "./ui/matrix-input/matrix-input.js";

// the speed bench (registers itself as the view "bench")
export { RnnBench, BENCH_ATTRIBUTES } from "./bench/bench.js";

// the experiments lab (registers itself as the view "experiments")
export { RnnExperiments } from "./experiments/experiments.js";
