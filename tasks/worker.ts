/** Entry of the classic worker (bundled as an IIFE and inlined into the page bundle as a string). */
import { serveTasks } from "../bindings/worker/serve.js";
import { loadTask } from "./load.js";

serveTasks(loadTask);
