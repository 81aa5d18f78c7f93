// Runs chrono-node over the examples of tests/Triangulate.Tests/Specs/Extract/Time.md and scores it against the
// expected items: exact span match, and value match (resolved start date, for items that resolve to a date).
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const md = readFileSync(new URL("../../../tests/Triangulate.Tests/Specs/Extract/Time.md", import.meta.url), "utf8");
const examples = [];
const re = /```text\n([\s\S]*?)```\n```json\n([\s\S]*?)```/g;
for (let m; (m = re.exec(md));) {
  let text = m[1].replace(/\n$/, "");
  let published = null;
  if (text.startsWith("@published ")) { published = text.slice(11, 21); text = text.slice(text.indexOf("\n") + 1); }
  examples.push({ text, published, expected: JSON.parse(m[2]) });
}

let gold = 0, found = 0, spanHits = 0, valueGold = 0, valueHits = 0;
const iso = (d) => `${d.get("year")}-${String(d.get("month")).padStart(2, "0")}-${String(d.get("day")).padStart(2, "0")}`;
const started = process.hrtime.bigint();
const rounds = 200;
let results = [];
for (let r = 0; r < rounds; r++)
  results = examples.map((e) => chrono.parse(e.text, e.published ? new Date(e.published + "T12:00:00Z") : new Date("2024-12-02T12:00:00Z")));
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;

examples.forEach((e, i) => {
  const got = results[i];
  gold += e.expected.length;
  found += got.length;
  for (const x of e.expected) {
    const hit = got.find((g) => g.text === x.excerpt);
    if (hit) spanHits++;
    if (x.start && x.start.length === 10 && e.published) {
      valueGold++;
      const any = got.find((g) => iso(g.start) === x.start && (x.excerpt.includes(g.text) || g.text.includes(x.excerpt)));
      if (any) valueHits++;
    }
  }
});
const chars = examples.reduce((n, e) => n + e.text.length, 0);
console.log(JSON.stringify({ examples: examples.length, gold, found, spanHits, valueGold, valueHits,
  spanPrecision: +(spanHits / found).toFixed(3), spanRecall: +(spanHits / gold).toFixed(3),
  msPerPass: +elapsedMs.toFixed(3), charsPerPass: chars }, null, 1));
