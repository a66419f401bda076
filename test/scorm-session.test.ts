/** The SCORM 1.2 calls a packed lesson makes, in order, against a recording LMS. */
import { describe, expect, it } from "vitest";
import type { Scorm12API } from "../components/scorm/find-api.js";
import { scormTimespan, ScormSession } from "../components/scorm/session.js";

function recordingLms(status = "not attempted", initialises = true) {
  const calls: string[] = [];
  const data = new Map<string, string>([["cmi.core.lesson_status", status]]);
  const api: Scorm12API = {
    LMSInitialize: () => { calls.push("LMSInitialize"); return initialises ? "true" : "false"; },
    LMSFinish: () => { calls.push("LMSFinish"); return "true"; },
    LMSGetValue: (k) => data.get(k) ?? "",
    LMSSetValue: (k, v) => { calls.push(`${k}=${v}`); data.set(k, v); return "true"; },
    LMSCommit: () => { calls.push("LMSCommit"); return "true"; },
    LMSGetLastError: () => "0",
  };
  return { api, calls, data };
}

describe("a lesson's SCORM attempt", () => {
  it("starts incomplete, completes on the first main action only, records a score and the time, then finishes once", () => {
    const lms = recordingLms();
    let now = 1000;
    const s = new ScormSession(lms.api, () => now);
    expect(s.start()).toBe(true);
    s.mainActionDone();
    s.mainActionDone();
    s.score(87.6);
    now += 3_723_450; // 1 h 2 min 3.45 s
    s.finish();
    s.finish();
    expect(lms.calls).toEqual([
      "LMSInitialize", "cmi.core.lesson_status=incomplete", "LMSCommit",
      "cmi.core.lesson_status=completed", "LMSCommit",
      "cmi.core.score.min=0", "cmi.core.score.max=100", "cmi.core.score.raw=88", "LMSCommit",
      "cmi.core.session_time=0001:02:03.45", "cmi.core.exit=", "LMSCommit", "LMSFinish",
    ]);
  });

  it("suspends an attempt left incomplete, so the LMS resumes it next time", () => {
    const lms = recordingLms();
    const s = new ScormSession(lms.api);
    s.start();
    s.finish();
    expect(lms.data.get("cmi.core.lesson_status")).toBe("incomplete");
    expect(lms.data.get("cmi.core.exit")).toBe("suspend");
    expect(lms.calls.at(-1)).toBe("LMSFinish");
  });

  it("leaves a completed or passed status as the LMS has it", () => {
    for (const status of ["completed", "passed"]) {
      const lms = recordingLms(status);
      const s = new ScormSession(lms.api);
      s.start();
      s.mainActionDone();
      expect(lms.data.get("cmi.core.lesson_status")).toBe(status);
      expect(lms.calls.filter((c) => c.startsWith("cmi.core.lesson_status"))).toEqual([]);
    }
  });

  it("does nothing more when the LMS refuses to initialise", () => {
    const lms = recordingLms("not attempted", false);
    const s = new ScormSession(lms.api);
    expect(s.start()).toBe(false);
    s.mainActionDone(); s.score(50); s.finish();
    expect(lms.calls).toEqual(["LMSInitialize"]);
  });

  it("writes CMITimespan as HHHH:MM:SS.SS", () => {
    expect(scormTimespan(0)).toBe("0000:00:00.00");
    expect(scormTimespan(61_010)).toBe("0000:01:01.01");
    expect(scormTimespan(-5)).toBe("0000:00:00.00");
  });
});

describe("the design grid's prediction score", () => {
  it("is 100 for the winning cell, 0 for the last, evenly between", async () => {
    const { predictionScore } = await import("../lab/prediction-score.js");
    expect(predictionScore(1, 27)).toBe(100);
    expect(predictionScore(27, 27)).toBe(0);
    expect(predictionScore(14, 27)).toBe(50);
    expect(predictionScore(1, 1)).toBe(100);
    expect(() => predictionScore(0, 5)).toThrow(/rank must be an integer in \[1, 5\], got 0/);
    expect(() => predictionScore(6, 5)).toThrow(RangeError);
  });
});
