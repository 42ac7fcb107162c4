// The data path: any valid JSON is read, whatever its key order, through
// every door (a URL, text, an object); loads never race: the last asked
// for wins, a superseded download is stopped, and its late outcome changes
// nothing; every completed load says `ready`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launchBrowser, serveDist } from "../lib.mjs";

const SHIPPED = new URL("../../../static/data/movements.json", import.meta.url);

/** JSON text with every object's keys sorted (so `events` comes before
 *  `organisations`), extra whitespace, `\u` escapes for every non-ASCII
 *  character, and a byte-order mark. */
function reordered(value) {
  const write = (v) => {
    if (Array.isArray(v)) return `[ ${v.map(write).join(" ,\n ")} ]`;
    if (v && typeof v === "object") {
      return `{ ${Object.keys(v).sort().map((k) => `${JSON.stringify(k)} :  ${write(v[k])}`).join(" ,\n\t ")} }`;
    }
    return JSON.stringify(v);
  };
  const escaped = write(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `\ufeff  ${escaped}\n`;
}

/** A download the test holds until it says `release`; `closed` resolves
 *  with true when the browser dropped it before it was complete. */
function gate() {
  let release, arrive, closed;
  const released = new Promise((ok) => { release = ok; });
  const arrived = new Promise((ok) => { arrive = ok; });
  const done = new Promise((ok) => { closed = ok; });
  return {
    release,
    arrived,
    done,
    handler: (status) => async (req, res) => {
      arrive();
      await released;
      res.writeHead(status, { "content-type": "application/json" });
      if (status !== 200) return res.end("{}", () => closed(false));
      // The headers and a first piece, then a pause before the rest: a
      // browser that stops the download closes it during the pause.
      res.write(shippedText.slice(0, 100));
      res.on("close", () => closed(!res.writableEnded));
      setTimeout(() => { if (!res.destroyed) res.end(shippedText.slice(100)); }, 15000);
    },
  };
}

let browser, server, shippedText, reorderedText;
const gates = {};
before(async () => {
  shippedText = await readFile(SHIPPED, "utf8");
  reorderedText = reordered(JSON.parse(shippedText));
  server = await serveDist({
    routes: {
      "/reordered.json": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(reorderedText),
      "/slow.json": (req, res) => gates.slow.handler(200)(req, res),
      "/slow-fail.json": (req, res) => gates.fail.handler(500)(req, res),
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const readies = (page) => page.evaluate(() => window.__events.filter((e) => e.name === "ready").map((e) => e.d.events));
const untilReadies = (page, n) => page.waitForFunction((n) => (window.__events ?? []).filter((e) => e.name === "ready").length >= n, n);
const marks = (page) => page.evaluate(() => document.getElementById("w0").shadowRoot.querySelectorAll('[data-testid="event"]').length);

test("keys in any order, escapes and a BOM read the same through dataUrl, setData(text) and setData(object)", async () => {
  assert.ok(reorderedText.indexOf('"events"') < reorderedText.indexOf('"organisations"'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/fixtures/mount.html?data=/reordered.json`);
  await untilReadies(page, 1);
  const shownFromUrl = await marks(page);
  await page.evaluate((text) => window.__handles[0].setData(text), reorderedText);
  await untilReadies(page, 2);
  // An object: what the page's own JSON.parse made of the text (which,
  // unlike the widget, refuses a byte-order mark).
  await page.evaluate((text) => window.__handles[0].setData(JSON.parse(text.replace(/^\ufeff/, ""))), reorderedText);
  // `ready` again for new data of the same size.
  await untilReadies(page, 3);
  assert.deepEqual(await readies(page), [30, 30, 30]);
  assert.equal(await marks(page), shownFromUrl);
  assert.ok(shownFromUrl > 0);
  await page.close();
});

test("a slow first download loses to a fast second one, and is stopped", async () => {
  gates.slow = gate();
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/mount.html?data=/data/movements.json`);
  await untilReadies(page, 1);
  await page.evaluate(() => window.__handles[0].setDataUrl("/slow.json"));
  await gates.slow.arrived;
  await page.evaluate(() => window.__handles[0].setDataUrl("/fixtures/bad/bom.json"));
  await untilReadies(page, 2);
  gates.slow.release();
  assert.equal(await gates.slow.done, true, "the superseded download was stopped");
  assert.deepEqual(await readies(page), [30, 2]);
  await page.close();
});

test("a slow first download's failure changes nothing once a second load has won", async () => {
  gates.fail = gate();
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/mount.html?data=/data/movements.json`);
  await untilReadies(page, 1);
  await page.evaluate(() => {
    const root = document.getElementById("w0").shadowRoot.querySelector('[data-testid="timeline-root"]');
    window.__states = [];
    new MutationObserver(() => window.__states.push(root.dataset.state))
      .observe(root, { attributes: true, attributeFilter: ["data-state"] });
    window.__handles[0].setDataUrl("/slow-fail.json");
  });
  await gates.fail.arrived;
  await page.evaluate(() => {
    window.__handles[0].setData(JSON.stringify({
      organisations: [{ id: "x", name: "X", abbreviation: "X", color: "#112233" }],
      events: [{ id: "e", org: "x", date: "2020", kind: "congress", title: "T", source: { article: "A", section: "S", quote: "Q" } }],
    }));
  });
  await untilReadies(page, 2);
  gates.fail.release();
  await gates.fail.done;
  // One more load after the failure's answer was handled: the widget
  // never showed an error on the way.
  await page.evaluate(() => window.__handles[0].setDataUrl("/fixtures/bad/bom.json"));
  await untilReadies(page, 3);
  assert.deepEqual(await readies(page), [30, 1, 2]);
  assert.ok(!(await page.evaluate(() => window.__states)).includes("error"), "no error was shown");
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.name === "error")), []);
  await page.close();
});

test("an element whose src changes shows the second data, and its ready gives the live handle", async () => {
  gates.slow = gate();
  const page = await browser.newPage();
  await page.goto(`${server.url}/fixtures/mount.html?n=0`);
  const first = await page.evaluate(async () => {
    const el = document.createElement("movement-timeline");
    el.setAttribute("src", "/data/movements.json");
    document.body.append(el);
    window.__el = el;
    const handle = await el.ready;
    // Read again after it is ready: settles at once, with the same handle.
    return (await el.ready) === handle && handle === el.handle;
  });
  assert.ok(first, "ready, read twice, gives the live handle");
  await page.evaluate(() => window.__el.setAttribute("src", "/slow.json"));
  await gates.slow.arrived;
  await page.evaluate(() => window.__el.setAttribute("src", "/fixtures/bad/bom.json"));
  const live = await page.evaluate(async () => {
    const handle = await window.__el.ready;
    return handle === window.__el.handle && !handle.destroyed;
  });
  assert.ok(live, "after a src change, ready gives the new, live handle");
  await page.waitForFunction(() => window.__el.shadowRoot.querySelectorAll('[data-testid="event"]').length === 2);
  gates.slow.release();
  // The first widget is gone, and its download is stopped.
  assert.equal(await gates.slow.done, true);
  assert.equal(await page.evaluate(() => window.__el.shadowRoot.querySelectorAll('[data-testid="event"]').length), 2);
  await page.close();
});
