// Embedding: embed.html under a strict Content-Security-Policy, two
// independent instances in shadow roots, host events, isolation from host
// CSS, destroy(), and a visible fallback where WebAssembly cannot run.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveDist } from "../lib.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
let browser, strict, noWasm;

const hostile = (req, res) => {
  res.writeHead(200, { "content-type": "text/css" });
  // Everything inside the article's figures, the widget hosts included.
  res.end(".embed * { display: none !important; color: red !important; }");
};
const blank = (req, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end("<!doctype html><title>blank</title><p>blank</p>");
};

before(async () => {
  const routes = { "/hostile.css": hostile, "/blank.html": blank };
  strict = await serveDist({ headers: () => ({ "content-security-policy": STRICT }), routes });
  noWasm = await serveDist({ headers: () => ({ "content-security-policy": NO_WASM }), routes });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await noWasm?.close();
});

async function openEmbed(server, { width = 1100, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    // The tests' own helper: polls f every animation frame until it is truthy.
    window.__until = (f, ms = 10000) => new Promise((ok, no) => {
      const t0 = performance.now();
      const check = () => {
        const v = f();
        if (v) ok(v);
        else if (performance.now() - t0 > ms) no(new Error(`timed out: ${f}`));
        else requestAnimationFrame(check);
      };
      check();
    });
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/embed.html`);
  return { page, errors, context };
}

const hosts = '#rsm-timeline, #dzns-timeline';
async function waitBothReady(page) {
  await page.waitForFunction((sel) => {
    const hs = [...document.querySelectorAll(sel)];
    return hs.length === 2 && hs.every((h) => h.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]'));
  }, hosts, { timeout: 20000 });
}
const inShadow = (page, host, sel) => page.locator(`${host} >> css=${sel}`);

test("under a strict CSP both instances get ready with zero violations", async () => {
  const { page, errors, context } = await openEmbed(strict);
  await waitBothReady(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  const lanes = async (host) => inShadow(page, host, '[data-testid="lane"]').evaluateAll((ls) => ls.map((l) => l.dataset.org));
  assert.deepEqual(await lanes("#rsm-timeline"), ["rsm"]);
  assert.deepEqual(await lanes("#dzns-timeline"), ["dzns"]);
  // Each instance lives in its own shadow root; nothing leaks into the page.
  assert.equal(await page.locator('[data-testid="timeline-root"]').evaluateAll((els) =>
    els.filter((e) => e.getRootNode() === document).length), 0);
  await context.close();
});

test("filtering one instance leaves the other untouched", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  const count = (host) => inShadow(page, host, '[data-testid="event"]').count();
  const dznsBefore = await count("#dzns-timeline");
  const dznsWindow = await inShadow(page, "#dzns-timeline", '[data-testid="timeline-root"]').getAttribute("data-window-start");
  await inShadow(page, "#rsm-timeline", '[data-testid="search"]').fill("foreign agent");
  await page.waitForFunction(() =>
    document.querySelector("#rsm-timeline").shadowRoot.querySelectorAll('[data-testid="event"]').length === 2);
  assert.equal(await count("#dzns-timeline"), dznsBefore);
  assert.equal(await inShadow(page, "#dzns-timeline", '[data-testid="timeline-root"]').getAttribute("data-window-start"), dznsWindow);
  assert.equal(page.url().includes("#"), false, "embeds never write the host's URL");
  await context.close();
});

test("the host page receives select events from both instances", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  await inShadow(page, "#dzns-timeline", '[data-testid="event"][data-event-id="dzns-first-congress"]').click();
  await page.waitForFunction(() => document.getElementById("last-selected").dataset.eventId === "dzns-first-congress");
  assert.match(await page.locator("#last-selected").textContent(), /First congress of the movement \(7 November 2019\)/);
  await inShadow(page, "#rsm-timeline", '[data-testid="event"][data-event-id="rsm-founded"]').click();
  await page.waitForFunction(() => document.getElementById("last-selected").dataset.eventId === "rsm-founded");
  await context.close();
});

test("a hostile host rule does not hide or restyle the widget", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  await page.evaluate(() => new Promise((ok) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "/hostile.css";
    link.onload = ok;
    document.head.append(link);
  }));
  // The rule applies on the page: the captions are gone...
  assert.equal(await page.locator(".embed figcaption").first().isVisible(), false);
  // ...but both widgets are still there, with their own colours.
  for (const host of ["#rsm-timeline", "#dzns-timeline"]) {
    const root = inShadow(page, host, '[data-testid="timeline-root"]');
    assert.ok(await root.isVisible(), `${host} is visible`);
    const box = await root.boundingBox();
    assert.ok(box.height > 200, `${host} has its height: ${box.height}`);
    const color = await inShadow(page, host, ".mt-title").evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(color, "rgb(255, 0, 0)");
  }
  await context.close();
});

test("the wheel scrolls the page unless Ctrl is held; with Ctrl it zooms", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  const root = inShadow(page, "#rsm-timeline", '[data-testid="timeline-root"]');
  const before = await root.getAttribute("data-window-start");
  const plot = await inShadow(page, "#rsm-timeline", ".mt-plot").boundingBox();
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 40);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => window.scrollY > 0);
  assert.equal(await root.getAttribute("data-window-start"), before, "no zoom without Ctrl");
  await page.evaluate(() => window.scrollTo(0, 0));
  const p2 = await inShadow(page, "#rsm-timeline", ".mt-plot").boundingBox();
  await page.mouse.move(p2.x + p2.width / 2, p2.y + 40);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await page.waitForFunction((b) =>
    document.querySelector("#rsm-timeline").shadowRoot.querySelector('[data-testid="timeline-root"]').dataset.windowStart !== b, before);
  await context.close();
});

test("mount() and destroy(): the instance and its listeners go away", async () => {
  const { page, errors, context } = await openEmbed(strict);
  await waitBothReady(page);
  const out = await page.evaluate(async () => {
    const until = window.__until;
    const { mount } = await import("/movement-timeline.js");
    const el = document.createElement("div");
    document.querySelector(".article").append(el);
    const events = [];
    const tl = await mount(el, { dataUrl: "data/movements.json", theme: "dark", wheelZoom: "always" });
    tl.on("rangechange", (r) => events.push(r));
    const root = await until(() => el.shadowRoot.querySelector('[data-state="ready"]'));
    const dark = root.classList.contains("mt-theme-dark");
    const bg = getComputedStyle(root).backgroundColor;
    tl.setWindow("2020-01", "2020-12");
    await until(() => events.some((r) => r.start >= "2019-12-01" && r.start <= "2020-01-15"));
    const seen = events.length;
    const last = events.at(-1);
    const plot = el.shadowRoot.querySelector(".mt-plot");
    tl.destroy();
    const childrenAfter = el.shadowRoot.childNodes.length;
    // A wheel on the detached plot must do nothing and report nothing.
    plot.dispatchEvent(new WheelEvent("wheel", { deltaY: -300, bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event("resize"));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    tl.setFilter({ orgs: ["rsm"] });
    tl.destroy();
    return { seen, last, childrenAfter, after: events.length, destroyed: tl.destroyed, dark, bg };
  });
  assert.equal(out.dark, true, "theme: \"dark\" forces the dark theme");
  assert.equal(out.bg, "rgb(22, 27, 34)", "with the dark background");
  assert.ok(out.seen >= 1, "rangechange fired");
  assert.ok(out.last.start >= "2019-12-01" && out.last.start <= "2020-01-15", JSON.stringify(out.last));
  assert.ok(out.last.end >= "2020-12-15" && out.last.end <= "2021-01-31", JSON.stringify(out.last));
  assert.equal(out.childrenAfter, 0, "the shadow root is empty");
  assert.equal(out.after, out.seen, "no events after destroy");
  assert.equal(out.destroyed, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("setData, setDataUrl, setTheme, off, and the ready and error events", async () => {
  const { page, errors, context } = await openEmbed(strict);
  await waitBothReady(page);
  const out = await page.evaluate(async () => {
    const until = window.__until;
    const { mount } = await import("/movement-timeline.js");
    const el = document.createElement("div");
    document.querySelector(".article").append(el);
    const got = [];
    const tl = await mount(el, { dataUrl: "data/movements.json" });
    const ready = (d) => got.push(["ready", d]);
    const error = (d) => got.push(["error", d]);
    tl.on("ready", ready).on("error", error);
    await until(() => got.some(([n]) => n === "ready"));
    const root = () => el.shadowRoot.querySelector('[data-testid="timeline-root"]');
    const lanes = () => [...el.shadowRoot.querySelectorAll('[data-testid="lane"]')].map((l) => l.dataset.org);
    const r = {};
    r.firstReady = got[0];

    // setData with text: a dataset of one organisation and one event.
    const text = await (await fetch("data/movements.json")).text();
    const one = JSON.parse(text);
    one.organisations = one.organisations.filter((o) => o.id === "rsm");
    one.events = one.events.filter((e) => e.id === "rsm-founded");
    one.membership = [];
    tl.setData(JSON.stringify(one));
    await until(() => got.some(([n, d]) => n === "ready" && d.events === 1));
    r.afterSetData = { lanes: lanes(), marks: el.shadowRoot.querySelectorAll('[data-testid="event"]').length };

    // setData with bad text: the error event says what and where.
    tl.setData('{"organisations" []}');
    await until(() => got.some(([n]) => n === "error"));
    r.error = got.find(([n]) => n === "error")[1];
    r.errorState = root().dataset.state;

    // setDataUrl brings the full data back.
    tl.setDataUrl("data/movements.json");
    await until(() => root().dataset.state === "ready" && lanes().length === 2);
    r.afterSetDataUrl = lanes();

    // setTheme.
    tl.setTheme("dark");
    await until(() => root().classList.contains("mt-theme-dark"));
    tl.setTheme("light");
    await until(() => root().classList.contains("mt-theme-light"));

    // off: a removed listener hears nothing more.
    const readyCount = got.filter(([n]) => n === "ready").length;
    tl.off("ready", ready);
    tl.setDataUrl("data/movements.json");
    await until(() => root().dataset.state === "ready");
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    r.readyAfterOff = got.filter(([n]) => n === "ready").length - readyCount;
    tl.destroy();
    return r;
  });
  assert.deepEqual(out.firstReady, ["ready", { events: 30 }]);
  assert.deepEqual(out.afterSetData, { lanes: ["rsm"], marks: 1 });
  assert.match(out.error.message, /expected|unexpected|syntax/i);
  assert.match(out.error.location, /line 1, column \d+/);
  assert.equal(out.errorState, "error");
  assert.deepEqual(out.afterSetDataUrl, ["dzns", "rsm"]);
  assert.equal(out.readyAfterOff, 0, "off() removed the listener");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the custom element's attributes react to changes", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  const lanes = () => inShadow(page, "#rsm-timeline", '[data-testid="lane"]').evaluateAll((ls) => ls.map((l) => l.dataset.org));
  assert.deepEqual(await lanes(), ["rsm"]);
  await page.evaluate(() => document.getElementById("rsm-timeline").setAttribute("orgs", "dzns,rsm"));
  await page.waitForFunction(() => document.getElementById("rsm-timeline").shadowRoot.querySelectorAll('[data-testid="lane"]').length === 2);
  await page.evaluate(() => {
    const el = document.getElementById("rsm-timeline");
    el.setAttribute("from", "2020-01");
    el.setAttribute("to", "2020-12");
    el.setAttribute("theme", "dark");
  });
  await page.waitForFunction(() => {
    const root = document.getElementById("rsm-timeline").shadowRoot.querySelector('[data-testid="timeline-root"]');
    return root.dataset.windowStart >= "2019-12-01" && root.dataset.windowStart <= "2020-01-15" && root.classList.contains("mt-theme-dark");
  });
  await context.close();
});

test("removing the custom element destroys its widget", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  const left = await page.evaluate(() => {
    const el = document.getElementById("rsm-timeline");
    el.remove();
    return el.shadowRoot.childNodes.length;
  });
  assert.equal(left, 0);
  await context.close();
});

test("the module adds nothing to window", async () => {
  const { page, context } = await openEmbed(strict);
  await waitBothReady(page);
  const names = await page.evaluate(() => Object.getOwnPropertyNames(window));
  const blankPage = await context.newPage();
  await blankPage.goto(`${strict.url}/blank.html`);
  const baseline = new Set(await blankPage.evaluate(() => Object.getOwnPropertyNames(window)));
  const added = names.filter((n) => !baseline.has(n) && !n.startsWith("__"));
  assert.deepEqual(added, []);
  await context.close();
});

test("without 'wasm-unsafe-eval' each instance shows a short message and a link", async () => {
  const { page, context } = await openEmbed(noWasm);
  await page.waitForFunction((sel) =>
    [...document.querySelectorAll(sel)].every((h) => h.shadowRoot?.querySelector('[data-testid="fallback"]')), hosts);
  for (const host of ["#rsm-timeline", "#dzns-timeline"]) {
    const box = inShadow(page, host, '[data-testid="fallback"]');
    assert.match(await box.textContent(), /cannot start here \(WebAssembly is blocked on this page\)/);
    assert.match(await box.locator("a").getAttribute("href"), /data\/movements\.json$/);
    assert.ok(await box.isVisible());
  }
  await context.close();
});
