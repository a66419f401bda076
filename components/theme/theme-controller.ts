/**
 * Canvas drawing needs concrete colors, not CSS variables. This controller resolves
 * tokens to rgb() strings inside the host's shadow root and asks the host to redraw
 * when the OS scheme or a theme attribute changes.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Fired by elements whose theme attribute changed, so canvases below them redraw. */
export const themeBus = new EventTarget();
export const notifyThemeChange = () => themeBus.dispatchEvent(new Event("change"));

export class ThemeController implements ReactiveController {
  private media?: MediaQueryList;
  private readonly onChange = () => { this.cache.clear(); this.host.requestUpdate(); this.changed?.(); };
  private readonly cache = new Map<string, string>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly changed?: () => void) {
    host.addController(this);
  }

  hostConnected() {
    this.media = matchMedia("(prefers-color-scheme: dark)");
    this.media.addEventListener("change", this.onChange);
    themeBus.addEventListener("change", this.onChange);
  }

  hostDisconnected() {
    this.media?.removeEventListener("change", this.onChange);
    themeBus.removeEventListener("change", this.onChange);
  }

  /** The current value of token `name` (e.g. "series-1") as a color string. */
  color(name: string): string {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const root = this.host.shadowRoot;
    if (!root) return "#888";
    const probe = document.createElement("span");
    probe.setAttribute("aria-hidden", "true");
    probe.style.display = "none";
    probe.style.color = `var(--_${name})`;
    root.appendChild(probe);
    const c = getComputedStyle(probe).color || "#888";
    probe.remove();
    this.cache.set(name, c);
    return c;
  }

  /** Text font for canvas labels. */
  font(px = 12): string {
    return `${px}px ${getComputedStyle(this.host).fontFamily || "sans-serif"}`;
  }
}
