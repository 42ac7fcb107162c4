// The zoomable timeline as a user drives it: wheel, drag, buttons, keys,
// clusters, details with sources, keyboard-only use and the list view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, TimelinePage } from "../lib.mjs";

const env = useBrowser();

const ms = (iso) => Date.parse(iso);
const DAY = 86400000;

const open = (options) => env.open("", options);

test("wheel over 2020 narrows the window around the cursor", async () => {
  const tl = await open();
  const before = await tl.window();
  const box = await tl.plot().boundingBox();
  const s = ms(before.start), e = ms(before.end);
  const anchor = ms("2020-07-01");
  const x = box.x + ((anchor - s) / (e - s)) * box.width;
  await tl.page.mouse.move(x, box.y + 60);
  await tl.page.mouse.wheel(0, -400);
  const after = await tl.waitWindowChange(before);
  const s2 = ms(after.start), e2 = ms(after.end);
  assert.ok(e2 - s2 < (e - s) * 0.8, `span shrank: ${JSON.stringify({ before, after })}`);
  // The day under the cursor stays under the cursor (within two days).
  const under = s2 + ((x - box.x) / box.width) * (e2 - s2);
  assert.ok(Math.abs(under - anchor) < 2 * DAY + (e2 - s2) / box.width, `${new Date(under).toISOString()}`);
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("dragging pans without changing the zoom", async () => {
  const tl = await open();
  await tl.root.locator('[data-testid="zoom-in"]').click();
  await tl.root.locator('[data-testid="zoom-in"]').click();
  const before = await tl.window();
  await tl.drag(200);
  const after = await tl.waitWindowChange(before);
  const span = (w) => ms(w.end) - ms(w.start);
  assert.ok(ms(after.start) < ms(before.start), "dragging right shows earlier dates");
  assert.ok(Math.abs(span(after) - span(before)) <= 2 * DAY, "same zoom");
  await tl.close();
});

test("zoom buttons, + and - keys, arrow keys and Home pan and zoom; fit shows 1990s to 2024", async () => {
  const tl = await open();
  const span = (w) => ms(w.end) - ms(w.start);
  const fit = await tl.window();
  assert.ok(fit.start <= "1990-01-01" && fit.end >= "2024-05-08", `fit: ${JSON.stringify(fit)}`);

  await tl.root.locator('[data-testid="zoom-in"]').click();
  const zin = await tl.waitWindowChange(fit);
  assert.ok(span(zin) < span(fit) * 0.6);

  await tl.plot().focus();
  await tl.page.keyboard.press("+");
  const plus = await tl.waitWindowChange(zin);
  assert.ok(span(plus) < span(zin));
  await tl.page.keyboard.press("-");
  const minus = await tl.waitWindowChange(plus);
  assert.ok(span(minus) > span(plus));

  await tl.page.keyboard.press("ArrowRight");
  const right = await tl.waitWindowChange(minus);
  assert.ok(right.start > minus.start, "ArrowRight shows later dates");
  await tl.page.keyboard.press("Home");
  const home = await tl.waitWindowChange(right);
  assert.equal(home.start, fit.start, "Home goes to the start of the data");

  await tl.root.locator('[data-testid="zoom-out"]').click();
  await tl.root.locator('[data-testid="zoom-fit"]').click();
  await tl.page.waitForFunction(
    (f) => document.querySelector('[data-testid="timeline-root"]').getAttribute("data-window-start") === f,
    fit.start,
  );
  assert.deepEqual(await tl.window(), fit);
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("zoomed into 2020, the 17 October congress and the December refusal are separate labelled marks", async () => {
  const tl = await open();
  await tl.showRange("2020-01-01", "2020-12-31");
  const congress = tl.event("dzns-socialist-party-congress");
  const refusal = tl.event("dzns-registration-refused");
  await congress.waitFor();
  await refusal.waitFor();
  assert.match(await congress.locator(".mt-label").textContent(), /Founding congress/);
  assert.match(await refusal.locator(".mt-label").textContent(), /^The Ministry/);
  const a = await congress.locator(".mt-label").boundingBox();
  const b = await refusal.locator(".mt-label").boundingBox();
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  assert.ok(!overlap, `labels overlap: ${JSON.stringify({ a, b })}`);
  assert.match(await congress.getAttribute("aria-label"), /^Congress — 17 October 2020 — For a New Socialism/);
  await tl.close();
});

test("a dense cluster shows its count and opens on click", async () => {
  const tl = await open({ width: 800, height: 700 });
  const cluster = tl.root.locator('[data-testid="cluster"]').first();
  await cluster.waitFor();
  const count = Number(await cluster.getAttribute("data-count"));
  assert.ok(count >= 1);
  const before = await tl.window();
  await cluster.click();
  const after = await tl.waitWindowChange(before);
  assert.ok(ms(after.end) - ms(after.start) < ms(before.end) - ms(before.start), "the cluster zooms in");
  await tl.close();
});

test("clicking the dissolution of RSM shows its verbatim source quote", async () => {
  const tl = await open();
  await tl.showRange("2023-10-01", "2024-09-30");
  await tl.event("rsm-dissolution").click();
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  assert.equal(await details.getAttribute("data-event-id"), "rsm-dissolution");
  const text = await details.textContent();
  assert.ok(
    text.includes("in connection with this, on 8 May 2024, it announced the termination of its activities and self-dissolution."),
    text,
  );
  assert.match(text, /8 May 2024/);
  assert.match(text, /Russian Socialist Movement/);
  assert.equal(await tl.event("rsm-dissolution").getAttribute("aria-pressed"), "true", "stays highlighted");
  await tl.page.keyboard.press("Escape");
  await details.waitFor({ state: "detached" });
  await tl.close();
});

test("keyboard only: Tab into the timeline, arrows move between events, Enter opens, Escape closes", async () => {
  const tl = await open();
  // Tab from the top of the page until the plot has focus.
  for (let i = 0; i < 40; i++) {
    await tl.page.keyboard.press("Tab");
    if (await tl.plot().evaluate((el) => el === document.activeElement)) break;
  }
  assert.ok(await tl.plot().evaluate((el) => el === document.activeElement), "the plot is reachable by Tab");
  const activeId = () => tl.page.evaluate(() => document.activeElement?.getAttribute("data-event-id"));
  await tl.page.keyboard.press("Enter");
  await tl.page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "event");
  const first = await activeId();
  await tl.page.keyboard.press("ArrowRight");
  await tl.page.waitForFunction((f) => {
    const id = document.activeElement?.getAttribute("data-event-id");
    return id && id !== f;
  }, first);
  const second = await activeId();
  await tl.page.keyboard.press("Enter");
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  assert.equal(await details.getAttribute("data-event-id"), second);
  await tl.page.keyboard.press("Escape");
  await details.waitFor({ state: "detached" });
  await tl.page.waitForFunction((s) => document.activeElement?.getAttribute("data-event-id") === s, second);
  // Walking right through every event ends on the last one, following it
  // into view as it goes.
  for (let i = 0; i < 40; i++) await tl.page.keyboard.press("ArrowRight");
  await tl.page.waitForFunction(() => document.activeElement?.getAttribute("data-event-id") === "rsm-dissolution");
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("the list view lists exactly the events of the visible window", async () => {
  const tl = await open();
  await tl.showRange("2023-10-01", "2024-09-30");
  await tl.root.locator('[data-testid="list-toggle"]').click();
  const list = tl.root.locator('[data-testid="event-list"]');
  await list.waitFor();
  const ids = await list.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-id")));
  assert.deepEqual(ids, ["rsm-foreign-agent", "rsm-dissolution"]);
  await list.locator("tbody tr button").first().click();
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  assert.equal(await details.getAttribute("data-event-id"), "rsm-foreign-agent");
  await tl.close();
});

test("dark theme and a phone-sized screen render without errors", async () => {
  for (const options of [{ colorScheme: "dark" }, { width: 375, height: 700 }, { width: 320, height: 640 }]) {
    const tl = await open(options);
    assert.ok((await tl.events().count()) > 0, JSON.stringify(options));
    const svgWidth = await tl.root.locator("svg.mt-svg").evaluate((s) => s.getBoundingClientRect().width);
    const rootWidth = await tl.root.evaluate((r) => r.getBoundingClientRect().width);
    assert.ok(svgWidth <= rootWidth, `the plot fits its container at ${JSON.stringify(options)}`);
    assert.deepEqual(tl.consoleErrors, []);
    await tl.close();
  }
});

test("a two-finger pinch zooms in around the fingers' midpoint", async () => {
  const tl = await open({ width: 800, height: 700 });
  const before = await tl.window();
  await tl.plot().evaluate((plot) => {
    const r = plot.getBoundingClientRect();
    const y = r.top + 60;
    const fire = (type, id, x) =>
      plot.dispatchEvent(new PointerEvent(type, {
        pointerId: id, pointerType: "touch", isPrimary: id === 1,
        clientX: r.left + x, clientY: y, bubbles: true, cancelable: true,
      }));
    fire("pointerdown", 1, 350);
    fire("pointerdown", 2, 450);
    for (let step = 1; step <= 5; step++) {
      fire("pointermove", 1, 350 - step * 20);
      fire("pointermove", 2, 450 + step * 20);
    }
    fire("pointerup", 1, 250);
    fire("pointerup", 2, 550);
  });
  const after = await tl.waitWindowChange(before);
  const span = (w) => ms(w.end) - ms(w.start);
  assert.ok(span(after) < span(before) / 2, `pinch out zooms in: ${JSON.stringify({ before, after })}`);
  await tl.close();
});
