// movement-timeline: embed the timeline of For a New Socialism and the Russian Socialist Movement on any page. See README "Embedding it on your page".
//
//   import { mount } from "./movement-timeline.js";
//   const tl = await mount(element, { dataUrl: "data/movements.json", orgs: ["rsm"] });
//   tl.on("select", (e) => console.log(e.id));
//
// or, with no script of your own:
//
//   <script type="module" src="movement-timeline.js"></script>
//   <movement-timeline src="data/movements.json" orgs="rsm" theme="dark"></movement-timeline>
//
// Each instance renders into its own shadow root, styled by timeline.css (next
// to this file) and the --mt-* custom properties; nothing is added to window.
// Works under `default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'`, and with Subresource Integrity: this one file holds all
// the script there is (the build puts the WebAssembly bindings in below, as
// `createCore`), so an `integrity` attribute on its <script> tag covers it.
// Where WebAssembly cannot run, a short message and a link to the data take
// the widget's place.

/* core */

const HERE = import.meta.url;
const STYLESHEET = new URL("timeline.css", HERE).href;
const WASM = new URL("movement-timeline.wasm", HERE);
// A download is given up when no byte of it arrives for this long.
const DATA_IDLE_MS = 30000;

/** Why the module could not start, in words for the fallback. */
class WasmUnavailable extends Error {}

// The module is compiled once per page, and every widget gets its own
// instance of it and of its bindings (createCore): a panic leaves an
// instance unusable, so it must not take the other widgets down with it.
// Healthy instances are reused after destroy().
let compiled = null;
function compile() {
  compiled ??= (async () => {
    const response = await fetch(WASM).catch((e) => {
      throw new WasmUnavailable(`the WebAssembly module could not be downloaded: ${e.message}`);
    });
    if (!response.ok) throw new WasmUnavailable(`the WebAssembly module could not be downloaded: HTTP ${response.status}`);
    const type = response.headers.get("content-type") || "";
    if (!type.startsWith("application/wasm")) {
      // Streaming compilation needs the right type; compiling from bytes
      // works anyway, but costs a copy and time.
      console.warn(`movement-timeline: serve ${WASM.pathname} as application/wasm (it came as "${type}"); loading it the slower way`);
      return WebAssembly.compile(await response.arrayBuffer());
    }
    return WebAssembly.compileStreaming(response);
  })();
  compiled.catch(() => { compiled = null; });
  return compiled;
}

const idle = [];
const IDLE_INSTANCES = 2;
async function instance() {
  const reused = idle.pop();
  if (reused) return reused;
  const module = await compile();
  const core = createCore(); // eslint-disable-line no-undef -- put in by the build
  await core({ module_or_path: module });
  return core;
}

/** The address of data to fetch or to link to: `http:` or `https:` only
 *  (a relative one resolved against the page), else null. A `javascript:`
 *  or `data:` address is never fetched, and never becomes a link. */
function dataHref(url) {
  let parsed;
  try {
    parsed = new URL(String(url), document.baseURI);
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}

// Data downloads start as soon as a widget is known, while the module
// compiles. A download started early waits for its widget at most
// PARK_MS (a widget destroyed or never mounted leaves none behind), and no
// timer runs on it until a widget takes it.
const PARK_MS = 10000;
const early = new Map();

function startFetch(href) {
  const controller = new AbortController();
  const answer = fetch(href, { signal: controller.signal }).then(
    (response) => ({ response }),
    (error) => ({ error }),
  );
  return { controller, answer };
}

function prefetch(url) {
  const href = url && dataHref(url);
  if (!href || early.has(href)) return;
  const parked = startFetch(href);
  parked.expiry = setTimeout(() => forget(href), PARK_MS);
  early.set(href, parked);
}

/** Drops the download parked for `url`, if any. */
function forget(url) {
  const href = url && dataHref(url);
  const parked = href && early.get(href);
  if (!parked) return;
  early.delete(href);
  clearTimeout(parked.expiry);
  parked.controller.abort();
}

/** The download of `href`: the one parked for it, or a new one. */
function take(href) {
  const parked = early.get(href);
  if (!parked) return startFetch(href);
  early.delete(href);
  clearTimeout(parked.expiry);
  return parked;
}

/** Downloads `url` for a widget's data sink and hands it the text. The
 *  download is given up when no byte arrives for DATA_IDLE_MS (a slow but
 *  live connection may take as long as it needs), when it passes the
 *  widget's size limit, or as soon as a newer load supersedes it. */
async function load(url, sink) {
  const href = dataHref(url);
  if (!href) {
    try {
      sink.fail(`the data's address must start with http: or https: ("${String(url).slice(0, 40)}")`);
      sink.free();
    } catch {}
    return;
  }
  const { controller, answer } = take(href);
  let idle;
  let silent = null;
  const wait = (words) => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      silent = words;
      controller.abort();
    }, DATA_IDLE_MS);
  };
  const seconds = DATA_IDLE_MS / 1000;
  try {
    wait(`no answer within ${seconds} seconds`);
    const { response, error } = await answer;
    if (sink.superseded) return controller.abort();
    if (error) return sink.fail(silent ?? `network error: ${error.message}`);
    if (!response.ok) return sink.fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    const limit = sink.limitBytes;
    const length = Number(response.headers.get("content-length"));
    if (length > limit && !response.headers.get("content-encoding")) {
      controller.abort();
      return sink.fail(`the data is ${length} bytes, more than the limit of ${limit} bytes; it was not downloaded`);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts = [];
    let bytes = 0;
    for (;;) {
      wait(`no data arrived for ${seconds} seconds`);
      const { done, value } = await reader.read();
      if (sink.superseded) return controller.abort();
      if (done) break;
      bytes += value.length;
      if (bytes > limit) {
        controller.abort();
        return sink.fail(`the data is more than the limit of ${limit} bytes; the rest was not downloaded`);
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    clearTimeout(idle);
    sink.finish(parts.join(""));
  } catch (e) {
    // After a panic in the instance the sink is gone; its widget already
    // shows what happened.
    try {
      sink.fail(silent ?? `network error: ${e.message}`);
    } catch {}
  } finally {
    clearTimeout(idle);
    try {
      sink.free();
    } catch {}
  }
}

/** The language a widget speaks when none is asked for: the nearest `lang`
 *  around its element, else the browser's. */
function hostLanguage(element) {
  const tag = element.closest("[lang]")?.getAttribute("lang") || navigator.language || "en";
  return /^ru\b/i.test(tag) ? "ru" : /^en\b/i.test(tag) ? "en" : undefined;
}

const WORDS = {
  en: {
    cannot: (reason) => `The interactive timeline cannot start here (${reason}).`,
    open: "Open the list of events (JSON)",
    blocked: "WebAssembly is blocked on this page",
    unsupported: "this browser does not run WebAssembly",
    failed: "the WebAssembly module could not be loaded",
  },
  ru: {
    cannot: (reason) => `Интерактивная хронология не может здесь запуститься (${reason}).`,
    open: "Открыть список событий (JSON)",
    blocked: "WebAssembly заблокирован на этой странице",
    unsupported: "этот браузер не выполняет WebAssembly",
    failed: "модуль WebAssembly не удалось загрузить",
  },
};

function describe(error, words) {
  const text = String(error && error.message ? error.message : error);
  if (error instanceof WasmUnavailable) return text;
  if (/Content Security Policy|unsafe-eval|CompileError|Refused/i.test(text)) return words.blocked;
  if (typeof WebAssembly !== "object") return words.unsupported;
  return words.failed;
}

/** A static stand-in, built from DOM nodes only (no HTML parsing). */
function showFallback(element, options, error) {
  const words = WORDS[options.lang === "ru" || hostLanguage(element) === "ru" ? "ru" : "en"];
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  root.replaceChildren();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = options.stylesheet ?? STYLESHEET;
  const box = document.createElement("div");
  box.className = "mt-fallback";
  box.setAttribute("data-testid", "fallback");
  box.setAttribute("role", "note");
  const text = document.createElement("p");
  text.textContent = words.cannot(describe(error, words));
  box.append(text);
  const dataLink = options.dataUrl && dataHref(options.dataUrl);
  if (dataLink) {
    const a = document.createElement("a");
    a.href = dataLink;
    a.textContent = words.open;
    a.rel = "noopener noreferrer";
    box.append(a);
  }
  root.append(link, box);
  console.warn("movement-timeline:", describe(error, WORDS.en), error);
}

// One widget per element: mounting again destroys the first (its handle
// goes inert) and returns a fresh handle.
const live = new WeakMap();

// Exports: the widget writes SVG, CSV or JSON text (its own render and
// core functions); here the text becomes a PNG where asked, and a download
// when the reader used the menu.
const TYPES = { svg: "image/svg+xml", png: "image/png", csv: "text/csv;charset=utf-8", json: "application/json" };

/** An SVG document drawn on a canvas at twice its size, as a PNG Blob. A
 *  page whose Content-Security-Policy has no `img-src blob:` blocks it. */
function png(svg) {
  return new Promise((ok, fail) => {
    const url = URL.createObjectURL(new Blob([svg], { type: TYPES.svg }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth * 2;
      canvas.height = img.naturalHeight * 2;
      const ctx = canvas.getContext("2d");
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? ok(blob) : fail(new Error("movement-timeline: the PNG could not be encoded"))), TYPES.png);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      fail(new Error("movement-timeline: the PNG export could not draw the view (a Content-Security-Policy without img-src blob: blocks it)"));
    };
    img.src = url;
  });
}

function save(name, body, format) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(body instanceof Blob ? body : new Blob([body], { type: TYPES[format] }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

/** Tells the reader, inside the widget, why an export from its menu did
 *  not happen (a note that goes after a while, not only the console). */
function exportFailed(host, error) {
  console.error(error);
  if (!host) return;
  const ru = hostLanguage(host) === "ru" || host.querySelector?.("[lang=ru]");
  const words = ru
    ? "Экспорт в PNG не удался: политика безопасности страницы (Content-Security-Policy без img-src blob:) не даёт нарисовать изображение. Экспорт в SVG работает."
    : "The PNG export failed: this page's Content-Security-Policy (without img-src blob:) does not let the view be drawn as an image. The SVG export works.";
  const note = document.createElement("p");
  note.className = "mt-export-failed";
  note.setAttribute("role", "alert");
  note.setAttribute("data-testid", "export-failed");
  note.textContent = /Content-Security-Policy/.test(String(error && error.message)) ? words : String(error && error.message);
  const root = host.shadowRoot ?? host;
  root.querySelector(".mt-export-failed")?.remove();
  root.append(note);
  setTimeout(() => note.remove(), 15000);
}

/** The widget's exporter: `pending` holds the API's waiting promises;
 *  `host` is where a failed menu export is explained. */
const exporter = (pending, host) => (format, name, text, asked) => {
  const result = text == null
    ? Promise.reject(new Error("movement-timeline: there is nothing to export before the data is shown"))
    : format === "png" ? png(text) : Promise.resolve(text);
  if (asked) result.then((body) => save(name, body, format), (error) => exportFailed(host, error));
  else pending.shift()?.(result);
};

function wrap(core, handle, element, pending) {
  let alive = true;
  // One export at a time, in order: each waits for the widget's answer.
  let exports = Promise.resolve();
  const exportAs = (format) => {
    const next = exports.then(() => new Promise((ok) => {
      if (!alive || core.isCrashed()) return ok(Promise.reject(new Error("movement-timeline: the widget is gone")));
      pending.push(ok);
      handle.requestExport(format);
    }));
    exports = next.catch(() => {});
    return next;
  };
  // After a crash the instance must not be called again; the widget already
  // shows its error message.
  const call = (f) => {
    if (!alive || core.isCrashed()) return undefined;
    try {
      return f();
    } catch (error) {
      console.error(error);
      return undefined;
    }
  };
  const api = {
    /** Replaces the data: JSON text, or an object (read as it is). */
    setData(data) {
      call(() => handle.setData(data));
      return api;
    },
    /** Loads the data from a URL. */
    setDataUrl(url) {
      call(() => handle.setDataUrl(String(url)));
      return api;
    },
    /** { orgs: ["rsm"], kinds: ["congress"], text: "…" }; missing keys show all. */
    setFilter(filter = {}) {
      call(() => handle.setFilter(filter));
      return api;
    },
    /** Dates as YYYY, YYYY-MM or YYYY-MM-DD. */
    setWindow(start, end) {
      call(() => handle.setWindow(String(start), String(end)));
      return api;
    },
    /** "calendar" or "founding". */
    setAlign(align) {
      call(() => handle.setAlign(String(align)));
      return api;
    },
    /** "auto", "light" or "dark". */
    setTheme(theme) {
      call(() => handle.setTheme(String(theme)));
      return api;
    },
    /** "en" or "ru". */
    setLang(lang) {
      call(() => handle.setLang(String(lang)));
      return api;
    },
    /** "select", "rangechange", "error" or "ready". */
    on(event, listener) {
      call(() => handle.on(String(event), listener));
      return api;
    },
    off(event, listener) {
      call(() => handle.off(String(event), listener));
      return api;
    },
    /** Unmounts the widget and frees everything it holds. */
    destroy() {
      if (!alive) return;
      alive = false;
      if (live.get(element) === api) live.delete(element);
      if (core.isCrashed()) {
        element.shadowRoot?.replaceChildren();
        return;
      }
      handle.destroy();
      handle.free();
      // A few healthy instances wait for the next mount; the rest go, and
      // their memory with them (WebAssembly memory never shrinks, so a
      // pool sized by the most widgets ever open would keep it all).
      if (idle.length < IDLE_INSTANCES) idle.push(core);
    },
    /** The view as a self-contained SVG document (text). */
    exportSvg: () => exportAs("svg"),
    /** The view as a PNG Blob at twice its size. */
    exportPng: () => exportAs("png"),
    /** The shown events as CSV (RFC 4180, UTF-8, a header row). */
    exportCsv: () => exportAs("csv"),
    /** The shown events as JSON. */
    exportJson: () => exportAs("json"),
    /** Bytes of WebAssembly memory this widget holds. */
    memoryBytes() {
      return alive && !core.isCrashed() ? handle.memoryBytes() : 0;
    },
    get destroyed() {
      return !alive;
    },
    get crashed() {
      return core.isCrashed();
    },
  };
  /* test hooks */
  return api;
}

const gone = () => Promise.reject(new Error("movement-timeline: the widget could not start, so there is nothing to export"));

function deadHandle(element) {
  const api = {
    setData: () => api, setDataUrl: () => api, setFilter: () => api, setWindow: () => api,
    setTheme: () => api, setAlign: () => api, setLang: () => api, on: () => api, off: () => api, memoryBytes: () => 0,
    exportSvg: gone, exportPng: gone, exportCsv: gone, exportJson: gone,
    destroy() { element.shadowRoot?.replaceChildren(); },
    destroyed: true,
  };
  return api;
}

/** A CSS length for `height`: a number of pixels, or anything CSS accepts
 *  as a height; otherwise undefined, with a warning naming the value. */
function heightOf(value) {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "number" && typeof value !== "string") {
    throw new TypeError(`movement-timeline: mount options: height: expected a number of pixels or a CSS length, not ${Array.isArray(value) ? "a list" : typeof value}`);
  }
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`;
  if (typeof CSS !== "undefined" && CSS.supports("height", text)) return text;
  console.warn(`movement-timeline: height "${text}" is not a CSS length (like 640, "640px", "80vh" or "calc(100dvh - 4rem)"); it was ignored`);
  return undefined;
}

/**
 * Mounts a widget in `element`. Options (see movement-timeline.d.ts):
 * `dataUrl` or `data` (JSON text or an object), `orgs`, `kinds`,
 * `window: { start, end }`, `theme` ("auto" | "light" | "dark"), `lang`
 * ("en" | "ru"), `wheelZoom` ("modifier", the default, or "always"),
 * `height` (pixels or a CSS length), `urlState` (default false), `view` (a
 * URL-state string such as "orgs=rsm&from=2011").
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError("mount(element, options): element must be a DOM element");
  if (options === null || typeof options !== "object") throw new TypeError("mount(element, options): options must be an object");
  live.get(element)?.destroy();
  prefetch(options.dataUrl);
  // The stylesheet loads while the module compiles; the widget appears
  // styled or, if the file is missing, with a message naming it.
  const href = new URL(options.stylesheet ?? STYLESHEET, document.baseURI).href;
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const styled = new Promise((ok) => {
    link.addEventListener("load", () => ok(true), { once: true });
    link.addEventListener("error", () => ok(false), { once: true });
  });
  root.replaceChildren(link);
  let core;
  try {
    core = await instance();
  } catch (error) {
    showFallback(element, options, error);
    return deadHandle(element);
  }
  if (!(await styled)) {
    console.warn(`movement-timeline: the stylesheet ${href} could not be loaded; the widget is unstyled (put timeline.css next to movement-timeline.js, or pass its URL as the stylesheet option)`);
  }
  const { stylesheet, ...rest } = options;
  const pending = [];
  const handle = core.mountWidget(element, {
    lang: hostLanguage(element),
    ...rest,
    height: heightOf(options.height),
    loader: load,
    exporter: exporter(pending, element),
  });
  const api = wrap(core, handle, element, pending);
  live.set(element, api);
  return api;
}

const ATTRIBUTES = ["src", "orgs", "kinds", "from", "to", "theme", "wheel-zoom", "height", "lang", "align"];
const EVENTS = ["select", "rangechange", "error", "ready"];

/** <movement-timeline src orgs kinds from to theme lang align wheel-zoom height> */
class MovementTimelineElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #handle = null;
  #applied = null;
  #generation = 0;
  #ready = null;
  #resolveReady = null;
  #readyHandle = null;

  /** The API handle (see mount()), or null until the widget is mounted. */
  get handle() {
    return this.#handle;
  }

  /** Resolves with the live handle once the widget has shown its data:
   *  at once if it has, else when it does (after a `src` change, with the
   *  new widget's handle, never the destroyed one's). */
  get ready() {
    if (this.#handle && this.#readyHandle === this.#handle) return Promise.resolve(this.#handle);
    this.#ready ??= new Promise((ok) => { this.#resolveReady = ok; });
    return this.#ready;
  }

  #isReady(handle) {
    if (handle !== this.#handle) return;
    this.#readyHandle = handle;
    this.#resolveReady?.(handle);
    this.#ready = null;
    this.#resolveReady = null;
  }

  #options() {
    const a = (name) => this.getAttribute(name) ?? undefined;
    const list = (name) => a(name)?.split(",").map((s) => s.trim()).filter(Boolean);
    return {
      dataUrl: a("src"),
      orgs: list("orgs"),
      kinds: list("kinds"),
      window: a("from") && a("to") ? { start: a("from"), end: a("to") } : undefined,
      theme: a("theme"),
      lang: a("lang"),
      align: a("align"),
      wheelZoom: a("wheel-zoom"),
      height: a("height"),
    };
  }

  #emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  async #remount() {
    const generation = ++this.#generation;
    this.#handle?.destroy();
    this.#handle = null;
    const options = this.#options();
    if (!options.dataUrl) {
      console.warn("movement-timeline: the <movement-timeline> element needs a src attribute (the data's URL)");
      return;
    }
    prefetch(options.dataUrl);
    const handle = await mount(this, options);
    if (generation !== this.#generation || !this.isConnected) {
      handle.destroy();
      return;
    }
    this.#handle = handle;
    this.#applied = options;
    for (const name of EVENTS) handle.on(name, (detail) => this.#emit(name, detail));
    handle.on("ready", () => this.#isReady(handle));
    // Attributes changed while the widget was being mounted take effect now.
    this.#update();
  }

  /** Applies what changed in the attributes since they were last applied. */
  #update() {
    const before = this.#applied;
    const now = this.#options();
    this.#applied = now;
    if (JSON.stringify(now) === JSON.stringify(before)) return;
    if (now.dataUrl !== before.dataUrl || now.height !== before.height || now.wheelZoom !== before.wheelZoom) {
      this.#remount();
      return;
    }
    const h = this.#handle;
    if (String(now.orgs) !== String(before.orgs) || String(now.kinds) !== String(before.kinds)) {
      h.setFilter({ orgs: now.orgs, kinds: now.kinds });
    }
    if (now.window && JSON.stringify(now.window) !== JSON.stringify(before.window)) h.setWindow(now.window.start, now.window.end);
    if (now.theme !== before.theme) h.setTheme(now.theme ?? "auto");
    if (now.lang !== before.lang && now.lang) h.setLang(now.lang);
    if (now.align !== before.align) h.setAlign(now.align ?? "calendar");
  }

  connectedCallback() {
    this.#remount();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#handle?.destroy();
    this.#handle = null;
  }

  attributeChangedCallback(name, before, after) {
    // Before the widget is mounted, #remount applies the attributes when the
    // handle arrives; nothing is lost.
    if (this.isConnected && before !== after && this.#handle) this.#update();
  }
}

if (!customElements.get("movement-timeline")) {
  customElements.define("movement-timeline", MovementTimelineElement);
}

// The full page (index.html): mount into #movement-timeline-page. The build
// put a prerendered view there; the widget renders beside it, hidden, and
// takes its place once it has its data (or its error), so nothing moves.
// Where WebAssembly cannot run, the prerendered view stays, under a note.
const page = document.getElementById("movement-timeline-page");
if (page) {
  const src = page.getAttribute("data-src");
  prefetch(src);
  const prerendered = page.querySelectorAll(".mt-prerender");
  let root = page;
  if (prerendered.length) {
    root = document.createElement("div");
    root.className = "mt-live mt-pending";
    if (src) root.setAttribute("data-src", src);
    page.prepend(root);
    new MutationObserver((_, observer) => {
      const state = root.querySelector("[data-testid=timeline-root]")?.getAttribute("data-state");
      if (state !== "ready" && state !== "error") return;
      observer.disconnect();
      prerendered.forEach((view) => view.remove());
      root.classList.remove("mt-pending");
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  }
  instance().then(
    (core) => core.mountPage(root, load, exporter([], page)),
    (error) => {
      root.classList.remove("mt-pending");
      prerendered.forEach((view) => { view.inert = false; });
      showFallback(root, { dataUrl: src ?? undefined }, error);
    },
  );
}
