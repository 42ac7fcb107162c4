// A trusted widget on someone else's page fails visibly and locally, and
// never runs what the data says.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveDist } from "../lib.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'; trusted-types 'none'`;
let browser, strict, tt, open;
let flaky = 0;

before(async () => {
  const routes = {
    // Answers 404 (an HTML page) until the test flips it, then the real data.
    "/flaky.json": async (req, res) => {
      if (flaky === 0) return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      const { readFile } = await import("node:fs/promises");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(await readFile(new URL("../../../static/data/movements.json", import.meta.url)));
    },
  };
  strict = await serveDist({ headers: () => ({ "content-security-policy": STRICT }), routes });
  tt = await serveDist({ headers: () => ({ "content-security-policy": TRUSTED_TYPES }) });
  open = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of [strict, tt, open]) await s?.close();
});

async function fixture(server, query) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/fixtures/mount.html?${query}`);
  return { page, errors, dialogs, context };
}
const root = (page, i = 0) => page.locator(`#w${i} >> css=[data-testid="timeline-root"]`);
const waitState = (page, i, state) => page.waitForFunction(([i, s]) =>
  document.getElementById(`w${i}`)?.shadowRoot?.querySelector(`[data-testid="timeline-root"][data-state="${s}"]`), [i, state], { timeout: 15000 });

test("hostile strings in the data render as text and create no element", async () => {
  const { page, dialogs, context } = await fixture(strict, "data=/fixtures/xss.json");
  await waitState(page, 0, "ready");
  await page.evaluate(() => window.__handles[0].setWindow("2011-10", "2012-08"));
  await page.locator('#w0 >> css=[data-event-id="xss-img"]').waitFor();
  const found = await page.evaluate(() => {
    const sr = document.getElementById("w0").shadowRoot;
    return {
      imgs: sr.querySelectorAll("img, script, style, iframe, object").length,
      handlers: [...sr.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
      labels: [...sr.querySelectorAll(".mt-label")].map((l) => l.textContent),
      title: sr.querySelector(".mt-title").textContent,
    };
  });
  assert.equal(found.imgs, 0, "no element from the data");
  assert.equal(found.handlers, 0, "no on* attribute anywhere");
  assert.ok(found.labels.some((l) => l.startsWith("<img src=x onerror")), found.labels.join(" | "));
  assert.ok(found.title.includes("<b onmouseover=alert(1)>"), found.title);
  // Details: the quote is text; the javascript: link is gone, the https one opens safely.
  await page.locator('#w0 >> css=[data-event-id="xss-svg"]').click();
  const details = page.locator('#w0 >> css=[data-testid="event-details"]');
  await details.waitFor();
  assert.match(await details.textContent(), /<\/svg><script>alert\(1\)<\/script>/);
  const link = details.locator("a");
  assert.equal(await link.getAttribute("href"), "https://example.org/ok?q=<b>");
  assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
  await page.locator('#w0 >> css=[data-event-id="xss-img"]').click();
  await page.waitForFunction(() => document.getElementById("w0").shadowRoot.querySelector('[data-testid="event-details"]').dataset.eventId === "xss-img");
  assert.equal(await page.locator('#w0 >> css=[data-testid="event-details"] a').count(), 0, "javascript: link dropped");
  const warnings = page.locator('#w0 >> css=[data-testid="data-warnings"]');
  assert.match(await warnings.textContent(), /3 data warnings/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test("a 404 data URL says so with the status and a retry that works", async () => {
  flaky = 0;
  const { page, context } = await fixture(strict, "data=/flaky.json");
  await waitState(page, 0, "error");
  const panel = page.locator('#w0 >> css=[data-testid="error-panel"]');
  assert.match(await panel.textContent(), /Could not load data \(HTTP 404 Not Found\)/);
  assert.match(await panel.textContent(), /\/flaky\.json/);
  flaky = 1;
  await panel.locator("button", { hasText: "Retry" }).click();
  await waitState(page, 0, "ready");
  await context.close();
});

test("a network failure says so instead of loading forever", async () => {
  const { page, context } = await fixture(open, "data=http://127.0.0.1:9/unreachable.json");
  await waitState(page, 0, "error");
  assert.match(await root(page).textContent(), /Could not load data \(network error: Failed to fetch\)/);
  await context.close();
});

test("bad data in the browser shows what and where", async () => {
  const { page, context } = await fixture(strict, "data=/fixtures/bad/impossible-date.json");
  await waitState(page, 0, "error");
  const text = await page.locator('#w0 >> css=[data-testid="error-panel"]').textContent();
  assert.match(text, /February 2020 has no day 30/);
  assert.match(text, /events\[1\]\.date, id "dzns-first-congress", line 33, column 13/);
  await context.close();
});

test("a panic stops only its own widget; the other keeps working", async () => {
  const { page, errors, context } = await fixture(strict, "n=2");
  await waitState(page, 0, "ready");
  await waitState(page, 1, "ready");
  await page.evaluate(() => window.__handles[0].simulateCrash());
  await waitState(page, 0, "error");
  assert.match(await page.locator('#w0 >> css=[data-testid="error-panel"]').textContent(), /stopped because of an internal error/);
  assert.ok(errors.some((e) => e.includes("simulated crash")), "the panic is reported to the console");
  assert.equal(await page.evaluate(() => window.__handles[0].crashed), true);
  // The other widget still zooms, selects and filters.
  const before = await root(page, 1).getAttribute("data-window-start");
  await page.locator('#w1 >> css=[data-testid="zoom-in"]').click();
  await page.waitForFunction((b) => document.getElementById("w1").shadowRoot
    .querySelector('[data-testid="timeline-root"]').dataset.windowStart !== b, before);
  await page.evaluate(() => window.__handles[1].setFilter({ orgs: ["rsm"] }));
  await page.waitForFunction(() => document.getElementById("w1").shadowRoot.querySelectorAll('[data-testid="lane"]').length === 1);
  // Calls on the crashed handle are ignored, not thrown.
  await page.evaluate(() => { window.__handles[0].setWindow("2020", "2021"); window.__handles[0].destroy(); });
  await context.close();
});

test("a widget mounted in a hidden (zero-width) container lays out once shown", async () => {
  const { page, errors, context } = await fixture(strict, "hidden=1");
  await waitState(page, 0, "ready");
  const hiddenHtml = await page.evaluate(() => document.getElementById("w0").shadowRoot.querySelector("section").outerHTML);
  assert.ok(!hiddenHtml.includes("NaN") && !hiddenHtml.includes("Infinity"), "no NaN while hidden");
  await page.evaluate(() => document.getElementById("w0").classList.remove("hidden"));
  await page.waitForFunction(() => document.getElementById("w0").shadowRoot.querySelectorAll('[data-testid="tick"]').length > 3);
  const html = await page.evaluate(() => document.getElementById("w0").shadowRoot.querySelector("section").outerHTML);
  assert.ok(!html.includes("NaN") && !html.includes("Infinity"));
  assert.ok((await page.locator('#w0 >> css=[data-testid="event"]').count()) > 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("zooming to the limits in both directions stays finite", async () => {
  const { page, context } = await fixture(strict, "");
  await waitState(page, 0, "ready");
  const zoomIn = page.locator('#w0 >> css=[data-testid="zoom-in"]');
  for (let i = 0; i < 25; i++) await zoomIn.click();
  const w = await root(page).evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]);
  const days = (Date.parse(w[1]) - Date.parse(w[0])) / 86400000;
  assert.ok(days >= 5 && days <= 20, `about a day per 100 px at 900 px: ${days} days`);
  for (let i = 0; i < 30; i++) await page.locator('#w0 >> css=[data-testid="zoom-out"]').click();
  const html = await page.evaluate(() => document.getElementById("w0").shadowRoot.querySelector("section").outerHTML);
  assert.ok(!html.includes("NaN"));
  await context.close();
});

test("under Trusted Types with trusted-types 'none' the widget runs with zero violations", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${tt.url}/embed.html`);
  await page.waitForFunction(() => [...document.querySelectorAll("#rsm-timeline, #dzns-timeline")]
    .every((h) => h.shadowRoot?.querySelector('[data-state="ready"]')), null, { timeout: 15000 });
  await page.locator('#dzns-timeline >> css=[data-event-id="dzns-first-congress"]').click();
  await page.locator('#dzns-timeline >> css=[data-testid="event-details"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});
