/**
 * Entry of dist/embed.html: the whole bundle plus this boot code, inlined into one
 * page that takes its settings from the URL query (for LMS pages that strip scripts).
 */
import "../index.js";
import { applyQuery } from "../share/links.js";

const el = document.createElement("rnn-explorer");
applyQuery(el, location.search);
// share links made inside the embed point back at this page
if (!el.hasAttribute("embed-src")) el.setAttribute("embed-src", location.href.split(/[?#]/)[0]);
document.body.append(el);
