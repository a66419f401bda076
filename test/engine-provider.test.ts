// The one engine provider the page, main-thread tasks and workers share.
import { afterEach, describe, expect, it, vi } from "vitest";
import { coreModule } from "../bindings/wasm/core.js";

const freshProvider = async () => { vi.resetModules(); return import("../bindings/engine-provider.js"); };

afterEach(() => { vi.restoreAllMocks(); });

describe("sharedEngine", () => {
  it("gives every caller in a context the same engine of each kind", async () => {
    const { sharedEngine } = await freshProvider();
    const [a, b, t] = await Promise.all([sharedEngine("wasm"), sharedEngine(), sharedEngine("ts")]);
    expect(a).toBe(b);
    expect(a.kind).toBe("wasm");
    expect(t.kind).toBe("ts");
  });

  it("falls back to the TS twin when WebAssembly cannot start, and the twin trains", async () => {
    const instantiate = vi.spyOn(WebAssembly, "instantiate").mockRejectedValue(new WebAssembly.CompileError("blocked by CSP"));
    const { sharedEngine } = await freshProvider();
    const engine = await sharedEngine("wasm");
    expect(instantiate).toHaveBeenCalled();
    expect(engine.kind).toBe("ts");
    const model = engine.createModel({ inputSize: 3, hiddenSize: 4, outputSize: 3, maxSeqLen: 4, seed: 1 });
    const r = model.trainChunk({ tokens: [0, 1, 2], targets: [1, 2, 0] }, { optimizer: { kind: "sgd", lr: 0.1 } });
    expect(Number.isFinite(r.loss) && r.loss > 0).toBe(true);
    model.dispose();
  });

  it("instantiates the module a worker was given instead of compiling its own", async () => {
    const module = await coreModule();
    const instantiate = vi.spyOn(WebAssembly, "instantiate");
    const { sharedEngine, useCompiledCore } = await freshProvider();
    useCompiledCore(module);
    expect((await sharedEngine("wasm")).kind).toBe("wasm");
    expect(instantiate.mock.calls[0][0]).toBe(module);
  });
});
