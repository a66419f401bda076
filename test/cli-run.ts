/** The built CLI (dist/cli.js, made by `npm run build`, which `npm test` runs first), as a user runs it. */
import { expect } from "vitest";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import path from "node:path";

export const cliPath = path.resolve(import.meta.dirname, "../dist/cli.js");

/**
 * Runs `rnn-explorer ...args` to the end. The deadline is the one generous guard against a hang (the
 * unhardened CLI ran for minutes on hostile files), not a speed claim: a loaded machine is many times slower.
 */
export const runCli = (args: string[], o: { input?: string; timeoutMs?: number } = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [cliPath, ...args], { input: o.input, encoding: "utf8", timeout: o.timeoutMs ?? 60_000 });

/** A refusal: exit 2, one stderr line matching `message`, no stack trace. */
export function expectRefusal(r: SpawnSyncReturns<string>, message: RegExp): void {
  expect(r.error, "the command did not finish in time").toBeUndefined();
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
