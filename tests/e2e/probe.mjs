// Hears a page's errors where the driver cannot. Classic WebDriver (WebKit's)
// has no console events and no way to run a script before a page's own, so
// the WebKit driver opens pages through a loopback proxy that adds one
// same-origin script, the probe, as the first element of <head>. The probe
// installs the deep-query helpers and records what Chromium's console would
// show as errors: console.error calls, uncaught exceptions, unhandled
// rejections, resources that failed to load, and Content-Security-Policy
// violations. The driver collects them with every evaluate.
//
// The proxy forwards everything else unchanged: status, headers (so the
// page's Content-Security-Policy header still applies), body.
import { createServer, request } from "node:http";

export const PROBE_PATH = "/__mt-probe.js";

/** The probe's source: `helpers` (script text) first, then the recorder. */
function probeSource(helpers) {
  const recorder = () => {
    const errors = [];
    const text = (v) => {
      if (v instanceof Error) return `${v.name}: ${v.message}`;
      if (typeof v === "string") return v;
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    };
    const consoleError = console.error.bind(console);
    console.error = (...args) => {
      errors.push(args.map(text).join(" "));
      consoleError(...args);
    };
    addEventListener("error", (e) => {
      if (e instanceof ErrorEvent) errors.push(`uncaught ${e.message} (${e.filename}:${e.lineno})`);
      else errors.push(`failed to load ${e.target?.src || e.target?.href || e.target?.nodeName}`);
    }, true);
    addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${text(e.reason)}`));
    addEventListener("securitypolicyviolation", (e) =>
      errors.push(`Content-Security-Policy: ${e.effectiveDirective} refused ${e.blockedURI || "inline"}`), true);
    window.__mtProbe = { take: () => errors.splice(0) };
  };
  return `${helpers}\n(${recorder})();\n`;
}

/** Adds the probe's <script> right after <head ...> (or at the start). */
function inject(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}

/** Starts a proxy in front of `origin` (http://127.0.0.1:PORT). Returns its
 *  `url`, `close()`, and `toTarget(url)`, which maps a proxied address back. */
export async function startProbeProxy(origin, helpers) {
  const target = new URL(origin);
  const probe = probeSource(helpers);
  const server = createServer((req, res) => {
    if (req.url === PROBE_PATH) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      return res.end(probe);
    }
    const headers = { ...req.headers, host: target.host, "accept-encoding": "identity" };
    const options = { host: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false };
    const upstream = request(options, (up) => {
      if (!/^text\/html\b/i.test(up.headers["content-type"] || "")) {
        res.writeHead(up.statusCode, up.headers);
        return up.pipe(res);
      }
      const chunks = [];
      up.on("data", (c) => chunks.push(c));
      up.on("end", () => {
        const body = Buffer.from(inject(Buffer.concat(chunks).toString("utf8")));
        const { "transfer-encoding": _, ...rest } = up.headers;
        res.writeHead(up.statusCode, { ...rest, "content-length": body.length });
        res.end(body);
      });
    });
    upstream.on("error", (err) => res.writeHead(502, { "content-type": "text/plain" }).end(String(err)));
    req.pipe(upstream);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    toTarget: (address) => (address.startsWith(url) ? target.origin + address.slice(url.length) : address),
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}
