// Panics stay inside their widget: against the crash-test build
// (dist-crash/, `--features crash-test`), a panic provoked in an action, in
// render, in an event callback and while loading each turns that widget
// into a short error message, and its neighbour keeps working.
// `scripts/test.sh crash` builds it and runs this file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, serveDist } from "../lib.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../../../dist-crash");
let server, browser;
before(async () => {
  server = await serveDist({ root: ROOT });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});


for (const place of ["action", "render", "callback", "loading"]) {
  test(`a panic ${place === "action" ? "in an action" : place === "loading" ? "while loading" : `in ${place}`} is contained to its widget`, async () => {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 1400 } })).newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.url}/fixtures/mount.html?n=2`);
    await page.waitForFunction(() => [0, 1].every((i) =>
      document.querySelector(`#w${i}`)?.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]')));
    await page.evaluate((p) => window.__handles[0].simulateCrash(p), place);
    if (place === "callback") {
      // The next click on that widget runs the armed callback.
      await page.locator("#w0 >> [data-testid='zoom-in']").click();
    }
    await page.waitForFunction(() => /internal error/.test(
      document.querySelector("#w0").shadowRoot.querySelector('[data-testid="error-panel"]')?.textContent ?? ""));
    assert.equal(await page.evaluate(() => window.__handles[0].crashed), true);
    // The neighbour still zooms.
    const before = await page.evaluate((i) =>
      document.querySelector(`#w${i}`).shadowRoot.querySelector('[data-testid="timeline-root"]').dataset.windowStart, 1);
    await page.locator("#w1 >> [data-testid='zoom-in']").click();
    await page.waitForFunction(([i, b]) =>
      document.querySelector(`#w${i}`).shadowRoot.querySelector('[data-testid="timeline-root"]').dataset.windowStart !== b, [1, before]);
    // Calls on the crashed handle are ignored, not thrown.
    await page.evaluate(() => { window.__handles[0].setTheme("dark"); window.__handles[0].destroy(); });
    assert.deepEqual(errors.filter((e) => !/simulated crash|unreachable|RuntimeError/.test(e)), []);
    await page.context().close();
  });
}
