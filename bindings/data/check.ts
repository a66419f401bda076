/**
 * Argument checks shared by the data generators. Every message names the
 * argument and the allowed range so a lesson can show it to the learner as is.
 */
import type { Rng } from "../prng.js";

/** Short, unambiguous rendering of a bad value for an error message. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

export function checkInt(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer in [${min}, ${max}], got ${show(value)}`);
  return value;
}

export function checkNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a finite number in [${min}, ${max}], got ${show(value)}`);
  return value;
}

export function checkFinite(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`${name} must be a finite number, got ${show(value)}`);
  return value;
}

export function checkString(name: string, value: unknown): string {
  if (typeof value !== "string") throw new Error(`${name} must be a string, got ${show(value)}`);
  return value;
}

export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new Error(`${name} must be true or false, got ${show(value)}`);
  return value;
}

export function checkOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new Error(`${name} must be one of ${allowed.map(a => JSON.stringify(a)).join(", ")}, got ${show(value)}`);
  return value as T;
}

/** Options bags are optional, but when given they must be plain objects. */
export function checkOptions<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${name} must be an options object, got ${show(value)}`);
  return value;
}

/** Duck-typed so a worker can pass any Mulberry32-compatible generator. */
export function checkRng(name: string, value: unknown): Rng {
  const r = value as Rng | null | undefined;
  if (typeof r !== "object" || r === null || typeof r.next !== "function" || typeof r.int !== "function")
    throw new Error(`${name} must be an Rng (new Rng(seed)), got ${show(value)}`);
  return r;
}

/** Seeds are uint32 so the TS and wasm engines see the same stream. */
export const MAX_SEED = 0xffffffff;
export function checkSeed(name: string, value: unknown): number {
  return checkInt(name, value, 0, MAX_SEED);
}
