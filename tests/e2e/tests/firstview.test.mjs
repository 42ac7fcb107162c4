// The first view shows what the data holds: the organisations' own years
// across the timeline, the membership counts spread across the chart, and
// what lies earlier counted at the window's edge.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, until } from "../lib.mjs";

const env = useBrowser();

const chart = (tl) => tl.root.locator('[data-testid="membership-chart"]');

/** Horizontal centres of the six count points, in page pixels. */
const pointCentres = (tl) => chart(tl).locator('[data-testid="chart-point"] circle').evaluateAll((cs) =>
  cs.map((c) => { const b = c.getBoundingClientRect(); return b.x + b.width / 2; }));

/** How far apart the first and last count points are, in pixels. */
async function countsSpread(tl) {
  const xs = await pointCentres(tl);
  assert.equal(xs.length, 6, "six counts");
  return Math.max(...xs) - Math.min(...xs);
}

test("at 1280 px the counts span the chart and the RSM's years most of the timeline", async () => {
  const tl = await env.open();
  const spread = await countsSpread(tl);
  assert.ok(spread >= 300, `the counts span ${spread} px`);
  // The RSM's lifespan band runs from its founding to its dissolution.
  const plot = await tl.root.locator("svg.mt-svg").boundingBox();
  const rsm = await tl.root.locator('[data-testid="lane"][data-org="rsm"] .mt-lifespan').boundingBox();
  const share = rsm.width / plot.width;
  assert.ok(share >= 0.55, `the RSM covers ${(share * 100).toFixed(1)}% of the plot`);
  // The chart's own window is marked on the time axis and named over it.
  assert.ok(await tl.root.locator('[data-testid="chart-range"]').isVisible());
  const note = await tl.root.locator('[data-testid="chart-range-note"]').textContent();
  assert.match(note, /^The chart shows October 2019 – February 2022/);
  // The link of the first view stays clean.
  assert.equal(new URL(tl.page.url()).hash, "");
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("the predecessor's two earlier events are counted at the edge and brought in by it", async () => {
  const tl = await env.open();
  const before = await tl.window();
  const earlier = tl.root.locator('[data-testid="reveal-earlier"]');
  assert.ok(await earlier.isVisible());
  assert.equal(await earlier.getAttribute("data-count"), "2");
  assert.equal((await earlier.textContent()).trim(), "‹ 2 earlier events (earliest: 1990s–2000s)");
  assert.equal(await tl.event("dzns-predecessor-first-congress").count(), 0, "not drawn yet");
  await earlier.click();
  const after = await tl.waitWindowChange(before);
  assert.ok(after.start < "1990-01-01", after.start);
  assert.equal(after.end, before.end, "the other edge stays");
  await until(async () => (await tl.event("dzns-predecessor-first-congress").count()) === 1, "the 1997 congress drawn");
  assert.equal(await earlier.count(), 0, "nothing earlier is left out");
  // The widened window is a view of its own: it goes into the link, and
  // Fit brings back the first view.
  await until(() => new URL(tl.page.url()).hash.includes("from="), "the window in the link");
  await tl.root.locator('[data-testid="zoom-fit"]').click();
  const fit = await tl.waitWindowChange(after);
  assert.deepEqual(fit, before);
  await tl.close();
});

test("at 375 px the counts span at least 150 px and the earlier events are counted above the rows", async () => {
  const tl = await env.open("", { width: 375, height: 800 });
  const spread = await countsSpread(tl);
  assert.ok(spread >= 150, `the counts span ${spread} px`);
  const earlier = tl.root.locator('[data-testid="reveal-earlier"]');
  assert.ok(await earlier.isVisible());
  assert.equal(await earlier.getAttribute("data-count"), "2");
  const overflow = await tl.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
  await earlier.click();
  await until(async () => (await tl.event("dzns-predecessor-first-congress").count()) === 1, "the 1997 congress listed");
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("in Russian the edge and the chart's window are named in Russian", async () => {
  const tl = await env.open("#lang=ru");
  const earlier = tl.root.locator('[data-testid="reveal-earlier"]');
  await until(async () => /более ранних события/.test(await earlier.textContent()), "Russian edge button");
  const note = await tl.root.locator('[data-testid="chart-range-note"]').textContent();
  assert.match(note, /^Период графика: октябрь 2019 – февраль 2022/);
  await tl.close();
});
