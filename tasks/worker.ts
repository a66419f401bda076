/** Entry of the classic worker (bundled as an IIFE; see scripts/shared-core.mjs for the single-file bundle). */
import { startWorker } from "./start-worker.js";

startWorker();
