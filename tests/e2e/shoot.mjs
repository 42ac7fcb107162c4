// Takes screenshots of the built page for a person to look at:
//   node shoot.mjs OUT_DIR
import { launchBrowser, serveDist, TimelinePage } from "./lib.mjs";
const out = process.argv[2] || "screenshots";
const server = await serveDist();
const browser = await launchBrowser();
const shots = [
  { name: "fit-1280-light", width: 1280, height: 720, colorScheme: "light" },
  { name: "fit-1280-dark", width: 1280, height: 720, colorScheme: "dark" },
  { name: "fit-375-light", width: 375, height: 700, colorScheme: "light" },
  { name: "2020-1280-light", width: 1280, height: 720, colorScheme: "light", range: ["2019-09-01", "2021-03-01"], select: "dzns-socialist-party-congress" },
  { name: "2020-375-dark", width: 375, height: 700, colorScheme: "dark", range: ["2020-04-01", "2021-01-31"] },
];
for (const s of shots) {
  const tl = await TimelinePage.open(browser, `${server.url}/`, s);
  await tl.waitReady();
  if (s.range) await tl.showRange(...s.range);
  if (s.select) await tl.event(s.select).click();
  await tl.page.screenshot({ path: `${out}/${s.name}.png`, fullPage: true });
  if (tl.consoleErrors.length) console.log(s.name, tl.consoleErrors);
  await tl.close();
}
await browser.close();
await server.close();
console.log("saved to", out);
