// Two small drivers with one interface, so the core journey (journey.mjs)
// runs unchanged in Chromium (playwright-core) and in stock Firefox
// (puppeteer-core over WebDriver BiDi). Neither downloads a browser.
//
// A driver opens pages; a page offers what a user does (click at a point,
// wheel, drag, keys, typing) plus evaluate/waitFor, and finds elements by CSS
// selector through open shadow roots (DEEP_QUERY below).
import { launchBrowser } from "./lib.mjs";

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

// The page-side helpers, as source, so both engines can install them.
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
    return this.page.evaluate((s) => {
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
    await this.page.evaluate((s) => window.__mt.q(s).scrollIntoView({ block: "center", inline: "nearest" }), sel);
    const b = await this.box(sel);
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }

  attr(sel, name) {
    return this.page.evaluate(([s, n]) => window.__mt.q(s)?.getAttribute(n) ?? null, [sel, name]);
  }

  text(sel) {
    return this.page.evaluate((s) => window.__mt.q(s)?.textContent ?? null, sel);
  }

  count(sel) {
    return this.page.evaluate((s) => window.__mt.all(s).length, sel);
  }

  attrs(sel, name) {
    return this.page.evaluate(([s, n]) => window.__mt.all(s).map((e) => e.getAttribute(n)), [sel, name]);
  }

  async type(sel, text) {
    await this.click(sel);
    await this.page.keyboard.type(text);
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

export const DRIVERS = { chromium: ChromiumDriver, firefox: FirefoxDriver };
