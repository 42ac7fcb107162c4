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

import init, { mountWidget } from "./movement-timeline-core.js";

const STYLESHEET = new URL("timeline.css", import.meta.url).href;
const WASM = new URL("movement-timeline-core_bg.wasm", import.meta.url);

let booting = null;
/** Instantiates the WebAssembly module once per page. */
function boot() {
  booting ??= init({ module_or_path: WASM });
  return booting;
}

function describe(error) {
  const text = String(error && error.message ? error.message : error);
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

function wrap(handle) {
  let alive = true;
  const api = {
    /** Replaces the data: JSON text, or an object to serialise. */
    setData(json) {
      if (alive) handle.setData(typeof json === "string" ? json : JSON.stringify(json));
      return api;
    },
    /** Loads the data from a URL. */
    setDataUrl(url) {
      if (alive) handle.setDataUrl(String(url));
      return api;
    },
    /** { orgs: ["rsm"], kinds: ["congress"], text: "…" }; missing keys show all. */
    setFilter(filter = {}) {
      if (alive) handle.setFilter(filter);
      return api;
    },
    /** Dates as YYYY, YYYY-MM or YYYY-MM-DD. */
    setWindow(start, end) {
      if (alive) handle.setWindow(String(start), String(end));
      return api;
    },
    /** "auto", "light" or "dark". */
    setTheme(theme) {
      if (alive) handle.setTheme(String(theme));
      return api;
    },
    /** "select", "rangechange", "error" or "ready". */
    on(event, listener) {
      if (alive) handle.on(String(event), listener);
      return api;
    },
    off(event, listener) {
      if (alive) handle.off(String(event), listener);
      return api;
    },
    /** Unmounts the widget and frees everything it holds. */
    destroy() {
      if (!alive) return;
      alive = false;
      handle.destroy();
      handle.free();
    },
    get destroyed() {
      return !alive;
    },
  };
  return api;
}

function deadHandle(element) {
  const api = {
    setData: () => api, setDataUrl: () => api, setFilter: () => api, setWindow: () => api,
    setTheme: () => api, on: () => api, off: () => api,
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
  try {
    await boot();
  } catch (error) {
    showFallback(element, options, error);
    return deadHandle(element);
  }
  return wrap(mountWidget(element, { ...options, stylesheet: options.stylesheet ?? STYLESHEET }));
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

// The full page (index.html) starts the module itself: the Rust side mounts
// into #movement-timeline-page when the module is instantiated.
const page = document.getElementById("movement-timeline-page");
if (page) {
  boot().catch((error) => showFallback(page, { dataUrl: page.getAttribute("data-src") ?? undefined }, error));
}
