/**
 * Finds a task by name. esbuild (and Vite) bundle every file matched by the template
 * below, so adding bindings/worker/tasks/<name>.ts is the whole change a new task needs.
 */
import type { Task } from "./types.js";

const NAME = /^[a-z][a-z0-9-]*$/;

export async function loadTask(name: string): Promise<Task> {
  if (typeof name !== "string" || !NAME.test(name)) throw new Error(`task name must match ${NAME}, got ${JSON.stringify(name)}`);
  let mod: { default?: unknown };
  try { mod = await import(`./tasks/${name}.ts`); } catch (e) { throw new Error(`unknown task "${name}" (${(e as Error).message})`); }
  if (typeof mod.default !== "function") throw new Error(`task "${name}" has no default export function`);
  return mod.default as Task;
}
