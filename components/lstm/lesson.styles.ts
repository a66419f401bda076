/**
 * Kept for components/bench/, which still imports its lesson layout from here; the
 * lesson views compose lessonStyles and cellLessonStyles from ../theme/lesson.styles.js.
 * Delete this file once the bench does too.
 */
import { cellLessonStyles, lessonStyles as shared } from "../theme/lesson.styles.js";

export const lessonStyles = [shared, cellLessonStyles];
