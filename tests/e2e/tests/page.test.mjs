// The built full page: loads, becomes ready with no console errors, shows a
// lane per organisation over an axis spanning the organisations' years.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useBrowser, TimelinePage } from "../lib.mjs";

const env = useBrowser();

test("the built page becomes ready with no console errors", async () => {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/`);
  await tl.waitReady();
  assert.equal(await tl.state(), "ready");
  assert.deepEqual(await tl.lanes().evaluateAll((ls) => ls.map((l) => l.getAttribute("data-org"))), ["dzns", "rsm"]);
  const ticks = await tl.ticks().allTextContents();
  assert.ok(ticks.length >= 4, `ticks: ${ticks}`);
  const { start, end } = await tl.window();
  // From the RSM's founding (and its predecessors' meetings the day before)
  // to today; the 1990s predecessor is counted at the edge.
  assert.ok(start > "2010-01-01" && start < "2011-03-06" && end > "2024-05-08", `window ${start}..${end}`);
  assert.deepEqual(tl.consoleErrors, []);
  if (process.env.SCREENSHOT_DIR) {
    mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
    await tl.page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/page-1280-light.png` });
  }
  await tl.close();
});

test("the zoom buttons narrow and restore the window", async () => {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/`);
  await tl.waitReady();
  const fit = await tl.window();
  await tl.root.locator('[data-testid="zoom-in"]').click();
  const zoomed = await tl.waitWindowChange(fit);
  assert.ok(zoomed.start > fit.start && zoomed.end < fit.end, JSON.stringify({ fit, zoomed }));
  await tl.root.locator('[data-testid="zoom-fit"]').click();
  const back = await tl.waitWindowChange(zoomed);
  assert.deepEqual(back, fit);
  await tl.close();
});

test("a data URL that answers 404 shows an error panel, not a blank box", async () => {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/`);
  await tl.waitReady();
  // Point the page at a missing file by rewriting its mount attribute, then reload.
  await tl.page.route("**/data/movements.json", (route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }),
  );
  await tl.page.reload();
  const panel = tl.page.locator('[data-testid="error-panel"]');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Could not load data.*HTTP 404/s);
  assert.equal(await tl.state(), "error");
  await tl.close();
});

test("the release build carries no crash hook: not in the module, not in the wasm's exports", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { DIST } = await import("../lib.mjs");
  const js = readFileSync(join(DIST, "movement-timeline.js"), "utf8");
  assert.ok(!js.includes("simulateCrash"), "the loader has no simulateCrash");
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(DIST, "movement-timeline.wasm"))));
  assert.ok(exports.length > 5, `exports read: ${exports.length}`);
  assert.deepEqual(exports.filter((e) => /crash/i.test(e.name) && e.name !== "isCrashed").map((e) => e.name), []);
});
