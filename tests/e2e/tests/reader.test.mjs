// What a reader sees first, at every width: the named events as their own
// marks with whole labels on wide screens, a vertical list of rows on
// phones, the year always on the axis, and Previous / Next through the
// whole history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, TimelinePage, until, useBrowser } from "../lib.mjs";

const env = useBrowser();
const DATA = JSON.parse(readFileSync(join(DIST, "data/movements.json"), "utf8"));
const IMPORTANT = ["founding", "congress", "arrest", "registration-refusal", "dissolution", "designation"];
const NAMED = DATA.events.filter((e) => IMPORTANT.includes(e.kind));

async function open(hash = "", width = 1280, height = 900) {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/${hash}`, { width, height });
  await tl.waitReady();
  await tl.settle();
  return tl;
}

/** What the page shows of each event: its label text and where it is. */
function marks(tl) {
  return tl.root.evaluate((root) => {
    const svg = root.querySelector(".mt-svg");
    const box = svg?.getBoundingClientRect();
    return [...root.querySelectorAll('[data-testid="event"]')].map((e) => {
      const label = e.querySelector(".mt-label, .mt-vlabel");
      const r = label?.getBoundingClientRect();
      return {
        id: e.dataset.eventId,
        label: label?.textContent ?? null,
        inside: !r || !box || (r.left >= box.left - 0.5 && r.right <= box.right + 0.5),
        cut: label ? label.scrollWidth > label.clientWidth + 1 : false,
      };
    });
  });
}

const overflow = (tl) => tl.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [1280, 1024]) {
  test(`at ${width} px, Fit shows every founding, congress, arrest, refusal, dissolution and designation as its own mark with its whole label`, async () => {
    const tl = await open("", width);
    assert.equal(await tl.root.getAttribute("data-layout"), "horizontal");
    const shown = new Map((await marks(tl)).map((m) => [m.id, m]));
    assert.ok(NAMED.length >= 10, `the data has the named events: ${NAMED.length}`);
    // What lies before the first view (the 1990s predecessor) is counted at
    // its edge instead.
    const { start } = await tl.window();
    const earlier = NAMED.filter((e) => e.date < start.slice(0, 4));
    const counted = Number(await tl.root.locator('[data-testid="reveal-earlier"]').getAttribute("data-count"));
    assert.ok(earlier.length >= 1 && counted >= earlier.length, `${earlier.length} named events are counted before the window (${counted})`);
    for (const e of NAMED.filter((n) => !earlier.includes(n))) {
      const m = shown.get(e.id);
      assert.ok(m, `${e.id} (${e.kind}) is its own mark, not in a cluster`);
      assert.equal(m.label, e.label, `${e.id} shows its whole short label`);
      assert.ok(m.inside, `${e.id}'s label lies inside the plot`);
    }
    for (const m of shown.values()) {
      if (m.label) assert.ok(!m.label.endsWith("…"), `${m.id}: no label is cut with an ellipsis (${m.label})`);
    }
    // The label is short; the accessible name keeps the full title.
    const congress = NAMED.find((e) => e.id === "dzns-socialist-party-congress");
    const name = await tl.event(congress.id).getAttribute("aria-label");
    assert.ok(name.startsWith(congress.label) && name.endsWith(congress.title), name);
    assert.ok((await overflow(tl)) <= 0);
    await tl.close();
  });
}

test("the layout follows the widget's own width: vertical below 600 px, horizontal from 600 px", async () => {
  // A 600 px screen leaves the page's widget a little under 600 px: vertical.
  let tl = await open("", 600);
  const width = await tl.root.evaluate((r) => r.getBoundingClientRect().width);
  assert.ok(width < 600, `the widget's box: ${width}`);
  assert.equal(await tl.root.getAttribute("data-layout"), "vertical");
  assert.ok((await overflow(tl)) <= 0, "no horizontal overflow");
  await tl.close();
  // A screen that gives the widget 600 px or more: horizontal, whole labels.
  tl = await open("", 660);
  assert.ok((await tl.root.evaluate((r) => r.getBoundingClientRect().width)) >= 600);
  assert.equal(await tl.root.getAttribute("data-layout"), "horizontal");
  assert.ok((await overflow(tl)) <= 0, "no horizontal overflow");
  for (const m of await marks(tl)) {
    if (m.label) {
      assert.equal(m.label, DATA.events.find((e) => e.id === m.id).label, `${m.id}: a shown label is whole`);
      assert.ok(m.inside, `${m.id}'s label lies inside the plot`);
    }
  }
  await tl.close();
});

for (const width of [375, 320]) {
  test(`at ${width} px the timeline is vertical: every event a row, reachable by scrolling, nothing cut or overflowing`, async () => {
    const tl = await open("", width, 740);
    assert.equal(await tl.root.getAttribute("data-layout"), "vertical");
    const rows = await marks(tl);
    const clustered = await tl.root.evaluate((root) =>
      [...root.querySelectorAll('[data-testid="cluster"], [data-testid^="reveal-"]')].reduce((n, c) => n + Number(c.dataset.count), 0));
    assert.equal(rows.length + clustered, DATA.events.length, "every event is a row or counted in a cluster or at an edge");
    assert.deepEqual(rows.filter((r) => r.cut).map((r) => r.id), [], "no row's label is cut");
    for (const r of rows) assert.equal(r.label, DATA.events.find((e) => e.id === r.id).label);
    assert.ok((await overflow(tl)) <= 0, "no horizontal overflow");
    // Rows are compact (one or two lines of text), and the last one can be scrolled to.
    const heights = await tl.events().evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(Math.max(...heights) < 100, `rows stay compact: ${Math.max(...heights)} px`);
    const last = tl.events().last();
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 740, `the last row scrolls into view: ${JSON.stringify(box)}`);
    // A tap opens its details, as on a wide screen.
    await last.click();
    await tl.root.locator('[data-testid="event-details"]').waitFor();
    await tl.close();
  });
}

test("the axis names the year under months and days, and the decade under years", async () => {
  const majors = async (tl) => (await tl.root.locator('[data-testid="tick-major"]').allTextContents()).map((t) => t.trim());
  let tl = await open("#from=2024-02-08&to=2024-06-01");
  let minor = (await tl.ticks().allTextContents()).join(" ");
  assert.ok(!/2024/.test(minor) || /Feb|Mar|Apr|May/.test(minor), `minor ticks are months: ${minor}`);
  assert.ok((await majors(tl)).some((t) => t.includes("2024")), `the major row names 2024: ${await majors(tl)}`);
  await tl.close();
  tl = await open("#from=2020-10-10&to=2020-10-30");
  assert.ok((await majors(tl)).some((t) => t.includes("2020")), `zoomed to days, the year is on screen: ${await majors(tl)}`);
  await tl.close();
  tl = await open("#from=2005&to=2024");
  assert.ok((await majors(tl)).some((t) => /20[01]0s/.test(t)), `years sit over their decade: ${await majors(tl)}`);
  await tl.close();
});

test("Previous / Next walk all 30 events in time order, the view and the URL follow", async () => {
  const tl = await open("#list=1");
  const rows = tl.root.locator('[data-testid="event-list"] tr[data-event-id]');
  assert.equal(await rows.count(), DATA.events.length - 2, "the first view lists all but the two earlier events");
  await tl.root.locator('[data-testid="reveal-earlier"]').click();
  await until(async () => (await rows.count()) === DATA.events.length, "every event listed once brought in");
  const listed = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.eventId));
  await tl.event(listed[0]).click();
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  const walked = [await details.getAttribute("data-event-id")];
  assert.ok(await tl.root.locator('[data-testid="details-prev"]').isDisabled(), "Previous is disabled at the first event");
  for (let i = 1; i < listed.length; i++) {
    await tl.root.locator('[data-testid="details-next"]').click();
    await tl.page.waitForFunction(([sel, id]) => document.querySelector(sel)?.dataset.eventId !== id,
      ['[data-testid="event-details"]', walked.at(-1)]);
    const id = await details.getAttribute("data-event-id");
    walked.push(id);
    await tl.page.waitForFunction((id) => location.hash.includes(`event=${id}`), id);
  }
  assert.deepEqual(walked, listed, "the walk is the list's time order, every event once");
  assert.ok(await tl.root.locator('[data-testid="details-next"]').isDisabled(), "Next is disabled at the last event");
  // The view followed: the last event lies inside the window.
  const w = await tl.window();
  assert.ok(w.end >= "2024-05-08", `the window follows to the dissolution: ${JSON.stringify(w)}`);
  await tl.root.locator('[data-testid="details-prev"]').click();
  await tl.page.waitForFunction((id) => location.hash.includes(`event=${id}`), listed.at(-2));
  await tl.close();
});
