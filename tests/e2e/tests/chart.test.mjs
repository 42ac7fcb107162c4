// The membership chart on the timeline's time axis.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, until, openGenerated } from "../lib.mjs";

const env = useBrowser();

const open = (hash, options) => env.open(hash, options);
const chart = (tl) => tl.root.locator('[data-testid="membership-chart"]');
const points = (tl) => chart(tl).locator('[data-testid="chart-point"]');
const ms = (iso) => Date.parse(iso);

test("the chart shows the six DZNS counts with their exact values", async () => {
  const tl = await open();
  const got = await points(tl).evaluateAll((ps) =>
    ps.map((p) => [p.closest("[data-org]").getAttribute("data-org"), p.getAttribute("data-date"), Number(p.getAttribute("data-members"))]));
  assert.deepEqual(got, [
    ["dzns", "2019-12", 35000], ["dzns", "2020-01", 40000], ["dzns", "2020-02", 52000],
    ["dzns", "2020-03", 62000], ["dzns", "2020-05", 78000], ["dzns", "2021", 78987],
  ]);
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("zooming the timeline into the counts' years zooms the chart the same", async () => {
  const tl = await open();
  await tl.showRange("2019-12-01", "2020-08-31");
  const w = await tl.window();
  assert.equal(await chart(tl).getAttribute("data-window-start"), w.start);
  assert.equal(await chart(tl).getAttribute("data-window-end"), w.end);
  // The March 2020 point sits where mid-March falls on the timeline's axis.
  const svg = await chart(tl).locator("svg.mt-chart-svg").boundingBox();
  const dot = await points(tl).nth(3).locator("circle").boundingBox();
  const expected = svg.x + ((ms("2020-03-16T12:00:00Z") - ms(w.start)) / (ms(w.end) - ms(w.start))) * svg.width;
  assert.ok(Math.abs(dot.x + dot.width / 2 - expected) < 8, `${dot.x + dot.width / 2} vs ${expected}`);
  // And the timeline's plot has the same width and left edge.
  const plot = await tl.root.locator("svg.mt-svg").boundingBox();
  assert.ok(Math.abs(plot.x - svg.x) < 1 && Math.abs(plot.width - svg.width) < 1);
  await tl.close();
});

test("brushing January to March 2020 on the chart sets the timeline window to it", async () => {
  const tl = await open();
  await tl.showRange("2019-09-01", "2020-09-30");
  const w = await tl.window();
  // The chart's own window (here the timeline's, cut to the counts' span).
  const c = { start: await chart(tl).getAttribute("data-window-start"), end: await chart(tl).getAttribute("data-window-end") };
  await chart(tl).locator("svg.mt-chart-svg").scrollIntoViewIfNeeded();
  const svg = await chart(tl).locator("svg.mt-chart-svg").boundingBox();
  const x = (iso) => svg.x + ((ms(iso) - ms(c.start)) / (ms(c.end) - ms(c.start))) * svg.width;
  const y = svg.y + svg.height / 2;
  await tl.page.mouse.move(x("2020-01-01"), y);
  await tl.page.mouse.down();
  await tl.page.mouse.move(x("2020-02-15"), y, { steps: 4 });
  await tl.page.mouse.move(x("2020-03-31"), y, { steps: 4 });
  await tl.page.mouse.up();
  const after = await tl.waitWindowChange(w);
  const near = (a, b) => Math.abs(ms(a) - ms(b)) <= 3 * 86400000;
  assert.ok(near(after.start, "2020-01-01") && near(after.end, "2020-03-31"), JSON.stringify(after));
  await tl.close();
});

test("filtering to RSM only says no membership figures were published", async () => {
  const tl = await open();
  await tl.root.locator('[data-testid="org-toggle"][data-org="dzns"]').click();
  const note = chart(tl).locator('[data-testid="no-figures"]');
  await note.waitFor();
  assert.match(await note.textContent(), /Russian Socialist Movement: no membership figures published/);
  assert.equal(await points(tl).count(), 0, "no invented series");
  await tl.close();
});

test("hovering or focusing a point gives its number, date and source quote", async () => {
  const tl = await open("#from=2019-10&to=2020-08");
  await points(tl).nth(0).hover();
  const readout = chart(tl).locator(".mt-readout");
  await tl.page.waitForFunction(() => document.querySelector(".mt-readout strong"));
  assert.match(await readout.textContent(), /35,000 members — December 2019 — For a New Socialism/);
  assert.match(await readout.textContent(), /Amount \| 35,000 \| 40,000/);
  await points(tl).nth(4).focus();
  await tl.page.waitForFunction(() => document.querySelector(".mt-readout strong").textContent.startsWith("78,000"));
  assert.match(await points(tl).nth(4).getAttribute("aria-label"), /^78,000 members — May 2020 — For a New Socialism$/);
  await tl.close();
});

test("a series is one tab stop: the arrow keys, Home and End walk its points and read each out", async () => {
  const tl = await open("#from=2019-10&to=2020-08");
  const stops = () => points(tl).evaluateAll((ps) => ps.filter((p) => p.tabIndex === 0).map((p) => p.dataset.members));
  assert.deepEqual(await stops(), ["35000"], "the DZNS series is one tab stop, at its first point");
  const focused = () => tl.page.evaluate(() => document.activeElement?.dataset.members ?? null);
  const readout = () => tl.page.evaluate(() => document.querySelector(".mt-readout strong")?.textContent ?? "");
  await points(tl).nth(0).focus();
  await tl.page.keyboard.press("ArrowRight");
  await tl.page.waitForFunction(() => document.activeElement?.dataset.members === "40000");
  await until(async () => (await readout()).startsWith("40,000"), "the second point read out");
  await tl.page.keyboard.press("End");
  await until(async () => (await focused()) === "78000" && (await readout()).startsWith("78,000"), "End: the last point drawn");
  assert.deepEqual(await stops(), ["78000"], "the point read out is the tab stop now");
  await tl.page.keyboard.press("ArrowLeft");
  await until(async () => (await focused()) === "62000", "ArrowLeft: the one before");
  await tl.page.keyboard.press("Home");
  await until(async () => (await focused()) === "35000", "Home: the first");
  await tl.page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), "35000", "nothing before the first");
  // Tab leaves the series, not to its next point.
  await tl.page.keyboard.press("Tab");
  assert.notEqual(await tl.page.evaluate(() => document.activeElement?.dataset.testid), "chart-point");
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("the growth view shows members per month and warns that counts are unevenly spaced", async () => {
  const tl = await open();
  await chart(tl).locator('[data-testid="chart-growth"]').click();
  await chart(tl).locator('[data-testid="uneven-note"]').waitFor();
  const bars = await chart(tl).locator(".mt-growth-bar").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  assert.equal(bars.length, 5);
  assert.match(bars[0], /^\+4,9\d\d\/month, December 2019 to January 2020 \(1\.0 months\)$/);
  assert.match(bars[4], /May 2020 to 2021 \(1[3-4]\.\d months\)/);
  await tl.close();
});

test("the chart has a table alternative", async () => {
  const tl = await open();
  await chart(tl).locator('[data-testid="chart-table-toggle"]').click();
  const rows = await chart(tl).locator('[data-testid="membership-table"] tbody tr').allTextContents();
  assert.equal(rows.length, 6);
  assert.match(rows[5], /2021.*DZNS.*78,987/);
  await tl.close();
});

test("at 10,000 events the chart's dots stand a dot apart, every count drawn once zoomed in", async () => {
  const { context, page, tl } = await openGenerated(env, 10000, 3);
  // Per series: the dots' x and the counts they stand for.
  const series = () => chart(tl).locator(".mt-series").evaluateAll((all) => all.map((s) =>
    [...s.querySelectorAll('[data-testid="chart-point"]')].map((p) =>
      [Number(p.querySelector("circle").getAttribute("cx")), Number(p.getAttribute("data-point"))])));
  const wide = await series();
  assert.equal(wide.length, 4);
  for (const dots of wide) {
    assert.ok(dots.length >= 20, `a series draws dots at the widest view: ${dots.length}`);
    for (let k = 1; k < dots.length; k++) {
      assert.ok(dots[k][0] - dots[k - 1][0] >= 10, `dots ${dots[k - 1][0]} and ${dots[k][0]} overlap`);
    }
  }
  // Zoomed in to a few years, each count in the window is a dot: the
  // counts drawn follow one another with none left out.
  const box = await tl.plot().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 14; i++) await page.mouse.wheel(0, -150);
  await tl.settle(20000);
  const close = await series();
  assert.ok(close.some((dots) => dots.length >= 2));
  for (const dots of close) {
    const counts = dots.map(([, i]) => i);
    assert.deepEqual(counts, counts.map((_, k) => counts[0] + k), "no count skipped");
  }
  await context.close();
});
