// Two histories side by side: "Since founding" places each organisation's
// lane by time since its own founding, so both foundings stand on one line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, until } from "../lib.mjs";

const env = useBrowser();

const toggle = (tl) => tl.root.locator('[data-testid="align-toggle"]');

/** The horizontal centre of an event's glyph, in page pixels. */
const glyphX = (tl, id) => tl.event(id).locator(".mt-glyph").evaluate((g) => {
  const b = g.getBoundingClientRect();
  return b.x + b.width / 2;
});

async function alignByFounding(tl) {
  const before = await tl.window();
  await toggle(tl).click();
  await until(async () => (await tl.root.getAttribute("data-align")) === "founding", "aligned");
  await tl.waitWindowChange(before).catch(() => {});
  await tl.settle();
}

for (const width of [1280, 1024]) {
  test(`at ${width} px both foundings stand on one line and the axis reads in years since founding`, async () => {
    const tl = await env.open("", { width, height: 900 });
    assert.equal(await toggle(tl).getAttribute("aria-pressed"), "false");
    await alignByFounding(tl);
    assert.equal(await toggle(tl).getAttribute("aria-pressed"), "true");
    const [rsm, dzns] = [await glyphX(tl, "rsm-founded"), await glyphX(tl, "dzns-refounded")];
    assert.ok(Math.abs(rsm - dzns) <= 2, `the foundings at ${rsm} and ${dzns} px`);
    const ticks = (await tl.ticks().allTextContents()).map((t) => t.trim());
    assert.ok(ticks.length >= 4 && ticks.every((t) => /^(year \d+|\d+ yr before)$/.test(t)), `ages, not calendar years: ${ticks}`);
    assert.ok(ticks.includes("year 1"));
    assert.match(new URL(tl.page.url()).hash, /align=founding/);
    assert.deepEqual(tl.consoleErrors, []);
    await tl.close();
  });
}

test("an event's details keep its calendar date and add its age", async () => {
  const tl = await env.open("#align=founding");
  // Predecessors' events before the founding say so.
  assert.match(await tl.event("rsm-vpered-sixth-congress").getAttribute("aria-label"), /before founding/);
  await tl.event("rsm-dissolution").click();
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  const text = await details.textContent();
  assert.match(text, /8 May 2024/);
  assert.match(await details.locator('[data-testid="details-age"]').textContent(), /13 years 2 months 1 day after founding/);
  // The accessible name says the age too.
  assert.match(await tl.event("rsm-dissolution").getAttribute("aria-label"), /8 May 2024 — 13 years 2 months 1 day after founding/);
  await tl.close();
});

test("the chart is aligned the same way: the counts sit at their age", async () => {
  const tl = await env.open("#align=founding");
  const chart = tl.root.locator('[data-testid="membership-chart"]');
  // The chart's window is in days since founding; DZNS's first count
  // (December 2019) is in its first year, ten months after 29 January 2019.
  const start = Number(await chart.getAttribute("data-window-start"));
  const end = Number(await chart.getAttribute("data-window-end"));
  assert.ok(start >= 0 && start < 306 && end > 1000, `${start}..${end}`);
  await chart.locator("svg.mt-chart-svg").scrollIntoViewIfNeeded();
  const svg = await chart.locator("svg.mt-chart-svg").boundingBox();
  const dot = await chart.locator('[data-testid="chart-point"] circle').first().boundingBox();
  // Mid-December 2019 is day 320 since the re-founding.
  const expected = svg.x + ((320 - start) / (end - start)) * svg.width;
  assert.ok(Math.abs(dot.x + dot.width / 2 - expected) < 8, `${dot.x + dot.width / 2} vs ${expected}`);
  await tl.close();
});

test("switching back restores the calendar window, and the link round-trips", async () => {
  const tl = await env.open();
  await tl.showRange("2020-01-01", "2021-01-31");
  const calendar = await tl.window();
  await alignByFounding(tl);
  const aligned = await tl.window();
  assert.match(aligned.start, /^-?\d+$/, "the aligned window is in days since founding");
  await toggle(tl).click();
  await until(async () => (await tl.root.getAttribute("data-align")) === "calendar", "calendar again");
  assert.deepEqual(await tl.window(), calendar);
  await tl.close();
  // A link with an aligned window opens on it.
  const linked = await env.open("#align=founding&from=-100d&to=2000d");
  assert.equal(await linked.root.getAttribute("data-align"), "founding");
  assert.deepEqual(await linked.window(), { start: "-100", end: "2001" });
  await linked.close();
});

test("at 375 px the rows are grouped by year since founding, both organisations together", async () => {
  const tl = await env.open("#align=founding", { width: 375, height: 800 });
  assert.equal(await tl.root.getAttribute("data-layout"), "vertical");
  const headings = (await tl.root.locator('[data-testid="tick-major"]').allTextContents()).map((t) => t.trim());
  assert.ok(headings.includes("year 1") && headings.includes("year 2"), `${headings}`);
  // Under "year 1": the RSM's founding (2011) and DZNS's (2019) together.
  const yearOne = await tl.root.evaluate((root) => {
    const out = [];
    let inside = false;
    for (const li of root.querySelectorAll(".mt-rows > li")) {
      if (li.classList.contains("mt-year")) inside = li.textContent.trim() === "year 1";
      else if (inside) out.push(li.querySelector("[data-org]")?.dataset.org);
    }
    return out;
  });
  assert.ok(yearOne.includes("rsm") && yearOne.includes("dzns"), `${yearOne}`);
  const overflow = await tl.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
  await tl.close();
});

test("in Russian the toggle, the axis and the ages read in Russian", async () => {
  const tl = await env.open("#align=founding&lang=ru&event=rsm-dissolution");
  assert.equal((await toggle(tl).textContent()).trim(), "Отсчёт от основания");
  const ticks = (await tl.ticks().allTextContents()).map((t) => t.trim());
  assert.ok(ticks.some((t) => /^\d+-й год$/.test(t)), `${ticks}`);
  const age = await tl.root.locator('[data-testid="details-age"]').textContent();
  assert.match(age, /через 13 лет, 2 месяца и 1 день после основания/);
  await tl.close();
});

test("mount() takes align, and the element's align attribute switches it", async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  await page.goto(`${env.server.url}/fixtures/mount.html`);
  const root = (sel) => page.locator(`${sel} >> css=[data-testid="timeline-root"]`);
  await root("#w0").and(page.locator('[data-state="ready"]')).waitFor();
  await page.evaluate(async () => {
    const { mount } = await import("/movement-timeline.js");
    const el = document.createElement("div");
    el.id = "aligned";
    el.className = "widget";
    document.body.append(el);
    await mount(el, { dataUrl: "/data/movements.json", align: "founding" });
    const tag = document.createElement("movement-timeline");
    tag.id = "tag";
    tag.setAttribute("src", "/data/movements.json");
    document.body.append(tag);
  });
  await until(async () => (await root("#aligned").getAttribute("data-align")) === "founding", "mounted aligned");
  await root("#tag").and(page.locator('[data-state="ready"]')).waitFor();
  assert.equal(await root("#tag").getAttribute("data-align"), "calendar");
  await page.evaluate(() => document.getElementById("tag").setAttribute("align", "founding"));
  await until(async () => (await root("#tag").getAttribute("data-align")) === "founding", "the attribute aligns it");
  await page.context().close();
});
