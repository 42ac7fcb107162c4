// What assistive technology is told, beyond what axe checks: focus is
// never dropped by the walk, a live region exists before it speaks, and
// names are on elements that can carry them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TimelinePage, useBrowser } from "../lib.mjs";

const env = useBrowser();

async function open(hash = "") {
  const tl = await TimelinePage.open(env.browser, `${env.server.url}/${hash}`, { width: 1280, height: 900 });
  await tl.waitReady();
  return tl;
}

const focused = (tl) => tl.page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.dataset?.testid ?? el?.tagName;
});

test("walking with Next to the last event keeps the focus on Next, which then says it is unavailable", async () => {
  const tl = await open();
  const list = await tl.root.locator('[data-testid="event"]').evaluateAll((ms) => ms.map((m) => m.dataset.eventId));
  assert.ok(list.length > 3, "marks are drawn");
  await tl.root.locator('[data-testid="zoom-fit"]').click();
  await tl.root.locator('[data-testid="event"]').last().click();
  const next = tl.root.locator('[data-testid="details-next"]');
  await next.focus();
  // Press Enter until Next has nowhere to go; the focus stays on it.
  for (let i = 0; i < 40 && (await next.getAttribute("aria-disabled")) !== "true"; i++) {
    await tl.page.keyboard.press("Enter");
  }
  assert.equal(await next.getAttribute("aria-disabled"), "true", "Next says it is unavailable at the last event");
  assert.equal(await focused(tl), "details-next", "the focus is still on Next");
  const at = await tl.root.locator('[data-testid="event-details"]').getAttribute("data-event-id");
  await tl.page.keyboard.press("Enter");
  assert.equal(await tl.root.locator('[data-testid="event-details"]').getAttribute("data-event-id"), at, "pressing it again does nothing");
  await tl.close();
});

test("the status region is there before nothing matches, and says so when nothing does", async () => {
  const tl = await open();
  const live = tl.root.locator('.mt-plot [role="status"]');
  assert.equal(await live.count(), 1, "one status region while events are shown");
  assert.equal((await live.textContent()).trim(), "", "and it is silent");
  await tl.root.locator('[data-testid="search"]').fill("no such thing anywhere");
  await tl.page.waitForFunction(() => {
    const roots = [document, ...[...document.querySelectorAll("*")].map((e) => e.shadowRoot).filter(Boolean)];
    return roots.some((r) => /No events match/.test(r.querySelector('.mt-plot [role="status"]')?.textContent ?? ""));
  });
  assert.equal(await live.count(), 1, "the same region, now speaking");
  await tl.close();
});

test("names sit on elements that carry them: the organisation buttons say how many are shown, the controls are a group and Export expands", async () => {
  const tl = await open();
  const dzns = tl.root.getByRole("button", { name: /DZNS .*of \d+ events shown/ });
  assert.equal(await dzns.count(), 1, "the count is part of the button's name");
  assert.equal(await tl.root.locator('[role="toolbar"]').count(), 0, "no toolbar role without arrow keys");
  assert.equal(await tl.root.locator("[aria-haspopup]").count(), 0, "Export shows buttons, not a menu");
  const exp = tl.root.locator('[data-testid="export-menu"]');
  assert.equal(await exp.getAttribute("aria-expanded"), "false");
  await exp.click();
  assert.equal(await exp.getAttribute("aria-expanded"), "true");
  const presence = tl.root.locator(".mt-presence");
  if (await presence.count()) assert.equal(await presence.first().getAttribute("role"), "group", "a named SVG group has a role");
  await tl.close();
});

test("a title in the list view opens its details and the focus stays in the list", async () => {
  const tl = await open("#list=1");
  const row = tl.root.locator('[data-testid="event-list"] tr[data-event-id="rsm-founded"]');
  await row.waitFor();
  await row.locator("button").focus();
  await tl.page.keyboard.press("Enter");
  await tl.root.locator('[data-testid="event-details"][data-event-id="rsm-founded"]').waitFor();
  const where = await tl.page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { list: Boolean(el?.closest('[data-testid="event-list"]')), row: el?.closest("tr")?.dataset.eventId };
  });
  assert.deepEqual(where, { list: true, row: "rsm-founded" }, "the reader is still on the row they chose");
  await tl.close();
});

test("arrow keys on a title in the list view stay in the list (they walk the plot's marks only there)", async () => {
  const tl = await open("#list=1");
  const button = tl.root.locator('[data-testid="event-list"] tr[data-event-id="rsm-founded"] button');
  await button.focus();
  const before = await tl.window();
  await tl.page.keyboard.press("ArrowRight");
  const inList = await tl.page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return Boolean(el?.closest('[data-testid="event-list"]'));
  });
  assert.ok(inList, "the focus did not jump into the plot");
  assert.deepEqual(await tl.window(), before, "and the window did not move");
  await tl.close();
});
