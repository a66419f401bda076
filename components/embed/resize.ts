/**
 * The self-sizing frame: whenever the explorer's height changes, post
 * `{ type: "rnn-explorer:resize", height }` (CSS px) to the parent, which sets the iframe's
 * height so readers scroll the course page, not a box inside it. In `fit` mode the frame's
 * height is the host's choice and nothing is posted.
 */
export const RESIZE_MESSAGE = "rnn-explorer:resize";

export function reportHeight(el: HTMLElement, target: Window = parent): () => void {
  if (target === window || typeof ResizeObserver === "undefined") return () => {};
  let last = -1;
  const post = () => {
    if (el.hasAttribute("fit")) return;
    const height = Math.ceil(el.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // "*": the frame cannot know the host's origin, and a height reveals nothing
    target.postMessage({ type: RESIZE_MESSAGE, height }, "*");
  };
  const observer = new ResizeObserver(post);
  observer.observe(el);
  return () => observer.disconnect();
}
