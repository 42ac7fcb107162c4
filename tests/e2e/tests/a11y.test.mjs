// Accessibility audited by a tool: axe-core (pinned in package-lock.json)
// runs the WCAG 2.0/2.1/2.2 A and AA rules over every view a reader
// reaches, inside shadow roots too. Any violation fails the test, listing
// each rule, node and summary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { serveDist, useBrowser } from "../lib.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const env = useBrowser();

/** Runs axe on the page as it is now; returns the violations, readable. */
async function audit(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" >> ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  }, TAGS);
  return violations;
}

const report = (violations) => violations.map((v) => `${v.rule} (${v.impact}) ×${v.nodes.length}\n  ${v.nodes.join("\n  ")}`).join("\n");

async function open(path, { width = 1280, height = 900, colorScheme = "light", server = env.server } = {}) {
  const page = await (await env.browser.newContext({ viewport: { width, height }, colorScheme })).newPage();
  await page.goto(`${server.url}/${path}`);
  return page;
}

const ready = (page) => page.waitForFunction(() => {
  const hosts = [document, ...[...document.querySelectorAll("movement-timeline, #dzns-timeline")].map((h) => h.shadowRoot).filter(Boolean)];
  const roots = hosts.flatMap((h) => [...h.querySelectorAll('[data-testid="timeline-root"]')]);
  return roots.length > 0 && roots.every((r) => r.dataset.state === "ready" || r.dataset.state === "error");
});

const views = [
  ["the page, light, 1280 px", "", {}],
  ["the page, dark, 375 px (vertical rows)", "", { width: 375, colorScheme: "dark" }],
  ["the page with details and the list open", "#event=dzns-socialist-party-congress&list=1", {}],
  ["the page in Russian with details open, 375 px", "#lang=ru&event=rsm-dissolution", { width: 375 }],
  ["the page, dark theme, zoomed into 2020 with the export menu open", "#theme=dark&from=2020-01&to=2020-12", { open: "export-menu" }],
  ["the growth view", "", { open: "chart-growth" }],
  ["the membership table", "", { open: "chart-table-toggle" }],
  ["aligned by founding, with details open", "#align=founding&event=rsm-dissolution", {}],
  ["aligned by founding in Russian, 375 px", "#align=founding&lang=ru", { width: 375 }],
  ["the embed page with both widgets", "embed.html", { width: 1100 }],
  ["the embed page, dark, 375 px", "embed.html", { width: 375, colorScheme: "dark" }],
];

for (const [name, path, options] of views) {
  test(`axe finds no WCAG 2.2 A/AA violation: ${name}`, async () => {
    const page = await open(path.startsWith("embed") ? path : path, options);
    await ready(page);
    if (options.open) {
      await page.locator(`[data-testid="${options.open}"]`).first().click();
      await page.waitForFunction((id) => {
        const b = document.querySelector(`[data-testid="${id}"]`);
        return b && (b.getAttribute("aria-expanded") === "true" || b.getAttribute("aria-pressed") === "true");
      }, options.open);
    }
    const violations = await audit(page);
    assert.equal(violations.length, 0, report(violations));
    await page.context().close();
  });
}

test("axe finds no WCAG 2.2 A/AA violation: the error panel", async () => {
  const page = await open("fixtures/mount.html?data=/fixtures/bad/month-13.json");
  await page.waitForFunction(() => document.querySelector("#w0")?.shadowRoot?.querySelector('[data-testid="error-panel"]'));
  const violations = await audit(page);
  assert.equal(violations.length, 0, report(violations));
  await page.context().close();
});

test("axe finds no WCAG 2.2 A/AA violation: the no-WebAssembly fallback and the prerendered page", async () => {
  const server = await serveDist({ headers: () => ({ "content-security-policy": NO_WASM }) });
  try {
    for (const path of ["embed.html", ""]) {
      const page = await open(path, { server });
      // The embeds show their fallback; the page keeps its prerendered view, readable.
      await page.waitForFunction(() => document.querySelector(".mt-prerender:not([inert])") ||
        [...document.querySelectorAll("movement-timeline, #dzns-timeline")].every((h) => h.shadowRoot?.querySelector('[data-testid="fallback"]')));
      const violations = await audit(page);
      assert.equal(violations.length, 0, `${path || "index.html"}:\n${report(violations)}`);
      await page.context().close();
    }
  } finally {
    await server.close();
  }
});
