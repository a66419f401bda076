/** Share snippets only ever point at the package's own URLs, whatever a link's query says. */
import { describe, expect, it } from "vitest";
import { applyQuery, ownURL } from "../components/share/links.js";

const own = "https://cdn.example.org/rnn-explorer/dist/embed.html";
const page = "https://course.example.edu";

describe("ownURL", () => {
  it.each([
    ["javascript:alert(1)", own],
    ["https://evil.example/x.js", own],
    ["data:text/html,<script>1</script>", own],
    ["//evil.example/x.js", own],
    ["", own],
    ["https://cdn.example.org/rnn-explorer/dist/other.html", "https://cdn.example.org/rnn-explorer/dist/other.html"],
    ["/lessons/embed.html", "https://course.example.edu/lessons/embed.html"],
  ])("%s → %s", (candidate, want) => {
    expect(ownURL(candidate, own, page)).toBe(want);
  });
});

describe("applyQuery", () => {
  it("never lets a query choose where snippets point", () => {
    const attrs = new Map<string, string>();
    const el = { setAttribute: (k: string, v: string) => attrs.set(k, v) } as unknown as Element;
    const skipped = applyQuery(el, "?view=lstm&script-src=https://evil.example/x.js&embed-src=javascript:alert(1)&onclick=x");
    expect([...attrs]).toEqual([["view", "lstm"]]);
    expect(skipped).toEqual(["script-src", "embed-src", "onclick"]);
  });
});
