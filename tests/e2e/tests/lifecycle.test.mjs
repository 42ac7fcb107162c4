// A widget's life on a host page: a widget mounted on an element that is
// not in the document yet has no time limit running against it before it is
// attached, and gets ready once it is; the 30-second limit on a download is
// an idle timeout, not a total cap; destroy() frees what the widget holds.
// Where a limit is tested, time is the page's fake clock, so no test waits
// 30 real seconds.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launchBrowser, serveDist, until } from "../lib.mjs";

const SHIPPED = new URL("../../../static/data/movements.json", import.meta.url);
const MB = 1024 * 1024;

/** A download the test writes piece by piece: `arrived` resolves with the
 *  response once the browser asked (its headers are sent at once);
 *  `closed` resolves with true if the browser dropped it before its end. */
function held() {
  let arrive, close;
  const arrived = new Promise((ok) => { arrive = ok; });
  const closed = new Promise((ok) => { close = ok; });
  let requests = 0;
  return {
    arrived,
    closed,
    get requests() { return requests; },
    handler: (req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.flushHeaders();
      res.on("close", () => close(!res.writableEnded));
      arrive(res);
    },
  };
}

let browser, server, shipped;
let detachedRequests = 0;
const downloads = {};
before(async () => {
  shipped = await readFile(SHIPPED);
  server = await serveDist({
    routes: {
      "/detached.json": (req, res) => {
        detachedRequests++;
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(shipped);
      },
      "/trickle.json": (req, res) => downloads.trickle.handler(req, res),
      "/stall.json": (req, res) => downloads.stall.handler(req, res),
    },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The state of widget `#w0`'s root (the fixture's first widget). */
const stateOf = (page) => page.evaluate(() =>
  document.getElementById("w0")?.shadowRoot?.querySelector('[data-testid="timeline-root"]')?.dataset.state);

/** Counts what the page's stream readers hand out (the loader reads the
 *  data's body through one): reads asked for, reads answered, bytes. A read
 *  asked for and not yet answered means the loader is waiting for the next
 *  piece, and has set its idle timer again just before asking. */
function countReads() {
  const read = ReadableStreamDefaultReader.prototype.read;
  const reads = { asked: 0, answered: 0, bytes: 0 };
  window.__reads = reads;
  ReadableStreamDefaultReader.prototype.read = function (...args) {
    reads.asked++;
    return read.apply(this, args).then((result) => {
      reads.answered++;
      reads.bytes += result.value?.byteLength ?? 0;
      return result;
    });
  };
}

/** Waits until the loader has read `bytes` bytes of the body and asked for
 *  more (so its idle timer was set again after the last piece). */
const untilWaitingAfter = (page, bytes) => until(
  () => page.evaluate((n) => window.__reads.bytes >= n && window.__reads.asked > window.__reads.answered, bytes),
  `the loader to read ${bytes} bytes and wait for more`,
);

test("a widget mounted on a detached element has no time limit running before it is attached, and gets ready once it is", async () => {
  detachedRequests = 0;
  const context = await browser.newContext();
  const page = await context.newPage();
  // A fake clock: the page's timers run as the test advances it.
  await page.clock.install();
  await page.goto(`${server.url}/fixtures/mount.html?n=0`);
  await page.evaluate(async () => {
    const { mount } = await import("/movement-timeline.js");
    window.__events = [];
    // mount() on an element that is in no document.
    const div = document.createElement("div");
    div.className = "widget";
    window.__div = div;
    window.__mounted = false;
    mount(div, { dataUrl: "/detached.json" }).then((handle) => {
      window.__mounted = true;
      for (const name of ["ready", "error"]) handle.on(name, (d) => window.__events.push({ name, d }));
    });
    // The element made but not attached.
    const el = document.createElement("movement-timeline");
    el.setAttribute("src", "/detached.json");
    for (const name of ["ready", "error"]) el.addEventListener(name, (e) => window.__events.push({ name, d: e.detail, element: true }));
    window.__el = el;
  });
  // The data's download has started for the detached widget.
  await until(() => detachedRequests >= 1, "the detached widget's download to start");
  // Twice the 30-second limit passes while both are detached: a limit
  // counted from the download's start would have given it up.
  for (let i = 0; i < 6; i++) await page.clock.runFor(10_000);
  assert.deepEqual(await page.evaluate(() => window.__events), [], "nothing happened while detached");
  await page.evaluate(() => document.getElementById("widgets").append(window.__div, window.__el));
  const states = () => page.evaluate(() => [window.__div, window.__el].map((host) =>
    host.shadowRoot?.querySelector('[data-testid="timeline-root"]')?.dataset.state));
  const settled = await until(async () => {
    const now = await states();
    return now.every((s) => s === "ready" || s === "error") && now;
  }, "both widgets to show their data or an error", 15000);
  const text = await page.evaluate(() => window.__div.shadowRoot.querySelector('[data-testid="timeline-root"]').textContent);
  assert.deepEqual(settled, ["ready", "ready"], `both widgets ready, not an error: ${text.slice(0, 200)}`);
  assert.ok(await page.evaluate(() => window.__mounted), "mount() resolved once attached");
  await until(() => page.evaluate(() => window.__events.filter((e) => e.name === "ready").length === 2), "two ready events");
  assert.deepEqual(await page.evaluate(() => window.__events.filter((e) => e.name === "error")), []);
  await context.close();
});

test("a slow but live download takes as long as it needs: the 30-second limit is an idle timeout", async () => {
  downloads.trickle = held();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(countReads);
  await page.clock.install();
  await page.goto(`${server.url}/fixtures/mount.html?data=/trickle.json`);
  const res = await downloads.trickle.arrived;
  const started = await page.evaluate(() => performance.now());
  // Seven pieces (cut anywhere, also inside a character), 20 s of the
  // page's time before each piece and before the end: 160 s in all, and no
  // gap as long as the limit.
  const pieces = 7;
  let sent = 0;
  await untilWaitingAfter(page, 0);
  for (let i = 0; i <= pieces; i++) {
    await page.clock.runFor(20_000);
    assert.equal(await stateOf(page), "loading", `still loading after ${(i + 1) * 20} s, with a byte every 20 s`);
    if (i === pieces) break;
    const piece = shipped.subarray(Math.floor((i * shipped.length) / pieces), Math.floor(((i + 1) * shipped.length) / pieces));
    await new Promise((ok) => res.write(piece, ok));
    sent += piece.length;
    await untilWaitingAfter(page, sent);
  }
  assert.equal(sent, shipped.length);
  res.end();
  assert.equal(await downloads.trickle.closed, false, "the download was not stopped");
  await until(async () => (await stateOf(page)) !== "loading", "the widget to show the data", 15000);
  assert.equal(await stateOf(page), "ready");
  const took = (await page.evaluate(() => performance.now())) - started;
  assert.ok(took > 150_000, `the download took ${Math.round(took / 1000)} s of the page's time, far more than the limit`);
  const outcomes = await page.evaluate(() => window.__events.filter((e) => e.name === "ready" || e.name === "error"));
  assert.deepEqual(outcomes.map((e) => [e.name, e.d]), [["ready", { events: 30 }]]);
  assert.equal(downloads.trickle.requests, 1, "one download");
  await context.close();
});

test("a download whose bytes stop is given up after 30 seconds of silence, and stopped", async () => {
  downloads.stall = held();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(countReads);
  await page.clock.install();
  await page.goto(`${server.url}/fixtures/mount.html?data=/stall.json`);
  const res = await downloads.stall.arrived;
  await new Promise((ok) => res.write(shipped.subarray(0, 1000), ok));
  await untilWaitingAfter(page, 1000);
  await page.clock.runFor(29_000);
  assert.equal(await stateOf(page), "loading", "still waiting 29 s after the last byte");
  await page.clock.runFor(2_000);
  await until(async () => (await stateOf(page)) === "error", "the error after 30 s without a byte");
  const text = await page.evaluate(() => document.getElementById("w0").shadowRoot.querySelector('[data-testid="error-panel"]').textContent);
  assert.match(text, /Could not load data \(no data arrived for 30 seconds\)/);
  assert.equal(await downloads.stall.closed, true, "the browser dropped the download");
  await context.close();
});

/** Keeps a weak reference to every WebAssembly memory the page's modules
 *  get (the loader makes one instance of the module per widget), so the
 *  test can add up the memories still alive after a collection: the
 *  widgets' own heaps. Chromium's JavaScript heap figures do not count them
 *  (Runtime.getHeapUsage's usedSize and backingStorageSize, and
 *  Performance.getMetrics' JSHeapUsedSize, stay the same when a page makes a
 *  100 MB WebAssembly.Memory). */
function trackWasmMemories() {
  const memories = [];
  window.__wasmMemories = memories;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (source, imports) {
    const result = await instantiate.call(this, source, imports);
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const values = [...Object.values(instance.exports), ...Object.values(imports ?? {}).flatMap((m) => Object.values(m ?? {}))];
    for (const value of values) if (value instanceof WebAssembly.Memory) memories.push(new WeakRef(value));
    return result;
  };
}

test("destroy frees what a widget holds: 40 mount/destroy rounds end within a few MB of the start", async (t) => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(trackWasmMemories);
  await page.goto(`${server.url}/fixtures/mount.html?n=0`);
  await page.evaluate(async () => {
    const { mount } = await import("/movement-timeline.js");
    const text = await (await fetch("/data/movements.json")).text();
    const box = document.getElementById("widgets");
    /** Mounts `n` widgets at once, waits until all show the data, then
     *  destroys them. Their elements stay in the page (a host may keep
     *  them): destroy() alone must let the memory go. */
    window.__round = async (n) => {
      const hosts = Array.from({ length: n }, () => {
        const el = document.createElement("div");
        el.className = "widget";
        box.append(el);
        return el;
      });
      const handles = await Promise.all(hosts.map((el) => mount(el, { data: text, height: 300 })));
      const shown = () => hosts.every((el) => el.shadowRoot.querySelector('[data-testid="timeline-root"][data-state="ready"]'));
      for (let i = 0; !shown(); i++) {
        if (i > 600) throw new Error("the widgets did not get ready");
        await new Promise((ok) => setTimeout(ok, 25));
      }
      const held = handles.reduce((sum, h) => sum + h.memoryBytes(), 0);
      for (const h of handles) h.destroy();
      return held;
    };
  });
  const cdp = await context.newCDPSession(page);
  /** Bytes of the WebAssembly memories still alive after a full
   *  collection, and of the JavaScript heap. */
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const wasm = await page.evaluate(() => {
      let bytes = 0, alive = 0;
      for (const ref of window.__wasmMemories) {
        const memory = ref.deref();
        if (memory) { bytes += memory.buffer.byteLength; alive++; }
      }
      return { bytes, alive, made: window.__wasmMemories.length };
    });
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return { ...wasm, js: usedSize };
  };
  // The first rounds: two widgets at a time (the loader keeps up to two
  // idle instances for the next mounts).
  await page.evaluate(() => window.__round(2));
  await page.evaluate(() => window.__round(2));
  const start = await measure();
  assert.ok(start.made >= 2 && start.bytes > 0, `the memories are seen: ${JSON.stringify(start)}`);
  // Rounds 3 to 38: one widget each; rounds 39 and 40: 40 widgets open at
  // once, each with an instance of its own.
  for (let i = 0; i < 36; i++) await page.evaluate(() => window.__round(1));
  const afterOnes = await measure();
  let held = 0;
  for (let i = 0; i < 2; i++) held = Math.max(held, await page.evaluate(() => window.__round(40)));
  const end = await measure();
  const report = JSON.stringify({ start, afterOnes, end, held40: held });
  assert.ok(end.made >= 40, `40 widgets open at once had instances of their own: ${report}`);
  assert.ok(held > 8 * MB, `40 open widgets hold more than the limit below: ${report}`);
  assert.ok(afterOnes.bytes - start.bytes <= 2 * MB, `one widget at a time: WebAssembly memory grew by ${(afterOnes.bytes - start.bytes) / MB} MB: ${report}`);
  assert.ok(end.bytes - start.bytes <= 4 * MB, `WebAssembly memory grew by ${(end.bytes - start.bytes) / MB} MB: ${report}`);
  assert.ok(end.js - start.js <= 4 * MB, `JavaScript heap grew by ${(end.js - start.js) / MB} MB: ${report}`);
  t.diagnostic(report);
  await context.close();
});
