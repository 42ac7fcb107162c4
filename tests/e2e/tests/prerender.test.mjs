// The full page's prerendered view: what a reader sees before the
// WebAssembly arrives, what a reader without it keeps, and a hand-over to the
// live widget that moves nothing on the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, serveDist, until } from "../lib.mjs";

let browser, server;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page at `width`, with the module's download held until `release()`. */
async function held(width, height = 900) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/movement-timeline.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`${server.url}/`);
  return { page, context, release };
}

const visible = (page, selector) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length, selector);

for (const [width, wide] of [[1280, true], [1024, true], [375, false]]) {
  test(`at ${width} px the prerendered ${wide ? "lanes" : "rows"} show before the module and hand over without moving anything`, async () => {
    const { page, context, release } = await held(width);
    // Before the WebAssembly: the real timeline, drawn at build time.
    const view = wide ? ".mt-prerender-wide" : ".mt-prerender-narrow";
    await page.waitForSelector(`${view} .mt-title`);
    const marks = await visible(page, `${view} ${wide ? "g.mt-event" : "button.mt-vevent"}`);
    assert.ok(marks >= 20, `${marks} marks visible`);
    if (wide) {
      const labels = await page.locator(`${view} .mt-label`).allTextContents();
      for (const named of ["First congress", "House arrest", "Registration refused", "Self-dissolution", "RSM founded by merger"]) {
        assert.ok(labels.includes(named), `${named} is labelled: ${labels.join(" | ")}`);
      }
      assert.ok((await visible(page, `${view} .mt-axis text`)) > 5, "the axis is drawn");
    }
    assert.equal(await visible(page, wide ? ".mt-prerender-narrow .mt-root" : ".mt-prerender-wide .mt-root"), 0, "one layout shown");
    // A copy: no test ids, nothing to tab to.
    assert.equal(await page.locator(".mt-prerender [data-testid]").count(), 0);
    assert.equal(await page.locator(".mt-prerender[inert]").count(), 2);
    const before = await page.evaluate(() => document.getElementById("movement-timeline-page").getBoundingClientRect().height);

    release();
    await page.waitForSelector("[data-testid=timeline-root][data-state=ready]");
    await until(() => page.evaluate(() => !document.querySelector(".mt-prerender")), "the prerendered view to go");
    const after = await page.evaluate(() => document.getElementById("movement-timeline-page").getBoundingClientRect().height);
    const layout = await page.locator("[data-testid=timeline-root]").getAttribute("data-layout");
    assert.equal(layout, wide ? "horizontal" : "vertical");
    // Two animation frames, so any late shift is recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
    assert.equal(after, before, "same height before and after");
    assert.ok(shift < 0.001, `cumulative layout shift ${shift}`);
    await context.close();
  });
}

test("without WebAssembly the prerendered view stays, readable, under a note", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route("**/movement-timeline.wasm", (route) => route.abort());
  await page.goto(`${server.url}/`);
  await page.locator("#movement-timeline-page >> css=[data-testid=fallback]").waitFor();
  assert.ok((await visible(page, ".mt-prerender-wide g.mt-event")) >= 20);
  assert.equal(await page.locator(".mt-prerender[inert]").count(), 0, "no longer inert: it is all there is");
  await context.close();
});

test("without JavaScript every event is listed with its date", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const table = await page.evaluate(() => [...document.querySelectorAll(".mt-list tbody tr")].map((tr) => tr.textContent));
  assert.equal(table.length, 30, table.join(" | "));
  assert.ok(table.some((t) => t.includes("17 October 2020")), table.join(" | "));
  assert.match(await page.locator(".mt-noscript").textContent(), /events are listed here/);
  assert.ok(await page.locator(".mt-noscript").isVisible());
  await context.close();
});
