/** The ten studies of the lab, in the order they are taught. */
import type { StudyDef } from "../study.js";
import type { StudyId } from "../types.js";
import { activation } from "./activation.js";
import { clipping } from "./clipping.js";
import { grid } from "./grid.js";
import { hiddenSize } from "./hidden-size.js";
import { init } from "./init.js";
import { learningRate } from "./learning-rate.js";
import { reservoir } from "./reservoir.js";
import { similarityStudy } from "./similarity.js";
import { tbptt } from "./tbptt.js";
import { teacherForcing } from "./teacher-forcing.js";

export const STUDIES: readonly StudyDef[] = [init, hiddenSize, tbptt, activation, clipping, teacherForcing, reservoir, similarityStudy, learningRate, grid];

export function getStudy(id: string): StudyDef | undefined {
  return STUDIES.find((s) => s.id === id as StudyId);
}
