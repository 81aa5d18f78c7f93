// Runs Mozilla Readability (linkedom DOM) over DIR/html/<id>.html.gz; writes {id: text} JSON to OUT and the CPU seconds spent extracting to stderr.
// With ROUNDS > 1 the pages are extracted that many times in the same process and each round's CPU seconds printed: the
// first round includes V8's warm-up, later rounds are steady state (compare with `triangulate eval extraction --rounds`).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const [dir, out, roundsArg] = process.argv.slice(2);
const rounds = Math.max(1, Number(roundsArg ?? 1));
const files = readdirSync(join(dir, "html")).filter(f => f.endsWith(".html.gz")).sort();
const pages = files.map(f => [f.slice(0, -".html.gz".length), gunzipSync(readFileSync(join(dir, "html", f))).toString("utf8")]);
const result = {};
for (let round = 1; round <= rounds; round++) {
  const start = process.cpuUsage();
  for (const [id, html] of pages) {
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document).parse();
      result[id] = article?.textContent ?? "";
    } catch {
      result[id] = "";
    }
  }
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6; // CPU time: fair on a shared machine
  console.error(`round ${round} pages ${pages.length} seconds ${seconds.toFixed(2)} pages/s ${(pages.length / seconds).toFixed(1)}`);
}
writeFileSync(out, JSON.stringify(result));
