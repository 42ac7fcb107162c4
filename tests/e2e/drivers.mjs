// Three small drivers with one interface, so the core journey (journey.mjs)
// runs unchanged in Chromium (playwright-core), in stock Firefox
// (puppeteer-core over WebDriver BiDi) and in WebKitGTK (our own W3C
// WebDriver client, webdriver.mjs, against WebKitWebDriver). None downloads
// a browser.
//
// A driver opens pages; a page offers what a user does (click at a point,
// wheel, drag, keys, typing) plus evaluate/waitFor, and finds elements by CSS
// selector through open shadow roots (deepQuery below).
import { launchBrowser } from "./lib.mjs";
import { startProbeProxy } from "./probe.mjs";
import { WebKitService, pointer, move, down, up, wheel, keys } from "./webdriver.mjs";

export const FIREFOX = process.env.FIREFOX_PATH || "/usr/bin/firefox-esr";

/** Finds the first element matching `sel` in the document or any open
 *  shadow root, depth first. Runs in the page. */
export function deepQuery(sel) {
  const walk = (root) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) {
        const inner = walk(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(document);
}

/** Every element matching `sel`, through open shadow roots. Runs in the page. */
export function deepQueryAll(sel) {
  const out = [];
  const walk = (root) => {
    out.push(...root.querySelectorAll(sel));
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(document);
  return out;
}

// The page-side helpers, as source, so every engine can install them.
const HELPERS = `window.__mt = { q: ${deepQuery.toString()}, all: ${deepQueryAll.toString()} };`;

/** Common page behaviour on top of an engine's page object. */
class DriverPage {
  constructor(engine, page) {
    this.engine = engine;
    this.page = page;
    this.errors = [];
  }

  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  /** Polls `fn(arg)` in the page until it returns a truthy value. */
  waitFor(fn, arg, timeout = 15000) {
    return this.engine === "chromium"
      ? this.page.waitForFunction(fn, arg, { timeout, polling: 50 })
      : this.page.waitForFunction(fn, { timeout, polling: 50 }, arg);
  }

  /** The element's box in viewport pixels (null when absent). */
  box(sel) {
    return this.evaluate((s) => {
      const el = window.__mt.q(s);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, sel);
  }

  async waitForElement(sel, timeout = 15000) {
    await this.waitFor((s) => Boolean(window.__mt?.q(s)), sel, timeout);
  }

  /** Clicks the middle of the element, as a mouse would. */
  async click(sel) {
    await this.waitForElement(sel);
    await this.evaluate((s) => window.__mt.q(s).scrollIntoView({ block: "center", inline: "nearest" }), sel);
    const b = await this.box(sel);
    await this.clickAt(b.x + b.width / 2, b.y + b.height / 2);
  }

  clickAt(x, y) {
    return this.page.mouse.click(x, y);
  }

  attr(sel, name) {
    return this.evaluate(([s, n]) => window.__mt.q(s)?.getAttribute(n) ?? null, [sel, name]);
  }

  text(sel) {
    return this.evaluate((s) => window.__mt.q(s)?.textContent ?? null, sel);
  }

  count(sel) {
    return this.evaluate((s) => window.__mt.all(s).length, sel);
  }

  attrs(sel, name) {
    return this.evaluate(([s, n]) => window.__mt.all(s).map((e) => e.getAttribute(n)), [sel, name]);
  }

  async type(sel, text) {
    await this.click(sel);
    await this.typeKeys(text);
  }

  typeKeys(text) {
    return this.page.keyboard.type(text);
  }

  press(key) {
    return this.page.keyboard.press(key);
  }

  async wheel(x, y, deltaY) {
    await this.page.mouse.move(x, y);
    if (this.engine === "chromium") await this.page.mouse.wheel(0, deltaY);
    else await this.page.mouse.wheel({ deltaY });
  }

  async drag(x, y, dx) {
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 6; i++) await this.page.mouse.move(x + (dx * i) / 6, y);
    await this.page.mouse.up();
  }

  /** The page's address (a string here; WebKit's is a command, so the
   *  journey awaits it). */
  url() {
    return this.page.url();
  }
}

class ChromiumDriver {
  static async launch() {
    const d = new ChromiumDriver();
    d.browser = await launchBrowser();
    return d;
  }

  async open(url, { width = 1280, height = 720, colorScheme = "light" } = {}) {
    const context = await this.browser.newContext({ viewport: { width, height }, colorScheme });
    const page = await context.newPage();
    await page.addInitScript(HELPERS);
    const p = new DriverPage("chromium", page);
    page.on("pageerror", (e) => p.errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && p.errors.push(m.text()));
    p.close = () => context.close();
    await page.goto(url);
    return p;
  }

  close() {
    return this.browser.close();
  }
}

class FirefoxDriver {
  static async launch() {
    const { default: puppeteer } = await import("puppeteer-core");
    const d = new FirefoxDriver();
    d.browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      // No telemetry, updates or remote settings: this machine has no
      // network beyond loopback.
      extraPrefsFirefox: {
        "app.update.enabled": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "toolkit.telemetry.enabled": false,
        "browser.shell.checkDefaultBrowser": false,
        "network.captive-portal-service.enabled": false,
        // Pages see a light system colour scheme (per-page emulation needs
        // CDP, which Firefox does not speak).
        "layout.css.prefers-color-scheme.content-override": 1,
      },
    });
    return d;
  }

  async open(url, { width = 1280, height = 720, colorScheme = "light" } = {}) {
    const context = await this.browser.createBrowserContext();
    const page = await context.newPage();
    if (colorScheme !== "light") throw new Error("the Firefox driver shows pages in the light scheme only");
    await page.setViewport({ width, height });
    await page.evaluateOnNewDocument(HELPERS);
    const p = new DriverPage("firefox", page);
    page.on("pageerror", (e) => p.errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && p.errors.push(m.text()));
    p.close = () => context.close();
    await page.goto(url);
    return p;
  }

  close() {
    return this.browser.close();
  }
}

// WebKitGTK over classic W3C WebDriver (webdriver.mjs). Each page is a
// session of its own (a fresh MiniBrowser, as a new context is in the other
// engines). Clicks, drags, the wheel and keys are Perform Actions at
// viewport pixels: WebDriver's Element Click refuses SVG groups in WebKit,
// and a pointer at the element's centre is what a user does anyway. Pages
// load through the probe proxy (probe.mjs), which installs the helpers and
// records errors; every evaluate collects them into `errors`.
class WebKitPage extends DriverPage {
  constructor(session, proxy, onClose) {
    super("webkit", session);
    this.proxy = proxy;
    this.onClose = onClose;
  }

  async evaluate(fn, arg) {
    const body = `return Promise.resolve((${fn})(arguments[0])).then((value) =>
      ({ value, errors: window.__mtProbe ? window.__mtProbe.take() : [] }));`;
    const { value, errors } = await this.page.executeScript(body, arg === undefined ? [] : [arg]);
    this.errors.push(...errors);
    return value;
  }

  /** Polls `fn(arg)` in the page every 50 ms until it returns a truthy value. */
  async waitFor(fn, arg, timeout = 15000) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > end) throw new Error(`webkit: timed out after ${timeout} ms waiting for ${fn}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  clickAt(x, y) {
    return this.page.performActions(pointer([move(x, y), down(), up()]));
  }

  typeKeys(text) {
    return this.page.performActions(keys(text));
  }

  press(key) {
    return this.page.performActions(keys(key, { named: true }));
  }

  async wheel(x, y, deltaY) {
    await this.page.performActions(pointer([move(x, y)]));
    await this.page.performActions(wheel(x, y, deltaY));
  }

  drag(x, y, dx) {
    const steps = [1, 2, 3, 4, 5, 6].map((i) => move(x + (dx * i) / 6, y));
    return this.page.performActions(pointer([move(x, y), down(), ...steps, up()]));
  }

  async url() {
    return this.proxy.toTarget(await this.page.getCurrentUrl());
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    await this.page.deleteSession();
  }
}

/** Sizes the window so that the viewport is exactly width x height: the
 *  window's size less the viewport's is its toolbar, which stays the same.
 *  The page hears of a new size a moment after the window has it, so this
 *  polls until it has. */
async function fitViewport(session, width, height, timeout = 5000) {
  const size = "return [innerWidth, innerHeight, outerWidth, outerHeight]";
  const [iw, ih, ow, oh] = await session.executeScript(size);
  await session.setWindowRect({ x: 0, y: 0, width: width + ow - iw, height: height + oh - ih });
  const end = Date.now() + timeout;
  for (;;) {
    const [w, h] = await session.executeScript(size);
    if (w === width && h === height) return;
    if (Date.now() > end) throw new Error(`webkit: the viewport stays ${w}x${h}, not ${width}x${height}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

class WebKitDriver {
  static async launch() {
    const d = new WebKitDriver();
    d.service = await WebKitService.start();
    d.proxies = new Map();
    return d;
  }

  async proxyFor(origin) {
    if (!this.proxies.has(origin)) this.proxies.set(origin, await startProbeProxy(origin, HELPERS));
    return this.proxies.get(origin);
  }

  async open(url, { width = 1280, height = 720, colorScheme = "light" } = {}) {
    await this.current?.close(); // one page at a time, even after a failed test
    const target = new URL(url);
    const proxy = await this.proxyFor(target.origin);
    // MiniBrowser's --dark-mode is its system colour scheme.
    const args = ["--automation", ...(colorScheme === "dark" ? ["--dark-mode"] : [])];
    const session = await this.service.session({ "webkitgtk:browserOptions": { args } });
    const page = new WebKitPage(session, proxy, (p) => {
      if (this.current === p) this.current = null;
    });
    this.current = page;
    await fitViewport(session, width, height);
    await session.navigateTo(proxy.url + url.slice(target.origin.length));
    return page;
  }

  async close() {
    await this.current?.close().catch(() => {});
    await this.service.stop();
    for (const proxy of this.proxies.values()) await proxy.close();
  }
}

export const DRIVERS = { chromium: ChromiumDriver, firefox: FirefoxDriver, webkit: WebKitDriver };
