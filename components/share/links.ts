/** Turns an explorer's state into a query string, a link and copy-paste snippets. */
import { isSafeAttributeName } from "../attributes.js";

const esmURL: string | undefined = import.meta.url;
const classicURL = typeof document !== "undefined" ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;
/** Where this bundle was loaded from ("" when inlined, as in embed.html). */
export const bundleURL = esmURL || classicURL || "";

/** embed.html next to the bundle; inside embed.html itself, this page. */
export function defaultEmbedURL(): string {
  if (bundleURL && /^https?:|^file:/.test(bundleURL)) return new URL("embed.html", bundleURL).href;
  return typeof location !== "undefined" ? location.href.split(/[?#]/)[0] : "embed.html";
}

export function defaultScriptURL(): string {
  return bundleURL && /^https?:/.test(bundleURL) ? bundleURL : "rnn-explorer.js";
}

export function toQuery(state: Record<string, string>): string {
  return new URLSearchParams(Object.entries(state)).toString();
}

/** Where snippets point: the page author's choice, never something a link's query can set. */
export const AUTHOR_ONLY = new Set(["embed-src", "script-src"]);

/**
 * A URL for a snippet: the author's override only when it is http(s) on the bundle's or the
 * page's own origin; anything else (javascript:, another site) falls back to the package's own.
 */
export function ownURL(candidate: string, own: string, pageOrigin = typeof location !== "undefined" ? location.origin : ""): string {
  if (!candidate) return own;
  let url: URL;
  try { url = new URL(candidate, pageOrigin || own || undefined); } catch { return own; }
  if (url.protocol !== "https:" && url.protocol !== "http:") return own;
  const origins = new Set<string>();
  for (const base of [own, bundleURL]) { try { origins.add(new URL(base).origin); } catch { /* relative: no origin */ } }
  if (pageOrigin) origins.add(pageOrigin);
  return origins.has(url.origin) ? url.href : own;
}

/** Copies settings from a query string onto an element; names that could run code, or redirect snippets, are skipped. */
export function applyQuery(el: Element, search: string): string[] {
  const skipped: string[] = [];
  for (const [k, v] of new URLSearchParams(search)) {
    if (isSafeAttributeName(k) && !AUTHOR_ONLY.has(k.toLowerCase())) el.setAttribute(k.toLowerCase(), v.slice(0, 2000));
    else skipped.push(k);
  }
  return skipped;
}

const escAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function scriptSnippet(scriptURL: string, state: Record<string, string>): string {
  const attrs = Object.entries(state).map(([k, v]) => ` ${k}="${escAttr(v)}"`).join("");
  return `<script type="module" src="${escAttr(scriptURL)}"></script>\n<rnn-explorer${attrs}></rnn-explorer>`;
}

export function iframeSnippet(link: string, title = "RNN explorer"): string {
  return `<iframe src="${escAttr(link)}" title="${escAttr(title)}" width="100%" height="760" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
}

export function linkFor(embedURL: string, state: Record<string, string>): string {
  const q = toQuery(state);
  return q ? `${embedURL}?${q}` : embedURL;
}
