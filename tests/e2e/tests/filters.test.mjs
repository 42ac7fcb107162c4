// Filtering by organisation, kind and text, and the view kept in the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, TimelinePage, until } from "../lib.mjs";

const env = useBrowser();

const open = (hash, options) => env.open(hash, options);
const ids = (tl) => tl.events().evaluateAll((es) => es.map((e) => e.getAttribute("data-event-id")));
const orgsOf = (tl) => tl.events().evaluateAll((es) => [...new Set(es.map((e) => e.getAttribute("data-org")))]);
const laneOrgs = (tl) => tl.lanes().evaluateAll((ls) => ls.map((l) => l.getAttribute("data-org")));
const toggle = (tl, org) => tl.root.locator(`[data-testid="org-toggle"][data-org="${org}"]`);

test("turning DZNS off leaves only RSM marks, lanes and counts", async () => {
  const tl = await open();
  assert.match(await toggle(tl, "dzns").textContent(), /DZNS\s+21\/21/);
  await toggle(tl, "dzns").click();
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="lane"]').length === 1);
  assert.deepEqual(await laneOrgs(tl), ["rsm"]);
  assert.deepEqual(await orgsOf(tl), ["rsm"]);
  assert.equal(await toggle(tl, "dzns").getAttribute("aria-pressed"), "false");
  assert.match(await toggle(tl, "dzns").textContent(), /0\/21/);
  assert.match(await toggle(tl, "rsm").textContent(), /9\/9/);
  assert.match(tl.page.url(), /#orgs=rsm/);
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("typing “foreign agent” leaves the designation and the dissolution it led to", async () => {
  const tl = await open();
  await tl.root.locator('[data-testid="search"]').fill("foreign agent");
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="event"]').length === 2);
  assert.deepEqual(await ids(tl), ["rsm-foreign-agent", "rsm-dissolution"]);
  assert.match(tl.page.url(), /q=foreign%20agent/);
  await tl.close();
});

test("Cyrillic search ignores case, ё/е and й/и", async () => {
  const tl = await open();
  const search = tl.root.locator('[data-testid="search"]');
  // (The Russian translations are searched too, so the query names the
  // RSM's own words: "Российское движение" alone also finds the DZNS lane's
  // 1990s "Российское движение за новый социализм".)
  for (const q of ["РОССИЙСКОЕ СОЦИАЛИСТИЧЕСКОЕ", "российское социалистическоё", "россииское социалистическое"]) {
    await search.fill(q);
    await tl.page.waitForFunction(() => {
      const orgs = [...document.querySelectorAll('[data-testid="event"]')].map((e) => e.dataset.org);
      return orgs.length > 0 && orgs.every((o) => o === "rsm");
    });
    assert.match(await toggle(tl, "rsm").textContent(), /9\/9/, q);
    assert.match(await toggle(tl, "dzns").textContent(), /0\/21/, q);
  }
  await tl.close();
});

test("Reset filters clears organisations, kinds and text at once", async () => {
  const tl = await open("#orgs=rsm&kinds=founding&q=movement");
  const reset = tl.root.locator('[data-testid="reset-filters"]');
  assert.equal(await reset.isDisabled(), false);
  await reset.click();
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="lane"]').length === 2);
  assert.equal(await tl.root.locator('[data-testid="search"]').inputValue(), "");
  assert.match(await toggle(tl, "dzns").textContent(), /21\/21/);
  assert.equal(await tl.root.locator('[data-testid="kind-toggle"][aria-pressed="false"]').count(), 0);
  assert.equal(await reset.isDisabled(), true, "nothing left to reset");
  await tl.page.waitForFunction(() => !/orgs=|kinds=|q=/.test(location.hash));
  await tl.close();
});

test("kinds filter through the legend, and counts follow", async () => {
  const tl = await open();
  const congress = tl.root.locator('[data-testid="kind-toggle"][data-kind="congress"]');
  assert.equal(await congress.getAttribute("aria-pressed"), "true");
  assert.doesNotMatch(await congress.textContent(), /\d+\/\d+/, "no counts while nothing is filtered");
  const congresses = await tl.page.evaluate(async () =>
    (await (await fetch("data/movements.json")).json()).events.filter((e) => e.kind === "congress").length);
  await congress.click();
  await tl.page.waitForFunction(() => !document.querySelector('[data-testid="event"][data-kind="congress"]'));
  assert.equal(await congress.getAttribute("aria-pressed"), "false");
  assert.match(await congress.textContent(), new RegExp(`0/${congresses}`), "counts appear once a filter hides some");
  const clusters = await tl.root.locator('[data-testid="cluster"], [data-testid^="reveal-"]').evaluateAll((cs) =>
    cs.reduce((n, c) => n + Number(c.getAttribute("data-count")), 0));
  const marks = await tl.events().count();
  assert.equal(marks + clusters, 30 - congresses, "every event but the congresses is drawn, or counted in a cluster or at an edge");
  await tl.close();
});

test("the legend stays as the reader left it when the width crosses the phone's", async () => {
  const tl = await open("", { width: 375, height: 800 });
  const legend = tl.root.locator(".mt-legend");
  const isOpen = () => legend.evaluate((d) => d.open);
  const resize = async (width) => {
    await tl.page.setViewportSize({ width, height: 800 });
    // The widget has laid itself out for the new width when its lanes or
    // rows say which layout they are.
    const layout = width > 640 ? "horizontal" : "vertical";
    await tl.page.waitForFunction((l) =>
      document.querySelector('[data-testid="timeline-root"]').getAttribute("data-layout") === l, layout);
    await tl.settle();
  };
  assert.equal(await isOpen(), false, "a phone starts with the legend folded");
  await legend.locator("summary").click();
  await until(isOpen, "the legend opened by the reader");
  await resize(1000);
  await resize(375);
  assert.equal(await isOpen(), true, "opened on the phone, it stays open after turning the phone twice");
  await legend.locator("summary").click();
  await until(async () => !(await isOpen()), "the legend folded by the reader");
  await resize(1280);
  assert.equal(await isOpen(), false, "folded by the reader, it stays folded on a wide screen");
  // The browser may open it itself (find in page): one click folds it.
  await legend.evaluate((d) => { d.open = true; });
  await tl.settle();
  await legend.locator("summary").click();
  await until(async () => !(await isOpen()), "folded with one click after the browser opened it");
  await tl.settle();
  assert.equal(await isOpen(), false, "and it stays folded");

  // A reader who never touched it: it follows the width.
  const fresh = await open("", { width: 1280, height: 800 });
  const freshOpen = () => fresh.root.locator(".mt-legend").evaluate((d) => d.open);
  assert.equal(await freshOpen(), true, "a wide widget starts with the legend open");
  await fresh.page.setViewportSize({ width: 375, height: 800 });
  await until(async () => !(await freshOpen()), "folded at a phone's width");
  // From the keyboard as well.
  await fresh.root.locator(".mt-legend summary").press("Enter");
  await until(freshOpen, "opened with Enter");
  await fresh.root.locator(".mt-legend summary").press(" ");
  await until(async () => !(await freshOpen()), "folded with Space");
  assert.deepEqual([...tl.consoleErrors, ...fresh.consoleErrors], []);
  await tl.close();
  await fresh.close();
});

test("when nothing matches the widget says so and reset brings everything back", async () => {
  const tl = await open();
  await tl.root.locator('[data-testid="search"]').fill("no such thing anywhere");
  const empty = tl.root.locator(".mt-empty");
  await empty.waitFor();
  assert.match(await empty.textContent(), /No events match/);
  await empty.locator("button").click();
  await empty.waitFor({ state: "detached" });
  assert.equal(await tl.root.locator('[data-testid="search"]').inputValue(), "");
  assert.ok((await tl.events().count()) > 10);
  await tl.close();
});

test("#orgs=rsm&from=2024-01&to=2024-12 opened fresh shows RSM's 2024 events only", async () => {
  const tl = await open("#orgs=rsm&from=2024-01&to=2024-12");
  assert.deepEqual(await laneOrgs(tl), ["rsm"]);
  assert.deepEqual(await ids(tl), ["rsm-foreign-agent", "rsm-dissolution"]);
  const w = await tl.window();
  assert.ok(w.start >= "2023-12-01" && w.start <= "2024-01-15" && w.end >= "2024-12-15" && w.end <= "2025-02-01", JSON.stringify(w));
  assert.deepEqual(tl.consoleErrors, []);
  await tl.close();
});

test("with a filter on, Fit shows the span of the shown events", async () => {
  const tl = await open("#orgs=rsm");
  await tl.root.locator('[data-testid="zoom-fit"]').click();
  await tl.page.waitForFunction(() =>
    document.querySelector('[data-testid="timeline-root"]').getAttribute("data-window-start") > "2010-01-01");
  const w = await tl.window();
  assert.ok(w.start < "2011-03-06" && w.end > "2024-05-08" && w.end < "2025-06-01", JSON.stringify(w));
  await tl.close();
});

test("a link restores the selected event, list and theme", async () => {
  const tl = await open("#from=2024-01&to=2024-12&event=rsm-dissolution&list=1&theme=dark");
  const details = tl.root.locator('[data-testid="event-details"]');
  await details.waitFor();
  assert.equal(await details.getAttribute("data-event-id"), "rsm-dissolution");
  await tl.root.locator('[data-testid="event-list"]').waitFor();
  assert.match(await tl.root.getAttribute("class"), /mt-theme-dark/);
  await tl.close();
});

test("back restores the previous view, forward redoes it", async () => {
  const tl = await open();
  await toggle(tl, "dzns").click();
  await tl.page.waitForFunction(() => location.hash.includes("orgs=rsm"));
  await tl.page.goBack();
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="lane"]').length === 2);
  assert.equal(await toggle(tl, "dzns").getAttribute("aria-pressed"), "true");
  await tl.page.goForward();
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="lane"]').length === 1);
  assert.deepEqual(await laneOrgs(tl), ["rsm"]);
  await tl.close();
});

test("back and forward also step through selection, list and theme", async () => {
  const tl = await open("#orgs=rsm&from=2024-01&to=2024-12");
  const details = tl.root.locator('[data-testid="event-details"]');
  const list = tl.root.locator('[data-testid="event-list"]');
  const dark = () => tl.root.evaluate((r) => r.classList.contains("mt-theme-dark"));
  await tl.event("rsm-dissolution").click();
  await tl.page.waitForFunction(() => location.hash.includes("event=rsm-dissolution"));
  await tl.root.locator('[data-testid="list-toggle"]').click();
  await tl.page.waitForFunction(() => location.hash.includes("list=1"));
  await tl.root.locator('[data-testid="theme-toggle"]').click();
  await tl.root.locator('[data-testid="theme-toggle"]').click();
  await tl.page.waitForFunction(() => location.hash.includes("theme=dark"));
  assert.equal(await dark(), true);

  await tl.page.goBack(); // theme dark -> light
  await tl.page.waitForFunction(() => location.hash.includes("theme=light"));
  await tl.page.goBack(); // light -> automatic
  await tl.page.waitForFunction(() => !location.hash.includes("theme="));
  assert.equal(await dark(), false);
  await tl.page.goBack(); // the list closes
  await list.waitFor({ state: "detached" });
  await tl.page.goBack(); // the selection goes
  await details.waitFor({ state: "detached" });
  await tl.page.goForward(); // and comes back
  await details.waitFor();
  assert.equal(await details.getAttribute("data-event-id"), "rsm-dissolution");
  await tl.page.goForward();
  await list.waitFor();
  await tl.close();
});

test("wheel zooming replaces the history entry instead of adding one per tick", async () => {
  const tl = await open();
  const length = () => tl.page.evaluate(() => history.length);
  const before = await length();
  const box = await tl.plot().boundingBox();
  await tl.page.mouse.move(box.x + box.width * 0.8, box.y + 50);
  for (let i = 0; i < 5; i++) await tl.page.mouse.wheel(0, -100);
  await tl.page.waitForFunction(() => location.hash.includes("from="));
  await tl.settle();
  assert.equal(await length(), before, "five wheel steps, no new history entry");
  await tl.close();
});

test("a garbage fragment still renders the default view", async () => {
  const tl = await open("#%%%&orgs=<script>&from=nonsense&to=2020-13&kinds=bogus&zzz");
  assert.deepEqual(await laneOrgs(tl), ["dzns", "rsm"]);
  assert.ok((await tl.events().count()) > 10);
  assert.deepEqual(tl.consoleErrors, [], "warnings only, no errors");
  await tl.close();
});

test("copy link puts the current view's address on the clipboard", async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  const page = await context.newPage();
  const tl = new TimelinePage(page);
  await page.goto(`${env.server.url}/#orgs=rsm`);
  await tl.waitReady();
  await tl.root.locator('[data-testid="copy-link"]').click();
  await tl.root.locator(".mt-copy-status", { hasText: "Link copied" }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#orgs=rsm$/);
  await context.close();
});
