// Take it with you: the view as SVG and PNG, the shown events as CSV and
// JSON, from the API and from the export menu; and a print of the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, TimelinePage, serveDist, useBrowser } from "../lib.mjs";

const env = useBrowser();
const DATA = JSON.parse(readFileSync(join(DIST, "data/movements.json"), "utf8"));

async function fixture(width = 1280) {
  const page = await (await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true })).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}/fixtures/mount.html`);
  await page.waitForFunction(() => document.querySelector("#w0")?.shadowRoot?.querySelector('[data-testid="timeline-root"][data-state="ready"]'));
  return { page, errors };
}

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r") continue;
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  return rows;
}

test("exportSvg of the Fit view is SVG holding every shown mark's label, the axis years and the sources", async () => {
  const { page, errors } = await fixture();
  const result = await page.evaluate(async () => {
    const svg = await window.__handles[0].exportSvg();
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = document.querySelector("#w0").shadowRoot;
    return {
      parsed: doc.documentElement.localName,
      error: doc.querySelector("parsererror")?.textContent ?? null,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
      labels: [...root.querySelectorAll('[data-testid="event"] .mt-label')].map((t) => t.textContent),
      majors: [...root.querySelectorAll('[data-testid="tick-major"]')].map((t) => t.textContent),
      external: /href|url\(|var\(/.test(svg),
    };
  });
  assert.equal(result.error, null);
  assert.equal(result.parsed, "svg");
  assert.ok(result.labels.length >= 10);
  for (const label of result.labels) assert.ok(result.texts.includes(label), `label ${label}`);
  for (const year of result.majors) assert.ok(result.texts.includes(year), `axis ${year}`);
  assert.ok(result.texts.some((t) => t.startsWith("Sources: Wikipedia")));
  assert.equal(result.external, false, "no external references or custom properties");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("exportPng decodes as an image twice the size of the SVG", async () => {
  const { page } = await fixture();
  const size = await page.evaluate(async () => {
    const h = window.__handles[0];
    const svg = await h.exportSvg();
    const blob = await h.exportPng();
    const bitmap = await createImageBitmap(blob);
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
    return { type: blob.type, w: bitmap.width, h: bitmap.height, sw: Number(doc.getAttribute("width")), sh: Number(doc.getAttribute("height")) };
  });
  assert.equal(size.type, "image/png");
  assert.equal(size.w, Math.round(size.sw * 2));
  assert.equal(size.h, Math.round(size.sh * 2));
  await page.context().close();
});

test("exportCsv with RSM only has 9 rows and a header, and round-trips with quotes intact; JSON holds the same", async () => {
  const { page } = await fixture();
  const out = await page.evaluate(async () => {
    const h = window.__handles[0];
    h.setFilter({ orgs: ["rsm"] });
    return { csv: await h.exportCsv(), json: await h.exportJson() };
  });
  const rows = parseCsv(out.csv);
  assert.equal(rows[0].join(","), "id,organisation,date,earliest,latest,precision,kind,label,title,summary,people,article,section,quote,url,days_since_founding");
  assert.equal(rows.length, 10);
  for (const row of rows.slice(1)) {
    const e = DATA.events.find((x) => x.id === row[0]);
    assert.equal(row[1], "rsm");
    assert.equal(row[2], e.date);
    assert.equal(row[13], e.source.quote, `${e.id}: the quote survives`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.date)) {
      const days = (Date.parse(e.date) - Date.parse("2011-03-07")) / 86400000;
      assert.equal(Number(row[15]), days, `${e.id}: days since the RSM's founding`);
    }
  }
  const json = JSON.parse(out.json);
  assert.deepEqual(json.map((e) => e.id), rows.slice(1).map((r) => r[0]));
  await page.context().close();
});

test("the export menu downloads files named after the view, on the page too", async () => {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/#orgs=dzns&from=2019-03&to=2021-06`, { width: 1280, height: 900 });
  await tl.waitReady();
  const menu = tl.root.locator('[data-testid="export-menu"]');
  assert.equal(await menu.getAttribute("aria-expanded"), "false");
  await menu.click();
  assert.equal(await menu.getAttribute("aria-expanded"), "true");
  const [download] = await Promise.all([
    tl.page.waitForEvent("download"),
    tl.root.locator('[data-testid="export-csv"]').click(),
  ]);
  assert.match(download.suggestedFilename(), /^movement-timeline-2019-2021-dzns\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  // The shown events are those the filters let through, whatever the window.
  assert.equal(parseCsv(text).length - 1, DATA.events.filter((e) => e.org === "dzns").length);
  await menu.click();
  const [svg] = await Promise.all([tl.page.waitForEvent("download"), tl.root.locator('[data-testid="export-svg"]').click()]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  assert.match(readFileSync(await svg.path(), "utf8"), /^<svg xmlns=/);
  await tl.close();
});

test("printing shows the whole shown history, the chart and the list with quotes, light, without controls; the view comes back", async () => {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/#theme=dark&from=2020-01&to=2020-03`, { width: 1280, height: 900 });
  await tl.waitReady();
  const zoomed = await tl.window();
  // What the browser does before it prints (Chromium's own print sends it too).
  await tl.page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await tl.page.waitForFunction(() => document.querySelectorAll('[data-testid="event-list"] tr[data-event-id]').length === 30);
  const fitted = await tl.window();
  assert.ok(fitted.start < "1990-01-01" && fitted.end > "2024-05-08", `the whole history: ${JSON.stringify(fitted)}`);
  const quotes = await tl.root.locator(".mt-print-quote").allTextContents();
  assert.equal(quotes.length, 30);
  assert.ok(quotes.some((q) => q.includes("On May 8, 2024") || q.includes("termination of its activities")), "the dissolution's quote is listed");
  await tl.page.emulateMedia({ media: "print" });
  const seen = await tl.root.evaluate((root) => ({
    toolbar: getComputedStyle(root.querySelector(".mt-toolbar")).display,
    lanes: root.querySelector(".mt-svg").getBoundingClientRect().width,
    chart: !!root.querySelector(".mt-chart-svg"),
    bg: getComputedStyle(root).backgroundColor,
  }));
  assert.equal(seen.toolbar, "none");
  assert.ok(seen.lanes > 500 && seen.chart);
  assert.equal(seen.bg, "rgb(255, 255, 255)", "the dark theme prints light");
  const pdf = await tl.page.pdf({ landscape: true });
  assert.ok(pdf.length > 10000 && pdf.subarray(0, 4).toString() === "%PDF");
  if (process.env.SCREENSHOT_DIR) (await import("node:fs")).writeFileSync(`${process.env.SCREENSHOT_DIR}/print.pdf`, pdf);
  await tl.page.emulateMedia({ media: "screen" });
  await tl.page.evaluate(() => dispatchEvent(new Event("afterprint")));
  await tl.page.waitForFunction(() => !document.querySelector('[data-testid="event-list"]'));
  const back = await tl.window();
  assert.deepEqual(back, zoomed, "the reader's window comes back");
  await tl.close();
});

test("under a policy without img-src blob:, a PNG from the menu is explained in the widget; embed.html, which allows it, exports PNG", async () => {
  const strict = await serveDist({ headers: () => ({ "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" }) });
  try {
    const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${strict.url}/fixtures/mount.html`);
    await page.waitForFunction(() => document.getElementById("w0")?.shadowRoot?.querySelector('[data-state="ready"]'));
    const inWidget = (sel) => page.locator(`#w0 >> css=${sel}`);
    await inWidget('[data-testid="export-menu"]').click();
    await inWidget('[data-testid="export-png"]').click();
    const note = inWidget('[data-testid="export-failed"]');
    await note.waitFor();
    assert.match(await note.textContent(), /PNG export failed: this page's Content-Security-Policy \(without img-src blob:\)/);
    // embed.html's own policy (its meta tag, the only policy on that page
    // here) allows the image: its widgets export PNG.
    await page.goto(`${env.server.url}/embed.html`);
    await page.waitForFunction(() => document.querySelector("#rsm-timeline")?.handle);
    await page.waitForFunction(() => document.querySelector("#rsm-timeline").shadowRoot.querySelector('[data-state="ready"]'));
    const type = await page.evaluate(async () => (await document.querySelector("#rsm-timeline").handle.exportPng()).type);
    assert.equal(type, "image/png");
    await page.context().close();
  } finally {
    await strict.close();
  }
});
