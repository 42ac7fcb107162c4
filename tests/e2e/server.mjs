// A small static file server for the built widget, on loopback only.
// Used by scripts/serve.sh and by the end-to-end tests (which add headers
// such as a Content-Security-Policy per test).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 picks a free port).
 * `headers(path)` may return extra response headers for a path;
 * `routes` maps a path, and `prefixRoutes` a path prefix, to a handler
 * `(req, res) => void` for test fixtures.
 */
export async function startServer({ root, port = 0, headers = () => ({}), routes = {}, prefixRoutes = {}, compress = false }) {
  const base = resolve(root);
  // Compressed bodies, cached per file and encoding (as a static host would).
  const cache = new Map();
  const encode = (file, body, accept) => {
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
    if (!compress || !encoding || body.length < 256) return [body, null];
    const key = `${encoding}:${file}`;
    if (!cache.has(key)) {
      cache.set(key, encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 4e6 ? 5 : 11 } })
        : gzipSync(body, { level: body.length > 4e6 ? 6 : 9 }));
    }
    return [cache.get(key), encoding];
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      const route = routes[url.pathname];
      if (route) return route(req, res);
      const prefix = Object.keys(prefixRoutes).find((p) => url.pathname.startsWith(p));
      if (prefix) return prefixRoutes[prefix](req, res);
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith("/")) path += "index.html";
      const file = join(base, path);
      if (!file.startsWith(base)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
        res.end("<!doctype html><title>404</title><h1>Not found</h1>");
        return;
      }
      const [body, encoding] = encode(file, await readFile(file), req.headers["accept-encoding"] || "");
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-cache",
        ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}),
        ...headers(url.pathname),
      });
      res.end(body);
    } catch (err) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(err));
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const { port: actual } = server.address();
  return { server, url: `http://127.0.0.1:${actual}`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`serving ${root} on ${url}`);
}
