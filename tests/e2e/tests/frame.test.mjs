// The iframe embed: frame.html renders one widget from its query string
// and tells the parent its height; frame-host.js resizes the iframe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, until } from "../lib.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-src 'self'";
const env = useBrowser({ headers: () => ({ "content-security-policy": STRICT }) });

test("the frame reads its view from the query, resizes its iframe to the content and back when a filter shrinks it", async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content.Security.Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await page.goto(`${env.server.url}/fixtures/frame-host.html`);
  const frame = page.frameLocator("iframe.movement-timeline");
  const root = frame.locator('[data-testid="timeline-root"][data-state="ready"]');
  await root.waitFor();
  // The query's view: dark, Russian.
  assert.equal(await root.getAttribute("lang"), "ru");
  assert.match(await root.getAttribute("class"), /mt-theme-dark/);
  const height = () => page.evaluate(() => Number(document.querySelector("iframe.movement-timeline").height));
  const content = () => frame.locator("html").evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
  const grown = await until(async () => { const h = await height(); return h > 300 && h === (await content()) && h; }, "the iframe takes its content's height");
  // One organisation fewer: the content shrinks, and the iframe with it.
  await frame.locator('[data-testid="org-toggle"][data-org="dzns"]').click();
  await until(async () => { const h = await height(); return h < grown && h === (await content()); }, "the iframe shrinks with its content");
  // Without the host snippet's class, an iframe keeps its size and scrolls inside.
  await page.frameLocator("iframe.other").locator('[data-testid="timeline-root"][data-state="ready"]').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("iframe.other").height), "300");
  assert.deepEqual(violations, []);
  await page.context().close();
});

test("the host ignores messages that are not a height from its own iframe", async () => {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(`${env.server.url}/fixtures/frame-host.html`);
  await page.frameLocator("iframe.movement-timeline").locator('[data-state="ready"]').waitFor();
  await page.evaluate(() => {
    window.__heights = [];
    const frame = document.querySelector("iframe.movement-timeline");
    new MutationObserver(() => window.__heights.push(frame.height)).observe(frame, { attributes: true, attributeFilter: ["height"] });
    // From the page itself (not the iframe), and malformed ones.
    window.postMessage({ type: "movement-timeline:height", height: 5 }, "*");
    window.postMessage({ type: "movement-timeline:height", height: "<b>9</b>" }, "*");
    window.postMessage("movement-timeline:height", "*");
    // Then a real one from the iframe's window: once it is applied, the
    // ones before it have been handled.
  });
  await page.frameLocator("iframe.movement-timeline").locator("body").evaluate(() =>
    window.parent.postMessage({ type: "movement-timeline:height", height: 777 }, "*"));
  await page.waitForFunction(() => window.__heights.includes("777"));
  const seen = await page.evaluate(() => window.__heights);
  assert.ok(!seen.includes("5") && !seen.some((h) => h.includes("<")), JSON.stringify(seen));
  await page.context().close();
});
