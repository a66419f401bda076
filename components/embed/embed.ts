/**
 * Entry of dist/embed.html: the whole bundle plus this boot code, inlined into one
 * page that takes its settings from the URL query (for LMS pages that strip scripts).
 * The query follows the reader's changes, and the page tells its parent its height.
 */
import "../index.js";
import { reportHeight } from "./resize.js";

const el = document.createElement("rnn-explorer");
// settings come from this page's query and every change is written back to it
el.setAttribute("url-state", "");
// share links made inside the embed point back at this page
el.setAttribute("embed-src", location.href.split(/[?#]/)[0]);
document.body.append(el);
reportHeight(el);
