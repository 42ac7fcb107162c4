// Shared helpers for the end-to-end tests: Debian's Chromium through
// playwright-core (never a downloaded browser), the built output served on
// loopback, and a page object that speaks in the widget's test ids.
import { chromium } from "playwright-core";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
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

export async function serveDist(options = {}) {
  return startServer({ root: DIST, ...options });
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
