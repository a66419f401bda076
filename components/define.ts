/** Defines a custom element once; a second copy of the bundle on the page reuses the first definition. */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === "undefined") return;
  if (!customElements.get(name)) customElements.define(name, ctor);
}
