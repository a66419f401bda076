/** Stylesheets imported as text (esbuild "text" loader), to adopt into shadow roots. */
declare module "*.css" {
  const text: string;
  export default text;
}
