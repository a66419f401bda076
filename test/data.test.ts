import { describe, expect, test } from "vitest";
import { Rng } from "../bindings/prng.js";
import {
  CharTokenizer, UNKNOWN_CHAR,
  generateSequence, sineWave, parseUserSequence, normalize, denormalize, mackeyGlass,
  recallFirst, copyTask, delayedRecall,
  grammarCorpus, GRAMMAR_WORDS, grammarEntropyRate, sentenceLogProb, sampleSentence, unigramEntropy,
  bracketCorpus, bracketsBalanced, bracketDepth, copyCorpus,
} from "../bindings/data/index.js";

const sentencesOf = (corpus: string): string[] => corpus.split(/(?<=\n)/);

describe("CharTokenizer", () => {
  const text = "hello 👋 world";

  test("vocab is sorted by code point and emoji is one token", () => {
    const tok = CharTokenizer.fromText(text);
    expect(tok.chars).toEqual([" ", "d", "e", "h", "l", "o", "r", "w", "👋"]);
    expect(tok.size).toBe(9);
    const ids = tok.encode(text);
    expect(ids.length).toBe(Array.from(text).length);
    expect(tok.decode(ids)).toBe(text);
  });

  test("unknown policies", () => {
    const tok = CharTokenizer.fromText("abc");
    expect(() => tok.encode("abz")).toThrow(/text contains character "z" \(U\+007A\) at position 2/);
    expect(tok.encode("a😀b", "skip")).toEqual([0, 1]);
    expect(() => tok.encode("az", "replace")).toThrow(/unknown must be "error" or "skip".*withUnknown/);
    expect(() => tok.encode("a", "drop" as never)).toThrow(/unknown must be one of "error", "skip", "replace", got "drop"/);

    const withUnk = CharTokenizer.fromText("abc", { withUnknown: true });
    expect(withUnk.chars).toEqual(["a", "b", "c", UNKNOWN_CHAR]);
    expect(withUnk.encode("a😀c", "replace")).toEqual([0, withUnk.unknownId, 2]);
    expect(withUnk.decode(withUnk.encode("a😀c", "replace"))).toBe("a\uFFFDc");
    expect(CharTokenizer.fromText("abc").unknownId).toBe(-1);
  });

  test("maxVocab keeps the most frequent characters", () => {
    const tok = CharTokenizer.fromText("aaabbc", { maxVocab: 2 });
    expect(tok.chars).toEqual(["a", "b"]);
    const unk = CharTokenizer.fromText("aaabbc", { maxVocab: 2, withUnknown: true });
    expect(unk.chars).toEqual(["a", UNKNOWN_CHAR]);
    expect(unk.encode("abc", "replace")).toEqual([0, 1, 1]);
  });

  test("JSON round trip and validation", () => {
    const tok = CharTokenizer.fromText(text, { withUnknown: true });
    const back = CharTokenizer.fromJSON(JSON.parse(JSON.stringify(tok)));
    expect(back.chars).toEqual(tok.chars);
    expect(back.withUnknown).toBe(true);
    expect(back.encode(text + "?", "replace")).toEqual(tok.encode(text + "?", "replace"));
    const good = tok.toJSON();
    expect(() => CharTokenizer.fromJSON(null)).toThrow(/tokenizer JSON must be an object/);
    expect(() => CharTokenizer.fromJSON({ ...good, type: "bpe" })).toThrow(/type must be "char-tokenizer"/);
    expect(() => CharTokenizer.fromJSON({ ...good, version: 2 })).toThrow(/version must be 1/);
    expect(() => CharTokenizer.fromJSON({ ...good, chars: ["b", "a"] })).toThrow(/sorted by code point.*chars\[1\]/);
    expect(() => CharTokenizer.fromJSON({ ...good, chars: ["ab"] })).toThrow(/chars\[0\] must be a single character/);
    expect(() => CharTokenizer.fromJSON({ ...good, chars: ["a"] })).toThrow(/must contain "\\uFFFD"/);
    expect(() => CharTokenizer.fromJSON({ ...good, chars: [] })).toThrow(/chars must be an array of 1 to/);
  });

  test("argument errors", () => {
    expect(() => CharTokenizer.fromText("")).toThrow("corpus is empty");
    expect(() => CharTokenizer.fromText(42 as never)).toThrow("text must be a string, got 42");
    expect(() => CharTokenizer.fromText("ab", { maxVocab: 0 })).toThrow("maxVocab must be an integer in [1, 1114112], got 0");
    expect(() => CharTokenizer.fromText("ab", { maxVocab: 1, withUnknown: true })).toThrow(/maxVocab must be an integer in \[2,/);
    const tok = CharTokenizer.fromText("ab");
    expect(() => tok.decode([0, 5])).toThrow("ids[1] must be an integer in [0, 1], got 5");
    expect(() => tok.decode([0.5])).toThrow("ids[0] must be an integer in [0, 1], got 0.5");
  });
});

describe("number sequences", () => {
  test("known first values", () => {
    expect(generateSequence("fibonacci", 8)).toEqual([1, 1, 2, 3, 5, 8, 13, 21]);
    expect(generateSequence("linear", 4)).toEqual([1, 2, 3, 4]);
    expect(generateSequence("linear", 3, { start: 5, step: -2 })).toEqual([5, 3, 1]);
    expect(generateSequence("alternating", 5)).toEqual([0, 1, 0, 1, 0]);
    expect(generateSequence("alternating", 4, { a: 3, b: -1 })).toEqual([3, -1, 3, -1]);
    expect(generateSequence("exponential", 5)).toEqual([1, 2, 4, 8, 16]);
    const sine = generateSequence("sine", 9);
    expect(sine[0]).toBe(0);
    expect(sine[2]).toBeCloseTo(1, 12);
    expect(sine[6]).toBeCloseTo(-1, 12);
    expect(generateSequence("sine", 5, { period: 4 })[1]).toBeCloseTo(1, 12);
    expect(sineWave(5, 4)).toEqual(generateSequence("sine", 5, { period: 4 }));
  });

  test("longest runs stay finite", () => {
    expect(generateSequence("fibonacci", 1476).every(Number.isFinite)).toBe(true);
    expect(generateSequence("exponential", 1024).every(Number.isFinite)).toBe(true);
    expect(() => generateSequence("fibonacci", 1477)).toThrow("length must be an integer in [2, 1476], got 1477");
  });

  test("argument errors name the argument", () => {
    expect(() => generateSequence("linear", 0)).toThrow("length must be an integer in [2, 100000], got 0");
    expect(() => generateSequence("primes" as never, 5)).toThrow(/kind must be one of "fibonacci", .*got "primes"/);
    expect(() => generateSequence("sine", 5, { period: 1 })).toThrow("period must be a finite number in [2, 100000], got 1");
    expect(() => generateSequence("alternating", 5, { a: NaN })).toThrow("opts.a must be a finite number, got NaN");
    expect(() => sineWave(10, 0)).toThrow(/period must be a finite number in \[2, 100000\], got 0/);
  });

  test("parseUserSequence accepts commas, spaces and newlines", () => {
    expect(parseUserSequence(" 1, 2,3  4\n5\t-6.5, 1e3 ")).toEqual([1, 2, 3, 4, 5, -6.5, 1000]);
    expect(parseUserSequence("1\n1\n2\n")).toEqual([1, 1, 2]);
  });

  test("parseUserSequence errors", () => {
    expect(() => parseUserSequence("")).toThrow(/sequence is empty/);
    expect(() => parseUserSequence("  , \n")).toThrow(/sequence is empty/);
    expect(() => parseUserSequence("7")).toThrow("sequence needs at least 2 numbers, got 1");
    expect(() => parseUserSequence("1, x, 3")).toThrow('sequence number 2 "x" is not a number');
    expect(() => parseUserSequence("1, 0x10")).toThrow('"0x10" is not a number');
    expect(() => parseUserSequence("1, Infinity")).toThrow('sequence number 2 "Infinity" is not a finite number');
    expect(() => parseUserSequence("1, 1e999")).toThrow(/"1e999" is not a finite number/);
    expect(() => parseUserSequence(Array(10_001).fill("1").join(","))).toThrow("sequence has 10001 numbers, at most 10000 are allowed");
    expect(parseUserSequence(Array(10_000).fill("1").join(",")).length).toBe(10_000);
    expect(() => parseUserSequence(undefined as never)).toThrow("text must be a string, got undefined");
  });

  test("normalize / denormalize round trip", () => {
    const seq = generateSequence("fibonacci", 12);
    const n = normalize(seq);
    expect(Math.min(...n.values)).toBe(-1);
    expect(Math.max(...n.values)).toBe(1);
    expect(n.min).toBe(1);
    expect(n.max).toBe(144);
    denormalize(n.values, n).forEach((v, i) => expect(v).toBeCloseTo(seq[i], 10));
    expect(denormalize(1, n)).toBe(144);
    expect(normalize([3, 3, 3])).toEqual({ values: [0, 0, 0], min: 3, max: 3 });
    expect(denormalize([0, 0.5], { min: 3, max: 3 })).toEqual([3, 3]);
    expect(() => normalize([])).toThrow(/seq must be a non-empty array/);
    expect(() => normalize([1, NaN])).toThrow("seq[1] must be a finite number, got NaN");
    expect(() => denormalize([0], { min: 2, max: 1 })).toThrow(/range.min must be <= range.max/);
  });

  test("mackeyGlass is deterministic, bounded and seed-dependent", () => {
    const a = mackeyGlass(500, { seed: 3 });
    expect(mackeyGlass(500, { seed: 3 })).toEqual(a);
    expect(a.length).toBe(500);
    expect(a.every(v => Number.isFinite(v) && v > 0 && v < 2)).toBe(true);
    // chaotic: a tiny difference in the initial history grows
    const b = mackeyGlass(500, { seed: 4 });
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i])))).toBeGreaterThan(0.1);
    // not a fixed point or a short cycle
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.5);
    expect(() => mackeyGlass(1)).toThrow("length must be an integer in [2, 100000], got 1");
    expect(() => mackeyGlass(10, { tau: -1 })).toThrow(/opts.tau must be a finite number in \[0.1, 1000\], got -1/);
  });
});

describe("tasks", () => {
  test("recallFirst: only the last step has a target, equal to the first token", () => {
    const rng = new Rng(11);
    for (let k = 0; k < 20; k++) {
      const t = recallFirst(10, 5, rng);
      expect(t.tokens.length).toBe(10);
      expect(t.vocabSize).toBe(5);
      expect(t.targets[9]).toBe(t.tokens[0]);
      expect(t.targets.slice(0, 9).every(x => x === null)).toBe(true);
      expect(t.tokens.every(x => Number.isInteger(x) && x >= 0 && x < 5)).toBe(true);
    }
    expect(recallFirst(30, 8, new Rng(1))).toEqual(recallFirst(30, 8, new Rng(1)));
    expect(recallFirst(30, 8, new Rng(1))).not.toEqual(recallFirst(30, 8, new Rng(2)));
    expect(() => recallFirst(1, 5, new Rng(1))).toThrow("n must be an integer in [2, 100000], got 1");
    expect(() => recallFirst(5, 1, new Rng(1))).toThrow("vocab must be an integer in [2, 4096], got 1");
    expect(() => recallFirst(5, 3, {} as never)).toThrow(/rng must be an Rng/);
  });

  test("copyTask reproduces the symbols after the delay", () => {
    const t = copyTask(4, 3, 6, new Rng(5));
    expect(t.vocabSize).toBe(7);
    expect(t.blank).toBe(6);
    expect(t.tokens.length).toBe(4 + 3 + 4);
    expect(t.tokens.slice(4)).toEqual(Array(7).fill(6));
    expect(t.tokens.slice(0, 4).every(x => x < 6)).toBe(true);
    expect(t.targets.slice(0, 7)).toEqual(Array(7).fill(null));
    expect(t.targets.slice(7)).toEqual(t.tokens.slice(0, 4));
    expect(() => copyTask(4, -1, 6, new Rng(5))).toThrow("delay must be an integer in [0, 100000], got -1");
  });

  test("delayedRecall targets are earlier inputs", () => {
    const t = delayedRecall(20, 3, new Rng(9));
    expect(t.inputs.length).toBe(20);
    expect(t.inputs.every(([v]) => v >= -0.5 && v < 0.5)).toBe(true);
    expect(t.targets.slice(0, 3)).toEqual([null, null, null]);
    for (let s = 3; s < 20; s++) expect(t.targets[s]).toEqual(t.inputs[s - 3]);
    expect(() => delayedRecall(5, 5, new Rng(1))).toThrow("delay must be an integer in [0, 4], got 5");
  });
});

describe("grammar corpus", () => {
  const w = GRAMMAR_WORDS;
  const allWords = new Set([
    ...Object.values(w.nouns).flat(), ...Object.values(w.verbs.intransitive).flat(),
    ...w.verbs.transitive.flatMap(f => f.verbs), ...w.adjectives, ...w.adverbs, ...w.articles, ...w.conjunctions,
  ]);

  test("deterministic by seed", () => {
    expect(grammarCorpus({ sentences: 50, seed: 4 })).toBe(grammarCorpus({ sentences: 50, seed: 4 }));
    expect(grammarCorpus({ sentences: 50, seed: 4 })).not.toBe(grammarCorpus({ sentences: 50, seed: 5 }));
    expect(grammarCorpus()).toBe(grammarCorpus({ sentences: 200, seed: 1 }));
  });

  test("every word comes from the lists and every sentence ends with '.\\n'", () => {
    const sentences = sentencesOf(grammarCorpus({ sentences: 2000, seed: 2 }));
    expect(sentences.length).toBe(2000);
    let joined = 0;
    for (const s of sentences) {
      expect(s.endsWith(".\n")).toBe(true);
      expect(s.slice(0, -2)).not.toMatch(/[.\n]/);
      const words = s.slice(0, -2).split(" ");
      for (const word of words) expect(allWords.has(word), word).toBe(true);
      if (words.includes("and")) joined++;
    }
    // "and" joins clauses in a quarter of the sentences
    expect(joined / sentences.length).toBeGreaterThan(0.2);
    expect(joined / sentences.length).toBeLessThan(0.3);
  });

  test("verbs agree with their subject and object categories", () => {
    const categoryOf = new Map(Object.entries(w.nouns).flatMap(([c, ns]) => ns.map(n => [n, c] as const)));
    const isNoun = (x: string) => categoryOf.has(x);
    for (const s of sentencesOf(grammarCorpus({ sentences: 500, seed: 8 }))) {
      for (const clause of s.slice(0, -2).split(" and ")) {
        const words = clause.split(" ");
        const nouns = words.filter(isNoun);
        const subject = categoryOf.get(nouns[0])!;
        const verb = words[words.indexOf(nouns[0]) + 1];
        if (nouns.length === 1) expect(w.verbs.intransitive[subject as "animals" | "people"]).toContain(verb);
        else expect(w.verbs.transitive.some(f => f.subject === subject && f.object === categoryOf.get(nouns[1]) && f.verbs.includes(verb))).toBe(true);
      }
    }
  });

  test("entropy rate is in (0, ln |vocab|) and matches the sampled sentences within 5%", () => {
    const rate = grammarEntropyRate();
    const corpus = grammarCorpus({ sentences: 20_000, seed: 7 });
    const vocab = new Set(corpus).size;
    expect(rate.natsPerChar).toBeGreaterThan(0);
    expect(rate.natsPerChar).toBeLessThan(Math.log(vocab));
    expect(rate.bitsPerChar).toBeCloseTo(rate.natsPerChar / Math.LN2, 12);
    // also below the context-free baseline: grammar structure is predictable
    expect(rate.natsPerChar).toBeLessThan(unigramEntropy(corpus).nats);

    let nats = 0, chars = 0;
    for (const s of sentencesOf(corpus)) { nats -= sentenceLogProb(s); chars += Array.from(s).length; }
    expect(Math.abs(nats / chars - rate.natsPerChar) / rate.natsPerChar).toBeLessThan(0.05);
    expect(Math.abs(chars / 20_000 - rate.expectedSentenceChars) / rate.expectedSentenceChars).toBeLessThan(0.05);
  });

  test("sentenceLogProb equals the sampled derivation's probability (grammar is unambiguous)", () => {
    const rng = new Rng(21);
    for (let i = 0; i < 500; i++) {
      const { text, logProb } = sampleSentence(rng);
      expect(sentenceLogProb(text)).toBeCloseTo(logProb, 10);
    }
    expect(sentenceLogProb("the cat sleeps.\n")).toBeCloseTo(
      Math.log(3 / 4) + Math.log(1 / 2) + Math.log(3 / 5) + Math.log(3 / 5) + Math.log(1 / 6)
      + Math.log(2 / 5) + Math.log(1 / 5) + Math.log(3 / 4), 12);
    expect(sentenceLogProb("the cat reads the book.\n")).toBe(-Infinity);
    expect(sentenceLogProb("the cat sleeps")).toBe(-Infinity);
    expect(() => sentenceLogProb(3 as never)).toThrow("sentence must be a string, got 3");
  });

  test("argument errors", () => {
    expect(() => grammarCorpus({ sentences: 0 })).toThrow("sentences must be an integer in [1, 1000000], got 0");
    expect(() => grammarCorpus({ seed: -1 })).toThrow("seed must be an integer in [0, 4294967295], got -1");
    expect(() => grammarCorpus("x" as never)).toThrow(/options must be an options object/);
  });
});

describe("unigramEntropy", () => {
  test("known values", () => {
    expect(unigramEntropy("aaaa")).toEqual({ nats: 0, bits: 0 });
    expect(unigramEntropy("abab").nats).toBeCloseTo(Math.LN2, 14);
    expect(unigramEntropy("abab").bits).toBeCloseTo(1, 14);
    expect(unigramEntropy("👋a").bits).toBeCloseTo(1, 14);
    expect(() => unigramEntropy("")).toThrow(/text is empty/);
  });
});

describe("bracket and copy corpora", () => {
  test("bracketCorpus: balanced lines within maxDepth, deterministic", () => {
    const text = bracketCorpus({ length: 5000, maxDepth: 3, seed: 6 });
    expect(text.length).toBeGreaterThanOrEqual(5000);
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    for (const line of lines) {
      expect(line).toMatch(/^[a-z()[\]{}]+$/);
      expect(bracketsBalanced(line)).toBe(true);
      expect(bracketDepth(line)).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...lines.map(bracketDepth))).toBe(3);
    expect(bracketCorpus({ length: 500, maxDepth: 3, seed: 6 })).toBe(bracketCorpus({ length: 500, maxDepth: 3, seed: 6 }));
    expect(bracketCorpus({ length: 500, maxDepth: 3, seed: 6 })).not.toBe(bracketCorpus({ length: 500, maxDepth: 3, seed: 7 }));
    expect(bracketsBalanced("a(b]c)")).toBe(false);
    expect(bracketsBalanced("([)]")).toBe(false);
    expect(() => bracketCorpus({ length: 100, maxDepth: 0 })).toThrow("maxDepth must be an integer in [1, 12], got 0");
    expect(() => bracketCorpus({ length: 0 })).toThrow("length must be an integer in [1, 10000000], got 0");
  });

  test("copyCorpus: each line is s|s", () => {
    const text = copyCorpus({ length: 2000, seed: 3 });
    expect(text.length).toBeGreaterThanOrEqual(2000);
    for (const line of text.slice(0, -1).split("\n")) {
      const m = /^([a-z]{1,8})\|([a-z]+)$/.exec(line);
      expect(m).not.toBeNull();
      expect(m![2]).toBe(m![1]);
    }
    expect(copyCorpus({ length: 300, seed: 3 })).toBe(copyCorpus({ length: 300, seed: 3 }));
    expect(copyCorpus({ length: 300, seed: 3 })).not.toBe(copyCorpus({ length: 300, seed: 4 }));
    expect(() => copyCorpus({ length: 100, minLen: 5, maxLen: 2 })).toThrow("maxLen must be an integer in [5, 100], got 2");
  });
});
