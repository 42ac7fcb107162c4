// Shared helpers for the end-to-end tests: Debian's Chromium through
// playwright-core (never a downloaded browser), the built output served on
// loopback, and a page object that speaks in the widget's test ids.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(here, "../../dist");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Serves dist/, plus the test fixtures under /fixtures/ and the bad-data
 *  files under /fixtures/bad/ (all read from this repository). */
export async function serveDist(options = {}) {
  const fixtures = resolve(here, "fixtures");
  const bad = resolve(here, "../fixtures/bad");
  const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
  const fixtureRoute = async (req, res) => {
    const { pathname } = new URL(req.url, "http://x");
    const [dir, name] = pathname.startsWith("/fixtures/bad/")
      ? [bad, pathname.slice("/fixtures/bad/".length)]
      : [fixtures, pathname.slice("/fixtures/".length)];
    if (name.includes("/") || name.includes("..")) return res.writeHead(403).end();
    try {
      const body = await readFile(resolve(dir, name));
      const ext = name.slice(name.lastIndexOf("."));
      res.writeHead(200, { "content-type": TYPES[ext] || "application/octet-stream",
        ...(options.headers ? options.headers(pathname) : {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/html" }).end("<!doctype html><h1>Not found</h1>");
    }
  };
  return startServer({ root: DIST, ...options, prefixRoutes: { "/fixtures/": fixtureRoute } });
}

/** Starts a server on dist/ and a browser before a test file's tests, and
 *  stops them after; the returned object holds `server` and `browser`.
 *  `open(hash, options)` opens the full page and waits until it is ready. */
export function useBrowser(serverOptions = {}) {
  const env = {
    async open(hash = "", options) {
      const tl = await TimelinePage.open(env.browser, `${env.server.url}/${hash}`, options);
      await tl.waitReady();
      return tl;
    },
  };
  before(async () => {
    env.server = await serveDist(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The widget on a page, addressed by its data-testids (see CONTRACT.md). */
export class TimelinePage {
  constructor(page, root = page.locator('[data-testid="timeline-root"]').first()) {
    this.page = page;
    this.root = root;
    this.consoleErrors = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") this.consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => this.consoleErrors.push(String(err)));
  }

  static async open(browser, url, { width = 1280, height = 720, colorScheme = "light" } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme });
    const page = await context.newPage();
    const tp = new TimelinePage(page);
    await page.goto(url);
    return tp;
  }

  async waitReady(timeout = 15000) {
    await this.root.and(this.page.locator('[data-state="ready"]')).waitFor({ timeout });
  }

  async state() {
    return this.root.getAttribute("data-state");
  }

  async window() {
    return {
      start: await this.root.getAttribute("data-window-start"),
      end: await this.root.getAttribute("data-window-end"),
    };
  }

  /** Polls until the visible window differs from `before`. */
  async waitWindowChange(before, timeout = 5000) {
    await this.page.waitForFunction(
      ([sel, s, e]) => {
        const el = document.querySelector(sel);
        return el && (el.getAttribute("data-window-start") !== s || el.getAttribute("data-window-end") !== e);
      },
      ['[data-testid="timeline-root"]', before.start, before.end],
      { timeout },
    );
    return this.window();
  }

  /** Polls until the window, the URL and the DOM size have stayed the same
   *  for five animation frames in a row (input handled, effects run). */
  async settle(timeout = 5000) {
    await this.page.waitForFunction(() => new Promise((resolve) => {
      const snap = () => {
        const r = document.querySelector('[data-testid="timeline-root"]');
        return [r?.dataset.windowStart, r?.dataset.windowEnd, location.hash, document.querySelectorAll("*").length].join("|");
      };
      const first = snap();
      let frames = 0;
      const tick = () => {
        if (snap() !== first) return resolve(false);
        if (++frames >= 5) return resolve(true);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }), null, { timeout, polling: 50 });
  }

  event(id) {
    return this.root.locator(`[data-testid="event"][data-event-id="${id}"]`);
  }

  events() {
    return this.root.locator('[data-testid="event"]');
  }

  plot() {
    return this.root.locator(".mt-plot");
  }

  /** Drives the real UI (wheel zoom, then drag) until the visible window is
   *  about [from, to]: span within 15%, start and end within 10% of the span. */
  async showRange(from, to) {
    const box = await this.plot().boundingBox();
    const f = Date.parse(from), t = Date.parse(to), target = t - f;
    for (let i = 0; i < 100; i++) {
      const w = await this.window();
      const s = Date.parse(w.start), e = Date.parse(w.end), span = e - s;
      const pxPerMs = box.width / span;
      const spanOk = Math.abs(span - target) / target < 0.15;
      if (spanOk && Math.abs(s - f) < target * 0.1 && Math.abs(e - t) < target * 0.1) return;
      const mid = (f + t) / 2;
      const x = box.x + (mid - s) * pxPerMs;
      if (!spanOk && x > box.x + 2 && x < box.x + box.width - 2) {
        await this.page.mouse.move(x, box.y + 40);
        // About 1.27x per step in or out.
        await this.page.mouse.wheel(0, span > target ? -120 : 120);
      } else {
        const dx = (s + span / 2 - mid) * pxPerMs;
        await this.drag(dx);
      }
      await this.waitWindowChange(w, 2000).catch(() => {});
    }
    throw new Error(`could not show ${from}..${to}; window is ${JSON.stringify(await this.window())}`);
  }

  /** Drags the plot horizontally by dx pixels (positive: content moves right). */
  async drag(dx) {
    const box = await this.plot().boundingBox();
    const y = box.y + box.height - 20;
    const x0 = box.x + box.width / 2;
    const clamped = Math.max(-box.width / 2 + 5, Math.min(box.width / 2 - 5, dx));
    await this.page.mouse.move(x0, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x0 + clamped / 2, y, { steps: 3 });
    await this.page.mouse.move(x0 + clamped, y, { steps: 3 });
    await this.page.mouse.up();
  }

  lanes() {
    return this.root.locator('[data-testid="lane"]');
  }

  ticks() {
    return this.root.locator('[data-testid="tick"]');
  }

  async close() {
    await this.page.context().close();
  }
}

/** Polls `condition` (a function, may be async) until it returns a truthy
 *  value, which is returned; fails after `timeout` ms with `what`. */
export async function until(condition, what = "condition", timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens a widget on the benchmark's generated data (`n` events from
 *  `seed`) at 1280 × 800 and waits until it is drawn; returns the page,
 *  its context (close it when done) and a TimelinePage on the widget. */
export async function openGenerated(env, n, seed) {
  const { generate } = await import("../bench/generate.mjs");
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const body = JSON.stringify(generate(n, seed));
  await page.route((url) => url.pathname === "/big.json",
    (route) => route.fulfill({ contentType: "application/json", body }));
  const tl = new TimelinePage(page);
  await page.goto(`${env.server.url}/fixtures/mount.html?data=/big.json`);
  await tl.waitReady(60000);
  return { context, page, tl };
}
