// A seeded generator of synthetic datasets in the widget's format:
//   node generate.mjs N [SEED] > data.json
// N events across four organisations, every kind, a realistic mix of date
// precisions (day, month, season, year, approximate, uncertain, intervals),
// and a monthly membership series per organisation.
const KINDS = ["founding", "existence", "congress", "conference", "merger", "announcement",
  "appointment", "arrest", "registration", "registration-refusal", "election", "publication",
  "criticism", "milestone", "designation", "dissolution"];
const ORGS = [
  { id: "alpha", name: "Alpha Movement", abbreviation: "ALP", color: "#d63a31" },
  { id: "beta", name: "Beta League", abbreviation: "BET", color: "#3b78c9" },
  { id: "gamma", name: "Gamma Union", abbreviation: "GAM", color: "#2e8540" },
  { id: "delta", name: "Delta Front", abbreviation: "DEL", color: "#8a4baf" },
];
const WORDS = ["congress", "regional", "branch", "statement", "council", "delegates", "programme",
  "committee", "election", "campaign", "conference", "members", "party", "movement", "union"];

// Mulberry32: small, fast, seedable.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(n, seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const pad = (x) => String(x).padStart(2, "0");
  const start = Date.UTC(1990, 0, 1), end = Date.UTC(2025, 11, 31);
  const dayOf = () => new Date(start + r() * (end - start));
  const date = () => {
    const d = dayOf();
    const y = d.getUTCFullYear(), m = pad(d.getUTCMonth() + 1), dd = pad(d.getUTCDate());
    const p = r();
    if (p < 0.45) return `${y}-${m}-${dd}`;
    if (p < 0.65) return `${y}-${m}`;
    if (p < 0.72) return `${y}-${21 + Math.floor(r() * 4)}`;
    if (p < 0.80) return `${y}`;
    if (p < 0.86) return `${y}-${m}-${dd}~`;
    if (p < 0.92) return `${y}-${m}?`;
    const len = Math.floor(r() * 600) + 1;
    const e = new Date(d.getTime() + len * 86400000);
    if (e.getTime() > end) return `${y}-${m}/..`;
    return `${y}-${m}-${dd}/${e.getUTCFullYear()}-${pad(e.getUTCMonth() + 1)}-${pad(e.getUTCDate())}`;
  };
  const title = () => {
    const k = 3 + Math.floor(r() * 6);
    const w = Array.from({ length: k }, () => pick(WORDS)).join(" ");
    return w[0].toUpperCase() + w.slice(1);
  };
  const events = [];
  for (let i = 0; i < n; i++) {
    const org = ORGS[i % ORGS.length].id;
    events.push({
      id: `e${i}`,
      org,
      date: date(),
      kind: KINDS[i % KINDS.length],
      title: title(),
      summary: `Synthetic event ${i} of ${org}.`,
      people: r() < 0.3 ? ["A. Person"] : [],
      source: { article: "Synthetic", section: "Generated", quote: `Generated fact number ${i}.` },
    });
  }
  const membership = [];
  for (const o of ORGS) {
    let members = 1000 + Math.floor(r() * 5000);
    for (let y = 2000; y <= 2024; y++) {
      for (let m = 1; m <= 12; m += 3) {
        members = Math.max(0, members + Math.floor((r() - 0.4) * 800));
        membership.push({ org: o.id, date: `${y}-${pad(m)}`, members,
          source: { article: "Synthetic", section: "Generated", quote: "Generated count." } });
      }
    }
  }
  const organisations = ORGS.map((o) => ({ ...o, nativeName: null, founded: "1990-01-01", dissolved: null }));
  return { organisations, events, membership };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] || 1000);
  const seed = Number(process.argv[3] || 1);
  process.stdout.write(JSON.stringify(generate(n, seed)));
}
