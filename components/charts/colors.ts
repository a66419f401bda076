import type { ThemeController } from "../theme/theme-controller.js";

/** A series color: a token name ("series-2") resolved through the theme, or a CSS color as given. */
export function seriesColor(theme: ThemeController, color: string | undefined, index: number): string {
  if (!color) return theme.color(`series-${(index % 6) + 1}`);
  return /^[a-z]+(-[a-z0-9]+)+$/.test(color) ? theme.color(color) : color;
}
