/**
 * Kept for components/bench/, which still imports the controller from here; every
 * other view imports KeptAttributes from ../attributes.js. Delete this file once the
 * bench does too.
 */
export { KeptAttributes as KeptSettings } from "../attributes.js";
