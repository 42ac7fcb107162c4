// The page author's contract: every documented embed option works, and
// every mistake is told once in the console, naming the option and value.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, launchBrowser, serveDist, until } from "../lib.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let browser, strict, sri;

// A page of the test's own, written per test: `body` goes in <body>,
// `script` is served as /case.js and loaded as a module after the loader.
let current = { body: "", script: "", head: "" };
const page = (req, res) => {
  res.writeHead(200, { "content-type": "text/html" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>case</title>
<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/case.css">${current.head}
<script type="module" src="/movement-timeline.js"${current.integrity ? ` integrity="${current.integrity}"` : ""}></script>
${current.script ? '<script type="module" src="/case.js"></script>' : ""}</head>
<body><article class="article">${current.body}</article></body></html>`);
};
const routes = {
  "/case.html": page,
  "/case.js": (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(current.script),
  "/case.css": (req, res) => res.writeHead(200, { "content-type": "text/css" }).end(current.css ?? ""),
};

before(async () => {
  strict = await serveDist({ headers: () => ({ "content-security-policy": STRICT }), routes });
  sri = await serveDist({
    headers: () => ({ "content-security-policy": STRICT, "integrity-policy": "blocked-destinations=(script)" }),
    routes,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await sri?.close();
});

async function open(c, server = strict) {
  current = c;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const p = await context.newPage();
  const warnings = [], errors = [];
  p.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
    if (m.type() === "error") errors.push(m.text());
  });
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.goto(`${server.url}/case.html`);
  return { p, warnings, errors, context };
}
const ready = (p, sel = "movement-timeline, #w") =>
  p.waitForFunction((s) => [...document.querySelectorAll(s)].every((h) =>
    h.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]')), sel, { timeout: 20000 });
const inShadow = (p, sel) => p.locator(`movement-timeline >> css=${sel}`);

test("theming: --mt-* set by a class on the host element wins, in both themes", async () => {
  const { p, context } = await open({
    css: ".warm { --mt-bg: light-dark(rgb(255, 248, 231), rgb(40, 30, 20)); --mt-accent: rgb(200, 80, 0); }",
    body: '<movement-timeline class="warm" src="data/movements.json"></movement-timeline>',
  });
  await ready(p);
  const root = inShadow(p, '[data-testid="timeline-root"]');
  assert.equal(await root.evaluate((r) => getComputedStyle(r).backgroundColor), "rgb(255, 248, 231)");
  await p.evaluate(() => document.querySelector("movement-timeline").setAttribute("theme", "dark"));
  await p.waitForFunction(() => document.querySelector("movement-timeline").shadowRoot
    .querySelector('[data-testid="timeline-root"]').classList.contains("mt-theme-dark"));
  assert.equal(await root.evaluate((r) => getComputedStyle(r).backgroundColor), "rgb(40, 30, 20)", "the dark half of the pair");
  // An !important rule on an ancestor also reaches in.
  await p.evaluate(() => { document.querySelector(".article").style.setProperty("--mt-bg", "rgb(1, 2, 3)", "important"); });
  await p.evaluate(() => document.querySelector("movement-timeline").classList.remove("warm"));
  assert.equal(await root.evaluate((r) => getComputedStyle(r).backgroundColor), "rgb(1, 2, 3)");
  await context.close();
});

test("height: a plain number is pixels; any CSS length works; anything else warns", async () => {
  const { p, warnings, context } = await open({
    body: '<movement-timeline id="a" src="data/movements.json" height="640"></movement-timeline>'
      + '<movement-timeline id="b" src="data/movements.json" height="calc(50dvh - 2rem)"></movement-timeline>'
      + '<movement-timeline id="c" src="data/movements.json" height="tall"></movement-timeline>',
  });
  await ready(p);
  const box = (id) => p.evaluate((i) => document.getElementById(i).getBoundingClientRect().height, id);
  assert.equal(Math.round(await box("a")), 640);
  assert.equal(Math.round(await box("b")), Math.round(900 / 2 - 32));
  assert.ok((await box("c")) > 640, "ignored: the widget's own height");
  assert.ok(warnings.some((w) => w.includes('height "tall" is not a CSS length')), warnings.join("\n"));
  await context.close();
});

test("attributes set right after inserting the element are applied", async () => {
  const { p, context } = await open({
    script: `const el = document.createElement("movement-timeline");
el.setAttribute("src", "data/movements.json");
document.querySelector(".article").append(el);
el.setAttribute("orgs", "rsm");
el.setAttribute("theme", "dark");
window.__readyHandle = el.ready.then((h) => Boolean(h));`,
  });
  await ready(p);
  assert.equal(await p.evaluate(() => window.__readyHandle), true, "element.ready resolves with the handle");
  await p.waitForFunction(() => document.querySelector("movement-timeline").shadowRoot.querySelectorAll('[data-testid="lane"]').length === 1);
  const lanes = await inShadow(p, '[data-testid="lane"]').evaluateAll((ls) => ls.map((l) => l.dataset.org));
  assert.deepEqual(lanes, ["rsm"]);
  assert.ok(await inShadow(p, '[data-testid="timeline-root"]').evaluate((r) => r.classList.contains("mt-theme-dark")));
  await context.close();
});

test("a second mount() on the same element replaces the first; the first handle is inert", async () => {
  const { p, errors, context } = await open({
    body: '<div id="w"></div>',
    script: `import { mount } from "/movement-timeline.js";
const el = document.getElementById("w");
const first = await mount(el, { dataUrl: "data/movements.json", orgs: ["dzns"] });
const second = await mount(el, { dataUrl: "data/movements.json", orgs: ["rsm"] });
first.destroy();
first.setFilter({ orgs: ["dzns"] });
window.__result = { firstDestroyed: first.destroyed, secondDestroyed: second.destroyed };`,
  });
  await ready(p, "#w");
  await p.waitForFunction(() => window.__result);
  assert.deepEqual(await p.evaluate(() => window.__result), { firstDestroyed: true, secondDestroyed: false });
  const lanes = await p.locator("#w >> css=[data-testid=lane]").evaluateAll((ls) => ls.map((l) => l.dataset.org));
  assert.deepEqual(lanes, ["rsm"], "the second widget is there and working");
  await p.locator("#w >> css=[data-testid=zoom-in]").click();
  assert.deepEqual(errors, []);
  await context.close();
});

test("mistakes are told once, by name: unknown organisation, kind, option, reversed window, theme", async () => {
  const { p, warnings, errors, context } = await open({
    body: '<div id="w"></div>',
    script: `import { mount } from "/movement-timeline.js";
const tl = await mount(document.getElementById("w"), {
  dataUrl: "data/movements.json", orgs: ["xyz", "rsm"], kinds: ["congress", "party"],
  window: { start: "2024-05", end: "2011" }, theme: "sepia", colour: "red",
});
window.__tl = tl;`,
  });
  await ready(p, "#w");
  await p.waitForFunction(() => window.__tl);
  const has = (text) => warnings.filter((w) => w.includes(text)).length;
  assert.equal(has('unknown organisation "xyz" ignored (the organisations are: dzns, rsm)'), 1, warnings.join("\n"));
  assert.equal(has('unknown kinds "party" ignored'), 1, warnings.join("\n"));
  assert.equal(has('unknown option "colour" ignored'), 1, warnings.join("\n"));
  assert.equal(has("the window 2024-05 to 2011 ends before it starts; it was ignored"), 1, warnings.join("\n"));
  assert.equal(has('theme "sepia" is not auto, light or dark'), 1, warnings.join("\n"));
  assert.ok(warnings.every((w) => !w.includes("movement-timeline: movement-timeline:")), "the prefix is said once");
  // The reversed window was left alone (not swapped into 2011 to 2024-05):
  // the widget fits what is shown, the RSM's one congress.
  const w = await p.locator("#w >> css=[data-testid=timeline-root]").evaluate((r) => [r.dataset.windowStart, r.dataset.windowEnd]);
  assert.ok(w[0] <= "2011-03-06" && w[1] >= "2011-03-06" && w[1] < "2012-01-01", JSON.stringify(w));
  // A wrongly typed option is an error naming it.
  const err = await p.evaluate(async () => {
    const { mount } = await import("/movement-timeline.js");
    const el = document.createElement("div");
    document.body.append(el);
    return mount(el, { dataUrl: "data/movements.json", urlState: "yes" }).then(() => "no error", (e) => String(e));
  });
  assert.match(err, /TypeError: movement-timeline: mount options: urlState: invalid type: string "yes", expected a boolean/, err);
  // A handle's method given the wrong type reports it on the console and
  // keeps the widget as it was (the handle stays chainable).
  await p.evaluate(() => window.__tl.setFilter({ orgs: 5 }));
  const filterErr = await until(() => errors.find((e) => e.includes("setFilter")), "the setFilter error");
  assert.match(filterErr, /TypeError: movement-timeline: setFilter: orgs: invalid type: integer `5`, expected a list of ids/, filterErr);
  await context.close();
});

test("an article's uppercase, spaced, justified text does not restyle the widget", async () => {
  const { p, context } = await open({
    css: ".article { text-transform: uppercase; letter-spacing: 4px; text-align: justify; cursor: wait; font-style: italic; }",
    body: '<movement-timeline src="data/movements.json"></movement-timeline>',
  });
  await ready(p);
  const style = await inShadow(p, ".mt-title").evaluate((t) => {
    const s = getComputedStyle(t);
    return [s.textTransform, s.letterSpacing, s.textAlign, s.cursor, s.fontStyle];
  });
  assert.deepEqual(style, ["none", "normal", "start", "auto", "normal"]);
  await context.close();
});

test("a page that requires integrity for scripts runs the widget", async () => {
  const integrity = JSON.parse(readFileSync(`${DIST}/integrity.json`, "utf8"))["movement-timeline.js"];
  const { p, errors, context } = await open({
    integrity,
    body: '<movement-timeline src="data/movements.json"></movement-timeline>',
  }, sri);
  await ready(p);
  assert.deepEqual(errors, []);
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  await context.close();
});

test("a missing stylesheet is named in the console", async () => {
  const { p, warnings, context } = await open({
    body: '<div id="w"></div>',
    script: `import { mount } from "/movement-timeline.js";
await mount(document.getElementById("w"), { dataUrl: "data/movements.json", stylesheet: "/nowhere/timeline.css" });`,
  });
  await ready(p, "#w");
  assert.ok(warnings.some((w) => w.includes("/nowhere/timeline.css could not be loaded")), warnings.join("\n"));
  await context.close();
});
