// The widget in Russian: dates, numbers, buttons, legend and tables as a
// Russian reader writes them; quotes stay in English; the language is kept
// in the link and taken from an embed's `lang` attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TimelinePage, useBrowser } from "../lib.mjs";

const env = useBrowser();
const CONGRESS = "dzns-socialist-party-congress";

async function open(hash, width = 1280, height = 900) {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/${hash}`, { width, height });
  await tl.waitReady();
  return tl;
}

const text = (tl, id) => tl.root.locator(`[data-testid="${id}"]`).first().textContent().then((t) => t.trim());

for (const width of [1280, 375]) {
  test(`at ${width} px in Russian: the congress is on 17 октября 2020, the chart reads 78 987, the controls are Russian`, async () => {
    const tl = await open(`#lang=ru&event=${CONGRESS}`, width);
    assert.equal(await tl.root.getAttribute("lang"), "ru");
    const details = tl.root.locator('[data-testid="event-details"]');
    await details.waitFor();
    const d = await details.textContent();
    assert.match(d, /17 октября 2020/, "the date with a day takes the genitive month");
    assert.match(d, /Учредительный съезд Социалистической партии/, "the title is the translation");
    assert.match(d, /перевод с английского/, "a translation says it is one");
    assert.match(d, /The founding congress/i, "the quote stays in English");
    assert.equal(await details.locator("blockquote").getAttribute("lang"), "en");
    assert.equal(await text(tl, "zoom-fit"), "Весь период");
    assert.equal(await text(tl, "list-toggle"), "Список");
    assert.equal(await text(tl, "reset-filters"), "Сбросить фильтры");
    const legend = await tl.root.locator('[data-testid="kind-toggle"]').allTextContents();
    assert.ok(legend.some((t) => /Съезд/.test(t)) && legend.some((t) => /Арест/.test(t)), `the legend is Russian: ${legend}`);
    // Buttons fit: nothing in the toolbar overflows the widget.
    const overflow = await tl.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal overflow: ${overflow}px`);
    // The chart's last count, read in Russian grouping.
    const last = tl.root.locator('[data-testid="chart-point"][data-members="78987"]');
    await last.focus();
    await tl.page.waitForFunction(() => /78\s987/.test(document.querySelector(".mt-readout")?.textContent ?? ""));
    assert.match(await last.getAttribute("aria-label"), /^78\s987 участников — 2021/);
    await tl.close();
  });
}

test("in Russian the list view's headers are Russian and its dates read as a Russian reader writes them", async () => {
  const tl = await open("#lang=ru&list=1");
  const list = tl.root.locator('[data-testid="event-list"]');
  await list.waitFor();
  const headers = (await list.locator("th[scope=col]").allTextContents()).map((t) => t.trim());
  assert.deepEqual(headers.slice(0, 4), ["Дата", "Организация", "Вид", "Событие"]);
  const row = await list.locator(`tr[data-event-id="${CONGRESS}"]`).textContent();
  assert.match(row, /17 октября 2020/);
  const refused = await list.locator('tr[data-event-id="dzns-registration-refused"]').textContent();
  assert.match(refused, /декабрь 2020\?/, "a month alone is nominative, and uncertainty shows");
  await tl.close();
});

test("#lang=ru round-trips: the switch writes it, a fresh load reads it, English removes it", async () => {
  const tl = await open("");
  assert.equal(await tl.root.getAttribute("lang"), "en");
  await tl.root.locator('[data-testid="lang-toggle"][data-lang="ru"]').click();
  await tl.page.waitForFunction(() => location.hash.includes("lang=ru"));
  assert.equal(await text(tl, "zoom-fit"), "Весь период");
  const link = tl.page.url();
  const fresh = await TimelinePage.open(env.browser, link);
  await fresh.waitReady();
  assert.equal(await fresh.root.getAttribute("lang"), "ru");
  assert.equal(await text(fresh, "list-toggle"), "Список");
  await fresh.root.locator('[data-testid="lang-toggle"][data-lang="en"]').click();
  await fresh.page.waitForFunction(() => !location.hash.includes("lang=ru"));
  assert.equal(await text(fresh, "list-toggle"), "List");
  await fresh.close();
  await tl.close();
});

test("search finds an event by its Russian words", async () => {
  const tl = await open("#lang=ru");
  await tl.root.locator('[data-testid="search"]').fill("домашний арест");
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="event"]').length === 1);
  assert.equal(await tl.events().first().getAttribute("data-event-id"), "dzns-platoshkin-house-arrest");
  await tl.close();
});

test("an embed's lang=\"ru\" attribute turns that widget Russian and leaves its neighbour English", async () => {
  const page = await (await env.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  await page.goto(`${env.server.url}/embed.html`);
  await page.waitForFunction(() => ["#rsm-timeline", "#dzns-timeline"].every((h) =>
    document.querySelector(h)?.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]')));
  await page.evaluate(() => document.querySelector("#rsm-timeline").setAttribute("lang", "ru"));
  const langs = () => page.evaluate(() => ["#rsm-timeline", "#dzns-timeline"].map((h) => {
    const root = document.querySelector(h).shadowRoot.querySelector('[data-testid="timeline-root"]');
    return [root.lang, root.querySelector('[data-testid="zoom-fit"]').textContent.trim()];
  }));
  await page.waitForFunction(() => document.querySelector("#rsm-timeline").shadowRoot.querySelector('[data-testid="timeline-root"]').lang === "ru");
  assert.deepEqual(await langs(), [["ru", "Весь период"], ["en", "Fit"]]);
  await page.context().close();
});
