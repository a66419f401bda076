/**
 * The files of a SCORM 1.2 package: one launch page per view (a SCO) and imsmanifest.xml,
 * which lists every file of the zip. The bundle and the SCORM run-time are shared by all
 * pages, so the zip holds one copy of each.
 */
import { VIEW_TITLES, type ViewName } from "../lessons/views.js";

/** The page's policy: its own scripts only (the bundle compiles the wasm core), workers from blobs or files beside it. */
export const SCO_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; worker-src 'self' blob:";

export const MANIFEST = "imsmanifest.xml";
export const pageName = (view: ViewName) => `view-${view}.html`;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/** A launch page: the bundle, the SCORM run-time and the one view (under the course's title), nothing fetched from elsewhere. */
export function scoPage(view: ViewName, scripts: readonly string[], course: string): string {
  const title = escapeXml(VIEW_TITLES[view]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SCO_CSP}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
${scripts.map((s) => `<script type="module" src="${escapeXml(s)}"></script>`).join("\n")}
<style>html{color-scheme:light dark}body{margin:0;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}</style>
</head>
<body>
<noscript>This interactive lesson needs JavaScript.</noscript>
<rnn-explorer view="${view}" label="${escapeXml(course)}" no-share></rnn-explorer>
</body>
</html>
`;
}

/**
 * imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 with the ADL 1.2 extensions): one organization, one
 * item per view pointing at its SCO resource, and the shared files as one asset every SCO depends on.
 */
export function scormManifest(opts: { identifier: string; title: string; views: readonly ViewName[]; shared: readonly string[] }): string {
  const { identifier, title, views, shared } = opts;
  const items = views.map((v) => `      <item identifier="item-${v}" identifierref="sco-${v}" isvisible="true">
        <title>${escapeXml(VIEW_TITLES[v])}</title>
      </item>`).join("\n");
  const scos = views.map((v) => `    <resource identifier="sco-${v}" type="webcontent" adlcp:scormtype="sco" href="${pageName(v)}">
      <file href="${pageName(v)}"/>
      <dependency identifierref="shared-files"/>
    </resource>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(identifier)}" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${escapeXml(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="shared-files" type="webcontent" adlcp:scormtype="asset">
${shared.map((f) => `      <file href="${escapeXml(f)}"/>`).join("\n")}
    </resource>
  </resources>
</manifest>
`;
}
