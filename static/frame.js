// The iframe embed: one widget filling the frame. The query string's view
// keys (orgs, kinds, q, from, to, event, theme, lang, list) are read by the
// widget's own URL-state reader; `src` is the data's URL. The content's
// height goes to the parent page as { type: "movement-timeline:height",
// height } (a number, nothing else); frame-host.js there resizes the
// iframe. This page listens to no messages.
import { mount } from "./movement-timeline.js";

const query = new URLSearchParams(location.search);
const src = query.get("src") || "data/movements.json";
query.delete("src");
const element = document.getElementById("timeline");
const wantsLang = query.get("lang");
if (wantsLang) element.setAttribute("lang", wantsLang);
mount(element, { dataUrl: src, view: query.toString(), wheelZoom: "modifier" });

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: "movement-timeline:height", height }, "*");
};
new ResizeObserver(post).observe(document.body);
