// The core journey a reader takes, written once and run in every engine
// (tests/journey.test.mjs in Chromium, firefox/journey.test.mjs in Firefox,
// webkit/journey.test.mjs in WebKitGTK):
// the page gets ready and draws marks; wheel, buttons and drag move the
// window; an event's details show its quote; the organisation filter and
// the search narrow the view; a link restores a view; the embed page runs
// two widgets under a strict policy; without WebAssembly a fallback shows;
// a phone-width view is vertical; Russian reads as Russian.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist } from "./lib.mjs";
import { DRIVERS } from "./drivers.mjs";

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const ROOT = '[data-testid="timeline-root"]';
const ms = (iso) => Date.parse(iso);

export function journey(engine) {
  let driver, plain, strict, noWasm;
  before(async () => {
    plain = await serveDist();
    strict = await serveDist({ headers: () => ({ "content-security-policy": STRICT }) });
    noWasm = await serveDist({ headers: () => ({ "content-security-policy": NO_WASM }) });
    driver = await DRIVERS[engine].launch();
  });
  after(async () => {
    await driver?.close();
    for (const s of [plain, strict, noWasm]) await s?.close();
  });

  const open = async (hash = "", options) => {
    const page = await driver.open(`${plain.url}/${hash}`, options);
    await page.waitFor((sel) => window.__mt?.q(sel)?.dataset.state === "ready", `${ROOT}`);
    return page;
  };
  const windowOf = (page) => page.evaluate((sel) => {
    const r = window.__mt.q(sel);
    return { start: r.dataset.windowStart, end: r.dataset.windowEnd };
  }, ROOT);
  const changed = (page, w) => page.waitFor(([sel, s, e]) => {
    const r = window.__mt.q(sel);
    return r.dataset.windowStart !== s || r.dataset.windowEnd !== e;
  }, [ROOT, w.start, w.end]).then(() => windowOf(page));
  const span = (w) => ms(w.end) - ms(w.start);
  // Polls until the window has stayed the same for five animation frames in
  // a row: a drag's moves may land in more than one frame (WebDriver sends a
  // whole drag at once, and a busy machine may paint between its moves).
  const settled = (page) => page.waitFor((sel) => new Promise((resolve) => {
    const r = window.__mt.q(sel);
    const snap = () => `${r.dataset.windowStart}|${r.dataset.windowEnd}`;
    const first = snap();
    let frames = 0;
    const tick = () => {
      if (snap() !== first) return resolve(false);
      if (++frames >= 5) return resolve(true);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), ROOT).then(() => windowOf(page));

  test(`${engine}: the page gets ready with both lanes, marks and an axis, and no errors`, async () => {
    const page = await open();
    assert.deepEqual(await page.attrs('[data-testid="lane"]', "data-org"), ["dzns", "rsm"]);
    assert.ok((await page.count('[data-testid="event"]')) >= 10);
    assert.ok((await page.count('[data-testid="tick"]')) >= 4);
    const w = await windowOf(page);
    assert.ok(w.start > "2010-01-01" && w.start < "2011-03-06" && w.end > "2024-05-08", JSON.stringify(w));
    // The first view: the RSM's years take most of the plot, the six counts
    // spread across the chart, the 1990s predecessor is counted at the edge.
    const plot = await page.box("svg.mt-svg");
    const rsm = await page.box('[data-testid="lane"][data-org="rsm"] .mt-lifespan');
    assert.ok(rsm.width / plot.width >= 0.55, `RSM ${rsm.width} of ${plot.width} px`);
    const xs = await page.evaluate((sel) => window.__mt.all(sel).map((c) => {
      const b = c.getBoundingClientRect();
      return b.x + b.width / 2;
    }), '[data-testid="chart-point"] circle');
    assert.equal(xs.length, 6);
    assert.ok(Math.max(...xs) - Math.min(...xs) >= 300, `counts span ${Math.max(...xs) - Math.min(...xs)} px`);
    assert.equal(await page.attr('[data-testid="reveal-earlier"]', "data-count"), "2");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${engine}: aligned by founding, both foundings stand on one line over an axis of ages`, async () => {
    const page = await open();
    await page.click('[data-testid="align-toggle"]');
    await page.waitFor((sel) => window.__mt.q(sel).dataset.align === "founding", ROOT);
    const x = (id) => page.evaluate((sel) => {
      const b = window.__mt.q(sel).getBoundingClientRect();
      return b.x + b.width / 2;
    }, `[data-testid="event"][data-event-id="${id}"] .mt-glyph`);
    await page.waitForElement('[data-testid="event"][data-event-id="dzns-refounded"]');
    const [rsm, dzns] = [await x("rsm-founded"), await x("dzns-refounded")];
    assert.ok(Math.abs(rsm - dzns) <= 2, `foundings at ${rsm} and ${dzns}`);
    const ticks = await page.evaluate((sel) => window.__mt.all(sel).map((t) => t.textContent.trim()), '[data-testid="tick"]');
    assert.ok(ticks.includes("year 1") && ticks.every((t) => !/^\d{4}$/.test(t)), `${ticks}`);
    assert.equal(await page.attr('[data-testid="align-toggle"]', "aria-pressed"), "true");
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${engine}: the wheel zooms around the cursor; buttons zoom and fit`, async () => {
    const page = await open();
    const fit = await windowOf(page);
    const plot = await page.box(".mt-plot");
    const anchor = ms("2020-07-01");
    const x = plot.x + ((anchor - ms(fit.start)) / span(fit)) * plot.width;
    await page.wheel(x, plot.y + 60, -300);
    const zoomed = await changed(page, fit);
    assert.ok(span(zoomed) < span(fit) * 0.85, JSON.stringify({ fit, zoomed }));
    const under = ms(zoomed.start) + ((x - plot.x) / plot.width) * span(zoomed);
    assert.ok(Math.abs(under - anchor) < span(zoomed) / plot.width * 3 + 2 * 86400000, "the day under the cursor stays");
    await page.click('[data-testid="zoom-in"]');
    const zin = await changed(page, zoomed);
    assert.ok(span(zin) < span(zoomed) * 0.6);
    await page.click('[data-testid="zoom-fit"]');
    await page.waitFor(([sel, s]) => window.__mt.q(sel).dataset.windowStart === s, [ROOT, fit.start]);
    assert.deepEqual(await windowOf(page), fit);
    await page.close();
  });

  test(`${engine}: dragging pans by the distance dragged`, async () => {
    const page = await open("#from=2019-01&to=2021-12");
    const before = await windowOf(page);
    const plot = await page.box(".mt-plot");
    await page.drag(plot.x + plot.width / 2, plot.y + plot.height - 20, 200);
    await changed(page, before);
    const after = await settled(page);
    const moved = (ms(before.start) - ms(after.start)) / (span(before) / plot.width);
    assert.ok(moved > 170 && moved < 215, `moved ${moved.toFixed(1)} px for 200`);
    assert.ok(Math.abs(span(after) - span(before)) <= 2 * 86400000, "same zoom");
    // The drag moved the drawings with a transform while the pointer was
    // down; laid out again for the new window, none is left moved.
    await page.waitFor(() => window.__mt.all('[style*="transform"]').length === 0);
    await page.close();
  });

  test(`${engine}: the arrow keys walk a chart series' points from its one tab stop`, async () => {
    const page = await open("#from=2019-10&to=2020-08");
    const focused = () => page.evaluate(() => window.__mt.q(":focus")?.dataset.members ?? null);
    const stops = await page.evaluate(() =>
      window.__mt.all('[data-testid="chart-point"]').filter((p) => p.tabIndex === 0).length);
    assert.equal(stops, 1, "one tab stop for the series");
    await page.evaluate(() => window.__mt.q('[data-testid="chart-point"]').focus());
    await page.press("ArrowRight");
    await page.waitFor(() => window.__mt.q(":focus")?.dataset.members === "40000");
    await page.press("End");
    await page.waitFor(() => window.__mt.q(":focus")?.dataset.members === "78000");
    assert.equal(await focused(), "78000");
    await page.close();
  });

  test(`${engine}: the legend folds and opens at a click on its heading, and stays as left`, async () => {
    const page = await open();
    const isOpen = () => page.evaluate(() => window.__mt.q(".mt-legend").open);
    assert.equal(await isOpen(), true, "open on a wide page");
    await page.click(".mt-legend summary");
    await page.waitFor(() => !window.__mt.q(".mt-legend").open);
    // Five frames later it is still folded: the render that follows the
    // reader's toggle agrees with it.
    await settled(page);
    assert.equal(await isOpen(), false, "folded, and it stays folded");
    await page.click(".mt-legend summary");
    await page.waitFor(() => window.__mt.q(".mt-legend").open);
    await settled(page);
    assert.equal(await isOpen(), true, "open again");
    await page.close();
  });

  test(`${engine}: an event's details show its date and verbatim quote`, async () => {
    const page = await open("#from=2023-10&to=2024-09");
    await page.click('[data-testid="event"][data-event-id="rsm-dissolution"]');
    await page.waitForElement('[data-testid="event-details"]');
    const text = await page.text('[data-testid="event-details"]');
    assert.ok(text.includes("in connection with this, on 8 May 2024, it announced the termination of its activities and self-dissolution."), text);
    assert.match(text, /8 May 2024/);
    await page.press("Escape");
    await page.waitFor(() => !window.__mt.q('[data-testid="event-details"]'));
    await page.close();
  });

  test(`${engine}: the organisation filter and the search narrow the view and the URL`, async () => {
    const page = await open();
    await page.click('[data-testid="org-toggle"][data-org="dzns"]');
    await page.waitFor(() => window.__mt.all('[data-testid="lane"]').length === 1);
    assert.deepEqual(await page.attrs('[data-testid="lane"]', "data-org"), ["rsm"]);
    assert.match(await page.url(), /#orgs=rsm/);
    await page.type('[data-testid="search"]', "foreign agent");
    await page.waitFor(() => window.__mt.all('[data-testid="event"]').length === 2);
    assert.deepEqual(await page.attrs('[data-testid="event"]', "data-event-id"), ["rsm-foreign-agent", "rsm-dissolution"]);
    await page.waitFor(() => location.hash.includes("q=foreign%20agent"));
    await page.close();
  });

  test(`${engine}: a link restores filters, window and selection`, async () => {
    const page = await open("#orgs=rsm&from=2024-01&to=2024-12&event=rsm-foreign-agent&list=1");
    assert.deepEqual(await page.attrs('[data-testid="lane"]', "data-org"), ["rsm"]);
    await page.waitForElement('[data-testid="event-details"]');
    assert.equal(await page.attr('[data-testid="event-details"]', "data-event-id"), "rsm-foreign-agent");
    await page.waitForElement('[data-testid="event-list"]');
    const w = await windowOf(page);
    assert.ok(w.start >= "2023-12-01" && w.start <= "2024-01-15" && w.end >= "2024-12-15", JSON.stringify(w));
    await page.close();
  });

  test(`${engine}: the Theme button turns the widget dark and back`, async () => {
    const page = await open();
    const bg = () => page.evaluate((sel) => getComputedStyle(window.__mt.q(sel)).backgroundColor, ROOT);
    assert.equal(await bg(), "rgb(255, 255, 255)", "light by default");
    await page.click('[data-testid="theme-toggle"]'); // automatic -> light
    await page.click('[data-testid="theme-toggle"]'); // light -> dark
    await page.waitFor((sel) => window.__mt.q(sel).classList.contains("mt-theme-dark"), ROOT);
    assert.equal(await bg(), "rgb(22, 27, 34)", "light-dark() picks the dark colour");
    await page.click('[data-testid="theme-toggle"]'); // dark -> automatic (light here)
    await page.waitFor((sel) => !window.__mt.q(sel).classList.contains("mt-theme-dark"), ROOT);
    assert.equal(await bg(), "rgb(255, 255, 255)", "and back to the system's light");
    await page.close();
  });

  test(`${engine}: a phone-width view is a vertical list of rows, every event reachable, nothing cut`, async () => {
    const page = await open("", { width: 375, height: 800 });
    await page.waitFor((sel) => window.__mt.q(sel).dataset.layout === "vertical", ROOT);
    const facts = await page.evaluate(() => {
      const events = window.__mt.all('[data-testid="event"]');
      const doc = document.documentElement;
      return {
        ids: events.map((e) => e.dataset.eventId),
        earlier: Number(window.__mt.q('[data-testid="reveal-earlier"]')?.dataset.count ?? 0),
        overflow: doc.scrollWidth - doc.clientWidth,
        // a row is one line of label text or a few wrapped lines, never a tall box
        tallest: Math.max(...events.map((e) => e.getBoundingClientRect().height)),
        cut: events.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.dataset.eventId),
      };
    });
    assert.equal(new Set(facts.ids).size + facts.earlier, 30, `every event is a row or counted before them: ${facts.ids.length} + ${facts.earlier}`);
    assert.ok(facts.overflow <= 0, `no horizontal overflow: ${facts.overflow}px`);
    assert.ok(facts.tallest < 120, `rows stay compact: tallest ${facts.tallest}px`);
    assert.deepEqual(facts.cut, [], "no row's text is cut");
    await page.click('[data-testid="event"][data-event-id="dzns-socialist-party-congress"]');
    await page.waitForElement('[data-testid="event-details"]');
    assert.match(await page.text('[data-testid="event-details"]'), /17 October 2020/);
    await page.close();
  });

  test(`${engine}: in Russian the buttons, the dates and the numbers read as a Russian reader writes them`, async () => {
    const page = await open("#lang=ru&event=dzns-socialist-party-congress");
    assert.equal(await page.evaluate((sel) => window.__mt.q(sel).lang, ROOT), "ru");
    assert.equal((await page.text('[data-testid="zoom-fit"]')).trim(), "Весь период");
    await page.waitForElement('[data-testid="event-details"]');
    const details = await page.text('[data-testid="event-details"]');
    assert.match(details, /17 октября 2020/);
    await page.click('[data-testid="lang-toggle"][data-lang="en"]');
    await page.waitFor((sel) => window.__mt.q(sel).lang === "en", ROOT);
    assert.match(await page.text('[data-testid="event-details"]'), /17 October 2020/);
    await page.waitFor(() => !location.hash.includes("lang=ru"));
    await page.close();
  });

  test(`${engine}: the embed page runs two widgets under a strict policy with no violations`, async () => {
    const page = await driver.open(`${strict.url}/embed.html`, { width: 1100, height: 900 });
    await page.waitFor(() => ["#rsm-timeline", "#dzns-timeline"].every((h) =>
      document.querySelector(h)?.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]')));
    const lanes = (h) => page.evaluate((host) =>
      [...document.querySelector(host).shadowRoot.querySelectorAll('[data-testid="lane"]')].map((l) => l.dataset.org), h);
    assert.deepEqual(await lanes("#rsm-timeline"), ["rsm"]);
    assert.deepEqual(await lanes("#dzns-timeline"), ["dzns"]);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test(`${engine}: without WebAssembly each widget shows a message and a link`, async () => {
    const page = await driver.open(`${noWasm.url}/embed.html`, { width: 1100, height: 900 });
    await page.waitFor(() => ["#rsm-timeline", "#dzns-timeline"].every((h) =>
      document.querySelector(h)?.shadowRoot?.querySelector('[data-testid="fallback"]')));
    const text = await page.evaluate(() => document.querySelector("#rsm-timeline").shadowRoot.querySelector('[data-testid="fallback"]').textContent);
    assert.match(text, /cannot start here/);
    await page.close();
  });
}
