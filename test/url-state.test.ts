import { describe, expect, test } from "vitest";
import { readUrlState, writeUrlState } from "../components/share/url-state.js";

describe("URL state keys", () => {
  test("an explorer without a prefix owns the plain keys; a prefixed one only its own", () => {
    const q = "?view=bptt&steps=8&lstm.hidden-size=4&lstm.seed=2";
    expect(readUrlState(q, "")).toEqual([["view", "bptt"], ["steps", "8"]]);
    expect(readUrlState(q, "lstm")).toEqual([["hidden-size", "4"], ["seed", "2"]]);
  });

  test("names that could run code never become attributes", () => {
    expect(readUrlState("?onclick=alert(1)&style=x&seed=3&a.onload=x", "")).toEqual([["seed", "3"]]);
    expect(readUrlState("?a.onload=x&a.seed=1", "a")).toEqual([["seed", "1"]]);
  });

  test("writing replaces this explorer's keys (a setting back at its default disappears) and keeps the rest", () => {
    const q = "?lstm.hidden-size=4&lstm.seed=2&gru.seed=9&utm=x.y";
    expect(writeUrlState(q, "lstm", { seed: "5" })).toBe("?gru.seed=9&utm=x.y&lstm.seed=5");
    expect(writeUrlState("?view=bptt&steps=8&gru.seed=9", "", { view: "bptt", wr: "0.5" })).toBe("?gru.seed=9&view=bptt&wr=0.5");
    expect(writeUrlState("?steps=8", "", {})).toBe("");
  });
});
