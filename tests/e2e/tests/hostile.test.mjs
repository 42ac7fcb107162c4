// Text that cannot break out, and API mistakes that are named: control
// characters and noncharacters are a located data error; bidirectional
// controls stay inside their own text; a wrong `height` or options object
// is a TypeError; the iframe host takes a height only as a number.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveDist } from "../lib.mjs";

let browser, server;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A one-event dataset whose title is `title`. */
const dataset = (title) => JSON.stringify({
  organisations: [{ id: "x", name: "Org.", abbreviation: "X", color: "#112233" }],
  events: [{ id: "e", org: "x", date: "2020-05-08", kind: "publication", title, label: title,
    source: { article: "A", section: "S", quote: "Q" } }],
});

async function fixture() {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${server.url}/fixtures/mount.html`);
  await page.waitForFunction(() => window.__handles?.length === 1);
  return page;
}
const inWidget = (page, sel) => page.locator(`#w0 >> css=${sel}`);

test("a control character or a noncharacter in the data is an error naming the field", async () => {
  const page = await fixture();
  for (const [bad, code] of [["bell\u0007", "U+0007"], ["x\ufffe", "U+FFFE"]]) {
    await page.evaluate((text) => window.__handles[0].setData(text), dataset(bad));
    const panel = inWidget(page, '[data-testid="error-panel"]');
    await panel.waitFor();
    const text = await panel.textContent();
    assert.match(text, new RegExp(code.replace("+", "\\+")), text);
    assert.match(text, /events\[0\]\.title, id "e"/, text);
  }
  await page.close();
});

test("bidirectional controls in one field cannot reorder the widget's own words", async () => {
  const page = await fixture();
  await page.evaluate((text) => window.__handles[0].setData(text), dataset("\u202Epublished"));
  await inWidget(page, '[data-testid="event"]').first().waitFor();
  const name = await inWidget(page, '[data-testid="event"]').first().getAttribute("aria-label");
  // The field is closed inside its own isolate: what follows it reads in order.
  assert.ok(name.includes("\u2068\u202Epublished\u2069"), JSON.stringify(name));
  assert.match(name, /\u2069 — /);
  await page.close();
});

test("a height that is not a number or a CSS length, or options that are not an object, are TypeErrors", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/mount.html?n=0`);
  const errors = await page.evaluate(async () => {
    const { mount } = await import("/movement-timeline.js");
    const el = () => document.body.appendChild(document.createElement("div"));
    const said = (p) => p.then(() => "no error", (e) => String(e));
    return [
      await said(mount(el(), { dataUrl: "/data/movements.json", height: {} })),
      await said(mount(el(), null)),
    ];
  });
  assert.match(errors[0], /TypeError: movement-timeline: mount options: height: expected a number of pixels or a CSS length/);
  assert.match(errors[1], /TypeError: mount\(element, options\): options must be an object/);
  await page.close();
});

test("the iframe host takes a height only as a number", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/frame-host.html`);
  await page.frameLocator("iframe.movement-timeline").locator('[data-state="ready"]').waitFor();
  await page.evaluate(() => {
    window.__heights = [];
    const frame = document.querySelector("iframe.movement-timeline");
    new MutationObserver(() => window.__heights.push(frame.height)).observe(frame, { attributes: true, attributeFilter: ["height"] });
  });
  await page.frameLocator("iframe.movement-timeline").locator("body").evaluate(() => {
    for (const height of ["1234", [777], 555n]) {
      window.parent.postMessage({ type: "movement-timeline:height", height }, "*");
    }
    window.parent.postMessage({ type: "movement-timeline:height", height: 321 }, "*");
  });
  await page.waitForFunction(() => window.__heights.includes("321"));
  const seen = await page.evaluate(() => window.__heights);
  assert.deepEqual(seen.filter((h) => ["1234", "777", "555"].includes(h)), [], JSON.stringify(seen));
  await page.close();
});
