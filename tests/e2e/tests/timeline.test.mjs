// The zoomable timeline as a user drives it: wheel, drag, buttons, keys,
// clusters, details with sources, keyboard-only use and the list view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openGenerated } from "../lib.mjs";

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
  const box = await tl.plot().boundingBox();
  await tl.drag(200);
  const after = await tl.waitWindowChange(before);
  const span = (w) => ms(w.end) - ms(w.start);
  assert.ok(Math.abs(span(after) - span(before)) <= 2 * DAY, "same zoom");
  // 200 px to the right shows 200 px' worth of earlier days (the first few
  // pixels of a drag only decide that it is a drag).
  const shifted = (ms(before.start) - ms(after.start)) / (span(before) / box.width);
  assert.ok(shifted > 185 && shifted < 215, `moved ${shifted.toFixed(1)} px for a 200 px drag`);
  await tl.close();
});

test("a drag that starts on an event pans and opens nothing; a click on it still opens it", async () => {
  const tl = await open();
  await tl.showRange("2019-01-01", "2021-12-31");
  const before = await tl.window();
  const mark = tl.root.locator('[data-testid="event"][data-event-id="dzns-first-congress"]');
  const box = await mark.boundingBox();
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await tl.page.mouse.move(x, y);
  await tl.page.mouse.down();
  await tl.page.mouse.move(x - 60, y, { steps: 3 });
  await tl.page.mouse.move(x - 120, y, { steps: 3 });
  await tl.page.mouse.up();
  await tl.waitWindowChange(before);
  // Two frames for anything the click would have opened.
  await tl.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await tl.root.locator('[data-testid="event-details"]').count(), 0, "the drag opened the details");
  await mark.click();
  await tl.root.locator('[data-testid="event-details"][data-event-id="dzns-first-congress"]').waitFor();
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("zoom buttons, + and - keys, arrow keys and Home pan and zoom; fit shows 2011 to today", async () => {
  const tl = await open();
  const span = (w) => ms(w.end) - ms(w.start);
  const fit = await tl.window();
  assert.ok(fit.start > "2010-01-01" && fit.start < "2011-03-06" && fit.end >= "2024-05-08", `fit: ${JSON.stringify(fit)}`);

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
  assert.ok(home.start < "1990-01-01", `Home goes to the start of the data, the 1990s: ${home.start}`);

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
  // The refusal is dated December 2020: the window reaches into January.
  await tl.showRange("2020-01-01", "2021-01-31");
  const congress = tl.event("dzns-socialist-party-congress");
  const refusal = tl.event("dzns-registration-refused");
  await congress.waitFor();
  await refusal.waitFor();
  assert.equal(await congress.locator(".mt-label").textContent(), "Party's founding congress");
  assert.equal(await refusal.locator(".mt-label").textContent(), "Registration refused");
  const a = await congress.locator(".mt-label").boundingBox();
  const b = await refusal.locator(".mt-label").boundingBox();
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  assert.ok(!overlap, `labels overlap: ${JSON.stringify({ a, b })}`);
  assert.equal(await congress.getAttribute("aria-label"), "Party's founding congress — Congress — 17 October 2020 — For a New Socialism — Founding congress of the Socialist Party, with delegates from 53 constituent entities");
  await tl.close();
});

test("clusters count exactly the events not drawn, and a click opens one", async () => {
  const tl = await open({ width: 700, height: 700 });
  const cluster = tl.root.locator('[data-testid="cluster"]').first();
  await cluster.waitFor();
  const drawn = new Set(await tl.events().evaluateAll((es) => es.map((e) => e.dataset.eventId)));
  const counts = await tl.root.locator('[data-testid="cluster"], [data-testid^="reveal-"]').evaluateAll((cs) => cs.map((c) => Number(c.dataset.count)));
  assert.equal(drawn.size + counts.reduce((a, b) => a + b, 0), 30, `every event is drawn or counted once, in a cluster or at an edge: ${drawn.size} + ${counts}`);
  const count = Number(await cluster.getAttribute("data-count"));
  assert.match(await cluster.getAttribute("aria-label"), new RegExp(`^${count} events`));
  const before = await tl.window();
  await cluster.click();
  const after = await tl.waitWindowChange(before);
  assert.ok(ms(after.end) - ms(after.start) < ms(before.end) - ms(before.start), "the cluster zooms in");
  const now = await tl.events().evaluateAll((es) => es.map((e) => e.dataset.eventId));
  const opened = now.filter((id) => !drawn.has(id));
  assert.ok(opened.length >= Math.min(count, 2), `the cluster's events are drawn now: ${opened}`);
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
  // Home and End jump to the first and last event; ↑ and ↓ change lanes.
  const focusedOn = (f) => tl.page.waitForFunction(f, null, { timeout: 5000 });
  await tl.page.keyboard.press("Home");
  await focusedOn(() => document.activeElement?.dataset.eventId === "dzns-predecessor-movement");
  await tl.page.keyboard.press("End");
  await focusedOn(() => document.activeElement?.dataset.eventId === "rsm-dissolution");
  await tl.page.keyboard.press("ArrowUp");
  await focusedOn(() => document.activeElement?.dataset.org === "dzns");
  await tl.page.keyboard.press("ArrowDown");
  await focusedOn(() => document.activeElement?.dataset.org === "rsm");
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

/** Relative luminance of a computed CSS colour ("rgb(r, g, b)"). */
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test("the dark theme is dark, the light one light, and a phone-sized screen fits", async () => {
  for (const options of [{ colorScheme: "dark" }, { colorScheme: "light" }, { width: 375, height: 700 }, { width: 320, height: 640 }]) {
    const tl = await open(options);
    assert.ok((await tl.events().count()) > 0, JSON.stringify(options));
    const [bg, fg] = await tl.root.evaluate((r) => [getComputedStyle(r).backgroundColor, getComputedStyle(r).color]);
    if (options.colorScheme === "dark") {
      assert.ok(luminance(bg) < 0.05 && luminance(fg) > 0.6, `dark: background ${bg}, text ${fg}`);
    } else {
      assert.ok(luminance(bg) > 0.9 && luminance(fg) < 0.05, `light: background ${bg}, text ${fg}`);
    }
    const overflow = await tl.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal overflow at ${JSON.stringify(options)}: ${overflow}px`);
    assert.deepEqual(tl.consoleErrors, []);
    await tl.close();
  }
});

test("the Theme button cycles automatic, light and dark, and the page follows", async () => {
  const tl = await open({ colorScheme: "dark" });
  const button = tl.root.locator('[data-testid="theme-toggle"]');
  const bg = () => tl.root.evaluate((r) => getComputedStyle(r).backgroundColor);
  assert.ok(luminance(await bg()) < 0.05, "automatic follows the system's dark scheme");
  await button.click();
  await tl.page.waitForFunction(() => location.hash.includes("theme=light"));
  assert.ok(luminance(await bg()) > 0.9, "light");
  await button.click();
  await tl.page.waitForFunction(() => location.hash.includes("theme=dark"));
  assert.ok(luminance(await bg()) < 0.05, "dark");
  await button.click();
  await tl.page.waitForFunction(() => !location.hash.includes("theme="));
  assert.ok(luminance(await bg()) < 0.05, "automatic again");
  await tl.close();
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
  // The fingers spread symmetrically around x = 400 px: the day there stays.
  const width = (await tl.plot().boundingBox()).width;
  const dayAt = (w, x) => ms(w.start) + (x / width) * span(w);
  const drift = Math.abs(dayAt(after, 400) - dayAt(before, 400)) / (span(after) / width);
  assert.ok(drift < 3, `the midpoint's day moved ${drift.toFixed(1)} px`);
  await tl.close();
});

test("at 10,000 events the marks stay under the pointer in every frame of a drag", async () => {
  const { context, page, tl } = await openGenerated(env, 10000, 3);
  const box = await tl.plot().boundingBox();
  const y = box.y + box.height / 2;
  // Into a few years, where a drag moves hundreds of marks.
  await page.mouse.move(box.x + box.width / 2, y);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -150);
  await tl.settle(20000);
  // What each frame shows, read after the page's own animation-frame
  // work and before paint (a resize observer's turn): where a few marks
  // near the middle are, and where the pointer was.
  await page.evaluate(() => {
    const root = document.getElementById("w0").shadowRoot ?? document.getElementById("w0");
    const mid = root.querySelector(".mt-plot").getBoundingClientRect();
    const ids = [...root.querySelectorAll('[data-testid="event"]')]
      .filter((m) => Math.abs(m.getBoundingClientRect().x - (mid.x + mid.width / 2)) < mid.width / 6)
      .slice(0, 20)
      .map((m) => m.getAttribute("data-event-id"));
    const frames = (window.__frames = []);
    let pointer = null;
    // The pointer's x from a press until it moves with no button down:
    // after the release the marks must stay put while the last pan lands.
    addEventListener("pointermove", (e) => { pointer = e.buttons & 1 ? e.clientX : null; }, { capture: true });
    addEventListener("pointerdown", (e) => { pointer = e.clientX; }, { capture: true });
    const tick = document.body.appendChild(document.createElement("div"));
    let n = 0;
    new ResizeObserver(() => {
      // The glyph, not the whole mark: a label may change sides when the
      // lanes are laid out again.
      const at = {};
      for (const id of ids) {
        const g = root.querySelector(`[data-event-id="${id}"] .mt-glyph:not(.mt-choice)`);
        if (g) at[id] = g.getBoundingClientRect().x;
      }
      const start = root.querySelector('[data-testid="timeline-root"]').getAttribute("data-window-start");
      frames.push({ pointer, at, start });
    }).observe(tick);
    const step = () => {
      tick.style.width = `${++n % 2}px`;
      if (!window.__stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  // Back and forth: each way passes a quarter of the width, where the
  // drag is sent as a pan and the lanes are laid out again.
  for (const dx of [-700, 700, -700, 700]) {
    const x0 = box.x + box.width / 2 - dx / 2;
    await page.mouse.move(x0, y);
    await page.mouse.down();
    await page.mouse.move(x0 + dx, y, { steps: 50 });
    await page.mouse.up();
    await tl.settle(20000);
  }
  const frames = await page.evaluate(() => { window.__stop = true; return window.__frames; });
  // Between two frames a mark moves as far as the pointer did (it may be
  // laid out again, or leave): a frame drawn with the lanes already moved
  // and the drag's transform still on shows it a quarter-width away.
  let compared = 0;
  const wrong = [];
  for (let i = 1; i < frames.length; i++) {
    const [a, b] = [frames[i - 1], frames[i]];
    if (a.pointer === null || b.pointer === null) continue;
    const moved = b.pointer - a.pointer;
    for (const id of Object.keys(b.at)) {
      if (!(id in a.at)) continue;
      compared++;
      const off = b.at[id] - a.at[id] - moved;
      if (Math.abs(off) > 40) wrong.push({ frame: i, id, off: Math.round(off), moved });
    }
  }
  assert.ok(compared > 100, `marks followed over ${compared} frame pairs`);
  // The drags were sent as pans, and the lanes laid out again, many times.
  const starts = new Set(frames.map((f) => f.start));
  assert.ok(starts.size >= 8, `the window moved ${starts.size - 1} times`);
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${compared} mark moves were not the pointer's`);
  assert.deepEqual(tl.consoleErrors, []);
  await context.close();
});

test("a drag past the start of the data leaves the drawing where the data starts", async () => {
  const tl = await open();
  await tl.plot().focus();
  const fit = await tl.window();
  await tl.page.keyboard.press("+");
  const zoomed = await tl.waitWindowChange(fit);
  await tl.page.keyboard.press("Home");
  const home = await tl.waitWindowChange(zoomed);
  // Further back than the data goes: the window cannot follow.
  await tl.drag(600);
  await tl.settle();
  assert.deepEqual(await tl.window(), home, "the window stays at the start of the data");
  const moved = await tl.root.locator('[style*="transform"]').evaluateAll((gs) => gs.map((g) => g.style.transform).filter(Boolean));
  assert.deepEqual(moved, [], "no group is left moved by the drag");
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});
