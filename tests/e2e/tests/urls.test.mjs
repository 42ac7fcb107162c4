// Addresses from a query string or an option never become a script link or
// a fetch of another scheme: the widget and its pages take http(s) only, and
// frame.html loads data only from its own origin unless its host allows more.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { launchBrowser, serveDist, DIST } from "../lib.mjs";

// WebAssembly cannot run under this policy: the fallback, with its link to
// the data, takes each widget's place.
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const HOSTILE = [
  "javascript:document.title='pwned'",
  " JaVaScRiPt:document.title='pwned'",
  "data:application/json,%7B%7D",
  "vbscript:msgbox(1)",
];

/** Every link under `selector` (shadow roots included), as written. */
const links = (page) => page.evaluate(() => {
  const all = [];
  const walk = (root) => root.querySelectorAll("*").forEach((el) => {
    if (el.tagName === "A") all.push(el.getAttribute("href") ?? "");
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  return all;
});

test("without WebAssembly, no src makes the fallback or the frame link to javascript: or data:", async () => {
  const server = await serveDist({ headers: () => ({ "content-security-policy": NO_WASM }) });
  const browser = await launchBrowser();
  try {
    for (const src of HOSTILE) {
      const page = await browser.newPage();
      // Through mount() on a page: the fallback shows, with no link.
      await page.goto(`${server.url}/fixtures/mount.html?data=${encodeURIComponent(src)}`);
      await page.waitForFunction(() => document.getElementById("w0")?.shadowRoot?.querySelector('[data-testid="fallback"]'));
      const found = await links(page);
      assert.ok(found.every((href) => /^https?:/.test(href)), `${src}: ${JSON.stringify(found)}`);
      // Through frame.html: it refuses the address and says so.
      await page.goto(`${server.url}/frame.html?src=${encodeURIComponent(src)}`);
      const note = page.locator('[data-testid="frame-refused"]');
      await note.waitFor();
      assert.match(await note.textContent(), /only http: and https: addresses are loaded/);
      assert.deepEqual(await links(page), [], src);
      assert.notEqual(await page.title(), "pwned");
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test("with WebAssembly, a javascript: or data: dataUrl is an error, never fetched", async () => {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/fixtures/mount.html?data=${encodeURIComponent("data:application/json,%7B%22organisations%22%3A%5B%5D%7D")}`);
    const panel = page.locator('#w0 >> css=[data-testid="error-panel"]');
    await panel.waitFor();
    assert.match(await panel.textContent(), /must start with http: or https:/);
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("frame.html loads data from its own origin only, unless its host lists another", async () => {
  const data = await serveDist({ headers: () => ({ "access-control-allow-origin": "*" }) });
  const requests = [];
  data.server.on("request", (req) => requests.push(req.url));
  // The same files under another origin (localhost, not 127.0.0.1).
  const foreign = data.url.replace("127.0.0.1", "localhost");
  const frameHtml = await readFile(resolve(DIST, "frame.html"), "utf8");
  const allowing = frameHtml.replace(/(name="movement-timeline-data-origins" content=")"/, `$1${foreign}"`);
  assert.notEqual(allowing, frameHtml, "frame.html has the allow-list meta");
  const host = await serveDist({ routes: { "/allowing/frame.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(allowing.replaceAll('="frame', '="/frame').replaceAll('"data/', '"/data/')) } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const src = encodeURIComponent(`${foreign}/data/movements.json`);
    await page.goto(`${host.url}/frame.html?src=${src}`);
    const note = page.locator('[data-testid="frame-refused"]');
    await note.waitFor();
    assert.match(await note.textContent(), new RegExp(`does not load data from ${foreign.replace(/[.:/]/g, "\\$&")}`));
    assert.ok(!requests.some((u) => u.startsWith("/data/")), `no download was made: ${requests}`);
    // Russian, when the frame is asked to speak it.
    await page.goto(`${host.url}/frame.html?lang=ru&src=${src}`);
    assert.match(await note.textContent(), /не загружает данные/);
    // Its own origin loads.
    await page.goto(`${host.url}/frame.html?src=${encodeURIComponent("/data/movements.json")}`);
    await page.locator('[data-testid="timeline-root"][data-state="ready"]').waitFor();
    // A host that lists the other origin loads from it.
    await page.goto(`${host.url}/allowing/frame.html?src=${src}`);
    await page.locator('[data-testid="timeline-root"][data-state="ready"]').waitFor();
    assert.ok(requests.includes("/data/movements.json"), "the listed origin served the data");
    await page.close();
  } finally {
    await browser.close();
    await host.close();
    await data.close();
  }
});
