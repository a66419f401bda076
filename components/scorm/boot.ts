/** Entry of dist/scorm.js: starts the SCORM run-time as the packed lesson page loads. */
import { startScorm } from "./runtime.js";

startScorm();
