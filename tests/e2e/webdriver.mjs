// A small W3C WebDriver client over node's fetch, and the WebKitWebDriver
// service it talks to (Debian's webkit2gtk-driver, which drives WebKitGTK's
// MiniBrowser). Nothing here downloads a browser or a driver.
//
// The service runs as `xvfb-run -a WebKitWebDriver --port=N` in a process
// group of its own, so stopping it ends Xvfb, the driver and every browser
// process it started. Each session is a fresh MiniBrowser; a new one starts
// only once the last one's processes have ended (see browserGone).
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || "WebKitWebDriver";
const SCREEN = "-screen 0 1920x1200x24";
// The service's own processes; any other in its group is a browser's.
const SERVICE = new Set(["xvfb-run", "Xvfb", "WebKitWebDriver"]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// MiniBrowser's toolbar (buttons and an address entry) is 447 px wide at
// least, so its window cannot hold a 375-px phone viewport. A GTK user style
// sheet (only the browser's own widgets read it, never a page) slims it down.
const GTK_CSS = "button, entry { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n";

/** A fresh XDG_CONFIG_HOME holding only that style sheet. */
function gtkConfig() {
  const dir = mkdtempSync(join(tmpdir(), "mt-webkit-"));
  mkdirSync(join(dir, "gtk-3.0"));
  writeFileSync(join(dir, "gtk-3.0", "gtk.css"), GTK_CSS);
  return dir;
}

/** A TCP port that was free a moment ago on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A command with no answer in this time fails, naming itself, rather than
// hang the test; the session's page-load and script timeouts (TIMEOUTS) are
// shorter, so the driver reports those first.
const COMMAND_TIMEOUT_MS = 60000;
const TIMEOUTS = { pageLoad: 30000, script: 20000, implicit: 0 };

/** One HTTP command; returns the response's `value` or throws its error. */
async function command(base, method, path, body) {
  let res, text;
  try {
    res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (err) {
    throw new Error(`WebDriver ${method} ${path}: no answer (${err.message})`);
  }
  let value;
  try {
    ({ value } = JSON.parse(text));
  } catch {
    throw new Error(`WebDriver ${method} ${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok || value?.error) {
    const err = new Error(`WebDriver ${method} ${path}: ${value?.error ?? res.status}: ${value?.message ?? text}`);
    err.code = value?.error;
    throw err;
  }
  return value;
}

/** The running `WebKitWebDriver` under Xvfb. `output` keeps its last lines
 *  (the driver's and the browser's stdout and stderr) for error messages. */
export class WebKitService {
  static async start({ attempts = 3 } = {}) {
    let last;
    for (let i = 0; i < attempts; i++) {
      const service = new WebKitService(await freePort());
      try {
        await service.ready();
        return service;
      } catch (err) {
        last = err;
        await service.stop();
      }
    }
    throw last;
  }

  constructor(port) {
    this.base = `http://127.0.0.1:${port}`;
    this.output = [];
    this.config = gtkConfig();
    this.child = spawn("xvfb-run", ["-a", "-s", SCREEN, WEBKIT_DRIVER, `--port=${port}`], {
      detached: true, // a process group of its own, stopped as one
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, XDG_CONFIG_HOME: this.config },
    });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", resolve);
      this.child.once("error", (err) => { this.output.push(String(err)); resolve(); });
    });
    const keep = (chunk) => {
      this.output.push(...String(chunk).split("\n").filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - 50));
    };
    this.child.stdout.on("data", keep);
    this.child.stderr.on("data", keep);
    // If the test process ends without calling stop() (a failure, or the
    // test runner's timeout), the group goes too.
    this.onExit = () => {
      this.terminate();
      rmSync(this.config, { recursive: true, force: true });
    };
    this.onSignal = (signal) => {
      this.onExit();
      process.exit(128 + constants.signals[signal]);
    };
    process.once("exit", this.onExit);
    process.once("SIGTERM", this.onSignal);
    process.once("SIGINT", this.onSignal);
  }

  /** Polls the driver's status endpoint until it accepts sessions. */
  async ready(timeout = 20000) {
    const end = Date.now() + timeout;
    let exited = false;
    this.exited.then(() => { exited = true; });
    while (Date.now() < end && !exited) {
      const status = await command(this.base, "GET", "/status").catch(() => null);
      if (status?.ready) return;
      await sleep(100);
    }
    throw new Error(`WebKitWebDriver did not start (${WEBKIT_DRIVER}); its output:\n${this.output.join("\n")}`);
  }

  /** Opens a new session (a new browser) with these capabilities. */
  async session(capabilities) {
    const alwaysMatch = { timeouts: TIMEOUTS, ...capabilities };
    const { sessionId } = await command(this.base, "POST", "/session", { capabilities: { alwaysMatch } });
    return new Session(this.base, sessionId, () => this.browserGone());
  }

  /** Polls until the last browser's processes have ended (SIGKILL after
   *  10 s). Deleting a session answers before they have; a browser started
   *  meanwhile may fail to open the X display, and then the driver never
   *  answers its new session. */
  async browserGone(timeout = 10000) {
    const browser = () => groupProcesses(this.child.pid).filter((p) => !SERVICE.has(p.name));
    const end = Date.now() + timeout;
    while (browser().length && Date.now() < end) await sleep(20);
    for (const { pid } of browser()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // ended meanwhile
      }
    }
  }

  kill(signal) {
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // already gone
    }
  }

  /** SIGTERM to the driver and any browser: xvfb-run then removes its
   *  files and ends Xvfb, which removes its lock (a signal to xvfb-run
   *  itself would skip that). The whole group if the driver has gone. */
  terminate() {
    if (!this.child.pid || this.terminated) return;
    this.terminated = true;
    const others = groupProcesses(this.child.pid).filter((p) => p.name !== "xvfb-run" && p.name !== "Xvfb");
    if (!others.length) return this.kill("SIGTERM");
    for (const { pid } of others) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // ended meanwhile
      }
    }
  }

  /** Ends the service: terminate(), a poll until every process of the
   *  group has ended, SIGKILL to the group if one lingers. */
  async stop() {
    process.removeListener("exit", this.onExit);
    process.removeListener("SIGTERM", this.onSignal);
    process.removeListener("SIGINT", this.onSignal);
    if (this.child.pid) {
      this.terminate();
      const end = Date.now() + 5000;
      while (groupProcesses(this.child.pid).length && Date.now() < end) await sleep(50);
      this.kill("SIGKILL");
    }
    rmSync(this.config, { recursive: true, force: true });
  }
}

/** The processes of group `pgid` that still run, as { pid, name } (not
 *  counting zombies, which wait for an init that in a container may never
 *  reap them). Reads /proc. */
function groupProcesses(pgid) {
  const found = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (name) state ppid pgrp ..."
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") found.push({ pid: Number(pid), name });
  }
  return found;
}

/** One WebDriver session: the commands the journey needs, by their W3C names. */
export class Session {
  constructor(base, id, afterDelete = async () => {}) {
    this.base = base;
    this.id = id;
    this.afterDelete = afterDelete;
  }

  cmd(method, path, body) {
    return command(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigateTo(url) {
    return this.cmd("POST", "/url", { url });
  }

  getCurrentUrl() {
    return this.cmd("GET", "/url");
  }

  setWindowRect(rect) {
    return this.cmd("POST", "/window/rect", rect);
  }

  /** Execute Script: `body` is a function body; `args` its JSON arguments.
   *  A returned promise is awaited by the driver. */
  executeScript(body, args = []) {
    return this.cmd("POST", "/execute/sync", { script: body, args });
  }

  /** Perform Actions with one input source (see pointer(), wheel(), keys()).
   *  Every sequence here ends with its buttons and keys up, so nothing calls
   *  Release Actions: WebKit answers that by undoing the last scroll (a wheel
   *  event of the opposite delta at the viewport's corner). */
  performActions(source) {
    return this.cmd("POST", "/actions", { actions: [source] });
  }

  async deleteSession() {
    await this.cmd("DELETE", "");
    await this.afterDelete();
  }
}

/** An input source for Perform Actions: a mouse doing `steps`. */
export function pointer(steps) {
  return { type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: steps };
}

/** Pointer steps: move to viewport pixel (x, y), press or release button 0. */
export const move = (x, y) => ({ type: "pointerMove", origin: "viewport", x: Math.round(x), y: Math.round(y), duration: 0 });
export const down = () => ({ type: "pointerDown", button: 0 });
export const up = () => ({ type: "pointerUp", button: 0 });

/** A wheel input source scrolling by (0, deltaY) pixels at viewport (x, y). */
export function wheel(x, y, deltaY) {
  return {
    type: "wheel",
    id: "wheel",
    actions: [{ type: "scroll", origin: "viewport", x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY, duration: 0 }],
  };
}

// WebDriver's code points for the named keys the tests press.
const KEYS = {
  Escape: "\uE00C", Enter: "\uE007", Tab: "\uE004", Backspace: "\uE003",
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  Home: "\uE011", End: "\uE010", PageUp: "\uE00E", PageDown: "\uE00F",
};

/** A key input source pressing and releasing each key in turn: a named key
 *  ("Escape") or each character of a text. */
export function keys(text, { named = false } = {}) {
  const values = named ? [KEYS[text] ?? fail(`no WebDriver code for the key ${text}`)] : [...text];
  return { type: "key", id: "keyboard", actions: values.flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]) };
}

function fail(message) {
  throw new Error(message);
}
