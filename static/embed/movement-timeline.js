// movement-timeline: embed the timeline of For a New Socialism and the
// Russian Socialist Movement on any page.
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
// style-src 'self'`. Where WebAssembly cannot run, a short message and a link
// to the data take the widget's place.

const CORE = new URL("movement-timeline-core.js", import.meta.url);
const STYLESHEET = new URL("timeline.css", import.meta.url).href;
const WASM = new URL("movement-timeline-core_bg.wasm", import.meta.url);
const DATA_TIMEOUT_MS = 30000;
const DATA_LIMIT_BYTES = 64 * 1024 * 1024;

/** Why the module could not start, for the fallback message. */
class WasmUnavailable extends Error {}

// The module is compiled once per page, and every widget gets its own
// instance of it (a fresh copy of the bindings, imported under a distinct
// URL): a panic leaves an instance unusable, so it must not take the other
// widgets down with it. Healthy instances are reused after destroy().
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

// Data downloads start as soon as a widget is known, while the module
// compiles: a URL's first download is kept until a widget reads it.
const early = new Map();
function download(url) {
  const href = new URL(url, document.baseURI).href;
  const waiting = early.get(href);
  if (waiting) {
    early.delete(href);
    return waiting;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DATA_TIMEOUT_MS);
  const started = fetch(href, { signal: controller.signal }).then(
    (response) => ({ response, controller, timer }),
    (error) => ({ error, controller, timer }),
  );
  return started;
}
function prefetch(url) {
  if (!url) return;
  const href = new URL(url, document.baseURI).href;
  if (!early.has(href)) early.set(href, download(href));
}

/** Feeds the download of `url` to a widget's data sink as it arrives. */
async function load(url, sink) {
  const { response, error, controller, timer } = await download(url);
  const timedOut = () => controller.signal.aborted;
  try {
    if (error) return sink.fail(timedOut() ? "no answer within 30 seconds" : `network error: ${error.message}`);
    if (!response.ok) return sink.fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    const length = Number(response.headers.get("content-length"));
    if (length > DATA_LIMIT_BYTES) {
      controller.abort();
      return sink.fail(`the data is ${length} bytes, more than the limit of ${DATA_LIMIT_BYTES} bytes; it was not downloaded`);
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // false: the data has an error (now shown) or is over the limit.
      if (!sink.feed(value)) {
        controller.abort();
        return;
      }
    }
    sink.finish();
  } catch (e) {
    sink.fail(timedOut() ? "no answer within 30 seconds" : `network error: ${e.message}`);
  } finally {
    clearTimeout(timer);
    sink.free();
  }
}

const idle = [];
let instances = 0;
async function instance() {
  const reused = idle.pop();
  if (reused) return reused;
  const module = await compile();
  const core = await import(`${CORE.href}?instance=${++instances}`);
  await core.default({ module_or_path: module });
  return core;
}

function describe(error) {
  const text = String(error && error.message ? error.message : error);
  if (error instanceof WasmUnavailable) return text;
  if (/Content Security Policy|unsafe-eval|CompileError|Refused/i.test(text)) return "WebAssembly is blocked on this page";
  if (typeof WebAssembly !== "object") return "this browser does not run WebAssembly";
  return "the WebAssembly module could not be loaded";
}

/** A static stand-in, built from DOM nodes only (no HTML parsing). */
function showFallback(element, options, error) {
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
  text.textContent = `The interactive timeline cannot start here (${describe(error)}).`;
  box.append(text);
  if (options.dataUrl) {
    const a = document.createElement("a");
    a.href = new URL(options.dataUrl, document.baseURI).href;
    a.textContent = "Open the list of events (JSON)";
    a.rel = "noopener noreferrer";
    box.append(a);
  }
  root.append(link, box);
  console.warn("movement-timeline:", describe(error), error);
}

function wrap(core, handle, element) {
  let alive = true;
  // After a crash the instance must not be called again; the widget already
  // shows its error message.
  const call = (f) => {
    if (!alive || core.isCrashed()) return;
    try {
      f();
    } catch (error) {
      console.error("movement-timeline:", error);
    }
  };
  const api = {
    /** Replaces the data: JSON text, or an object to serialise. */
    setData(json) {
      call(() => handle.setData(typeof json === "string" ? json : JSON.stringify(json)));
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
    /** "auto", "light" or "dark". */
    setTheme(theme) {
      call(() => handle.setTheme(String(theme)));
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
      if (core.isCrashed()) {
        element.shadowRoot?.replaceChildren();
        return;
      }
      handle.destroy();
      handle.free();
      idle.push(core);
    },
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

function deadHandle(element) {
  const api = {
    setData: () => api, setDataUrl: () => api, setFilter: () => api, setWindow: () => api,
    setTheme: () => api, on: () => api, off: () => api, memoryBytes: () => 0,
    destroy() { element.shadowRoot?.replaceChildren(); },
    destroyed: true,
  };
  return api;
}

/**
 * Mounts a widget in `element`. Options: `dataUrl` or `data` (JSON text),
 * `orgs`, `kinds`, `window: { start, end }`, `theme` ("auto" | "light" |
 * "dark"), `wheelZoom` ("modifier", the default: the wheel zooms only with
 * Ctrl/⌘, so page scrolling is never trapped; or "always"), `height` (a
 * number of pixels or a CSS length), `urlState` (default false).
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError("mount(element, options): element must be a DOM element");
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
  if (!(await styled)) console.warn(`movement-timeline: the stylesheet ${href} could not be loaded; the widget is unstyled (put timeline.css next to movement-timeline.js, or pass its URL as the stylesheet option)`);
  const handle = core.mountWidget(element, { ...options, stylesheet: undefined, loader: load });
  return wrap(core, handle, element);
}

const ATTRIBUTES = ["src", "orgs", "kinds", "from", "to", "theme", "wheel-zoom", "height"];

/** <movement-timeline src orgs kinds from to theme wheel-zoom height> */
class MovementTimelineElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #handle = null;
  #generation = 0;

  get handle() {
    return this.#handle;
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
      wheelZoom: a("wheel-zoom"),
      height: a("height"),
    };
  }

  #emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  async #remount() {
    prefetch(this.getAttribute("src"));
    const generation = ++this.#generation;
    this.#handle?.destroy();
    this.#handle = null;
    const options = this.#options();
    if (!options.dataUrl) {
      console.warn("movement-timeline: the element needs a src attribute");
      return;
    }
    const handle = await mount(this, options);
    if (generation !== this.#generation || !this.isConnected) {
      handle.destroy();
      return;
    }
    this.#handle = handle;
    for (const name of ["select", "rangechange", "error", "ready"]) {
      handle.on(name, (detail) => this.#emit(name, detail));
    }
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
    if (!this.isConnected || before === after || !this.#handle) return;
    const o = this.#options();
    switch (name) {
      case "orgs":
      case "kinds":
        this.#handle.setFilter({ orgs: o.orgs, kinds: o.kinds });
        break;
      case "from":
      case "to":
        if (o.window) this.#handle.setWindow(o.window.start, o.window.end);
        break;
      case "theme":
        this.#handle.setTheme(o.theme ?? "auto");
        break;
      default:
        this.#remount();
    }
  }
}

if (!customElements.get("movement-timeline")) {
  customElements.define("movement-timeline", MovementTimelineElement);
}

// The full page (index.html): mount into #movement-timeline-page.
const page = document.getElementById("movement-timeline-page");
if (page) {
  prefetch(page.getAttribute("data-src"));
  instance().then(
    (core) => core.mountPage(page, load),
    (error) => showFallback(page, { dataUrl: page.getAttribute("data-src") ?? undefined }, error),
  );
}
