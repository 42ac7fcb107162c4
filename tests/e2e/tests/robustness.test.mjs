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
  assert.match(await warnings.textContent(), /4 data warnings/);
  assert.match(await warnings.textContent(), /6 events have no label; the title is shown on the mark/);
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

test("bad data in the browser shows what and where, and fires the error event", async () => {
  const { page, context } = await fixture(strict, "data=/fixtures/bad/impossible-date.json");
  await waitState(page, 0, "error");
  const text = await page.locator('#w0 >> css=[data-testid="error-panel"]').textContent();
  assert.match(text, /February 2020 has no day 30/);
  // The path and the event: the browser's parser keeps no lines (the
  // check command and the native reader give them too).
  assert.match(text, /events\[1\]\.date, id "dzns-first-congress"/);
  await page.waitForFunction(() => (window.__events ?? []).some((e) => e.name === "error"));
  const events = await page.evaluate(() => window.__events.filter((e) => e.name === "error" || e.name === "ready"));
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0].name, "error");
  assert.match(events[0].d.message, /February 2020 has no day 30/);
  assert.equal(events[0].d.location, 'events[1].date, id "dzns-first-congress"');
  await context.close();
});

test("in Russian, bad data is explained in Russian: what, where, and the error event", async () => {
  for (const [file, what] of [
    ["impossible-date.json", /недопустимая дата «2020-02-30»: 30 февраля 2020 года не существует/],
    ["missing-field.json", /нет обязательного поля `date`/],
    ["wrong-type.json", /неверный тип значения: строка «many», ожидается число/],
  ]) {
    const { page, context } = await fixture(strict, `data=/fixtures/bad/${file}&lang=ru`);
    await waitState(page, 0, "error");
    const panel = page.locator('#w0 >> css=[data-testid="error-panel"]');
    const text = await panel.textContent();
    assert.match(text, what, `${file}: ${text}`);
    assert.doesNotMatch(text, /\b(line|column|invalid|missing|expected)\b/, `${file}: no English frame: ${text}`);
    await page.waitForFunction(() => (window.__events ?? []).some((e) => e.name === "error"));
    const [event] = await page.evaluate(() => window.__events.filter((e) => e.name === "error"));
    assert.match(event.d.message, what, "the error event speaks the widget's language");
    await context.close();
  }
});

test("good data fires ready once, with the number of events", async () => {
  const { page, context } = await fixture(strict, "");
  await waitState(page, 0, "ready");
  await page.waitForFunction(() => (window.__events ?? []).some((e) => e.name === "ready"));
  const ready = await page.evaluate(() => window.__events.filter((e) => e.name === "ready" || e.name === "error"));
  assert.deepEqual(ready.map((e) => [e.name, e.d]), [["ready", { events: 30 }]]);
  await context.close();
});

test("a data URL on another origin without CORS is refused with a message", async () => {
  const other = await serveDist();
  try {
    const { page, context } = await fixture(open, `data=${other.url}/data/movements.json`);
    await waitState(page, 0, "error");
    const text = await root(page).textContent();
    assert.match(text, /Could not load data \(network error: [^)]+\)/);
    assert.ok(text.includes(`${other.url}/data/movements.json`), text);
    await context.close();
  } finally {
    await other.close();
  }
});

test("a download that never answers is given up after 30 seconds", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A fake clock: the page's timers run only as the test advances it.
  await page.clock.install();
  await page.route((url) => url.pathname === "/never.json", () => {}); // never fulfilled
  await page.goto(`${open.url}/fixtures/mount.html?data=/never.json`);
  const state = () => page.evaluate(() =>
    document.getElementById("w0")?.shadowRoot?.querySelector('[data-testid="timeline-root"]')?.dataset.state);
  for (let i = 0; i < 100 && (await state()) !== "loading"; i++) await page.clock.runFor(50);
  assert.equal(await state(), "loading", "the download has started");
  await page.clock.runFor(29_000);
  assert.equal(await state(), "loading", "still waiting at 29 s");
  await page.clock.runFor(2_000);
  for (let i = 0; i < 100 && (await state()) !== "error"; i++) await page.clock.runFor(50);
  assert.equal(await state(), "error", "given up after 30 s");
  assert.match(await root(page).textContent(), /Could not load data \(no answer within 30 seconds\)/);
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

test("zooming to the limits in both directions stays finite and stops at the limits", async () => {
  const { page, context } = await fixture(strict, "");
  await waitState(page, 0, "ready");
  const fit = await root(page).evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]);
  const zoomIn = page.locator('#w0 >> css=[data-testid="zoom-in"]');
  for (let i = 0; i < 25; i++) await zoomIn.click();
  const w = await root(page).evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]);
  const days = (Date.parse(w[1]) - Date.parse(w[0])) / 86400000;
  assert.ok(days >= 5 && days <= 20, `about a day per 100 px at 900 px: ${days} days`);
  const deepest = await root(page).evaluate((r) => r.outerHTML);
  assert.ok(!/NaN|Infinity/.test(deepest), "finite at the deepest zoom");
  for (let i = 0; i < 30; i++) await page.locator('#w0 >> css=[data-testid="zoom-out"]').click();
  // Zooming out goes past the first view (the organisations' years) to the
  // whole history, and no further.
  await page.waitForFunction((f) => {
    const r = document.getElementById("w0").shadowRoot.querySelector('[data-testid="timeline-root"]');
    return r.dataset.windowStart < "1990-01-01" && r.dataset.windowStart < f[0] && r.dataset.windowEnd >= f[1];
  }, fit);
  const whole = await root(page).evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]);
  await page.locator('#w0 >> css=[data-testid="zoom-out"]').click();
  assert.deepEqual(await root(page).evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]), whole, "no further");
  const widest = await root(page).evaluate((r) => r.outerHTML);
  assert.ok(!/NaN|Infinity/.test(widest), "finite at the widest zoom");
  await context.close();
});

test("under Trusted Types with trusted-types 'none' every view runs with zero violations", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${tt.url}/embed.html`);
  await page.waitForFunction(() => [...document.querySelectorAll("#rsm-timeline, #dzns-timeline")]
    .every((h) => h.shadowRoot?.querySelector('[data-state="ready"]')), null, { timeout: 15000 });
  const w = (sel) => page.locator(`#dzns-timeline >> css=${sel}`);
  await w('[data-event-id="dzns-first-congress"]').click();
  await w('[data-testid="event-details"]').waitFor();
  await w('[data-testid="list-toggle"]').click();
  await w('[data-testid="event-list"]').waitFor();
  await w('[data-testid="chart-growth"]').click();
  await w('[data-testid="uneven-note"]').waitFor();
  await w('[data-testid="chart-table-toggle"]').click();
  await w('[data-testid="membership-table"]').waitFor();
  await w('[data-testid="search"]').fill("no such thing");
  await w(".mt-empty").waitFor();
  // The error view, from bad data through the element's API.
  await page.evaluate(() => document.getElementById("rsm-timeline").handle.setData("{ not json"));
  await page.locator('#rsm-timeline >> css=[data-testid="error-panel"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test("the no-WebAssembly fallback also runs under Trusted Types", async () => {
  const server = await serveDist({ headers: () => ({
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
  }) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
  });
  await page.goto(`${server.url}/embed.html`);
  await page.waitForFunction(() => [...document.querySelectorAll("#rsm-timeline, #dzns-timeline")]
    .every((h) => h.shadowRoot?.querySelector('[data-testid="fallback"]')));
  const tt = await page.evaluate(() => window.__violations.filter((v) => v.includes("trusted-types")));
  assert.deepEqual(tt, [], "the fallback builds its DOM without HTML parsing");
  await context.close();
  await server.close();
});

test("a wasm file served with the wrong MIME type still loads, with a hint in the console", async () => {
  const server = await serveDist({ headers: (path) => (path.endsWith(".wasm") ? { "content-type": "application/octet-stream" } : {}) });
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${server.url}/fixtures/mount.html`);
  await waitState(page, 0, "ready");
  assert.ok(warnings.some((w) => /application\/wasm/.test(w)), `a hint about the MIME type: ${warnings}`);
  await context.close();
  await server.close();
});

test("a wasm file that fails to download shows the fallback with the reason", async () => {
  const server = await serveDist({ routes: { "/movement-timeline.wasm": (req, res) => res.writeHead(404).end() } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/mount.html`);
  await page.waitForFunction(() => document.getElementById("w0")?.shadowRoot?.querySelector('[data-testid="fallback"]'));
  const text = await page.locator('#w0 >> css=[data-testid="fallback"]').textContent();
  assert.match(text, /cannot start here \(the WebAssembly module could not be downloaded: HTTP 404\)/);
  await context.close();
  await server.close();
});
