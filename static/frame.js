// The iframe embed: one widget filling the frame. The query string's view
// keys (orgs, kinds, q, from, to, event, theme, lang, list) are read by the
// widget's own URL-state reader; `src` is the data's URL. The content's
// height goes to the parent page as { type: "movement-timeline:height",
// height } (a number, nothing else); frame-host.js there resizes the
// iframe. This page listens to no messages.
//
// Anyone can write a link to this page with any `src`, so the data must come
// from this page's own origin (or one its host lists in the
// <meta name="movement-timeline-data-origins"> of frame.html) over http(s):
// otherwise the frame says it refused, and loads nothing.
import { mount } from "./movement-timeline.js";

const query = new URLSearchParams(location.search);
const src = query.get("src") || "data/movements.json";
query.delete("src");
const element = document.getElementById("timeline");
const wantsLang = query.get("lang");
if (wantsLang) element.setAttribute("lang", wantsLang);

const allowedOrigins = (document.querySelector('meta[name="movement-timeline-data-origins"]')?.content ?? "")
  .split(/\s+/)
  .filter(Boolean);

/** Why `address` may not be loaded here, or null when it may. */
function refusal(address) {
  let url;
  try {
    url = new URL(address, location.href);
  } catch {
    return { en: "it is not a valid address", ru: "это не адрес" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { en: "only http: and https: addresses are loaded", ru: "загружаются только адреса http: и https:" };
  }
  if (url.origin !== location.origin && !allowedOrigins.includes(url.origin)) {
    return { en: `this page does not load data from ${url.origin}`, ru: `эта страница не загружает данные с ${url.origin}` };
  }
  return null;
}

const refused = refusal(src);
if (refused) {
  const ru = /^ru\b/i.test(wantsLang || document.documentElement.lang);
  const note = document.createElement("p");
  note.className = "frame-refused";
  note.setAttribute("role", "alert");
  note.setAttribute("data-testid", "frame-refused");
  note.textContent = ru
    ? `Данные хронологии не загружены: ${refused.ru}.`
    : `The timeline's data was not loaded: ${refused.en}.`;
  element.replaceChildren(note);
} else {
  mount(element, { dataUrl: src, view: query.toString(), wheelZoom: "modifier" });
}

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: "movement-timeline:height", height }, "*");
};
new ResizeObserver(post).observe(document.body);
