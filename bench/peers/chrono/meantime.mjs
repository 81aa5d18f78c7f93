// Runs chrono-node over the MEANTIME sentences written by
//   triangulate eval extract MEANTIME --dump-timex ARTICLES.json
// one sentence at a time, with the document creation time as reference date, and writes what it finds for
//   triangulate eval extract MEANTIME --timex-found chrono.json
// which scores it with the same scorer as ours. Values: a day when chrono is certain of the day, else the month,
// else the year (TIMEX3 granularity); an interval as "start/end".
import { readFileSync, writeFileSync } from "node:fs";
import * as chrono from "chrono-node";

const [, , input, output = "chrono.json"] = process.argv;
const articles = JSON.parse(readFileSync(input, "utf8"));
const pad = (n, w = 2) => String(n).padStart(w, "0");
const value = (c) => {
  if (!c) return null;
  const date = `${pad(c.get("year"), 4)}-${pad(c.get("month"))}-${pad(c.get("day"))}`;
  if (c.isCertain("hour") && c.isCertain("minute")) return `${date}T${pad(c.get("hour"))}:${pad(c.get("minute"))}`;
  if (c.isCertain("day")) return date;
  if (c.isCertain("month")) return date.slice(0, 7);
  if (c.isCertain("year")) return date.slice(0, 4);
  return date;
};
const run = () => {
  const found = {};
  let sentences = 0;
  for (const a of articles) {
    const reference = a.created ? new Date(a.created + "T12:00:00Z") : new Date();
    const list = (found[a.file] = []);
    for (const [start, end] of a.sentences) {
      sentences++;
      for (const r of chrono.parse(a.text.slice(start, end), reference)) {
        const v = value(r.start);
        list.push([start + r.index, start + r.index + r.text.length, r.end ? `${v}/${value(r.end)}` : v]);
      }
    }
  }
  return { found, sentences };
};
for (let r = 0; r < 10; r++) run(); // warm-up, as ours
// The fastest of 30 passes, as ours: the least disturbed pass on a shared machine.
let result;
let seconds = Infinity;
for (let r = 0; r < 30; r++) {
  const t0 = process.hrtime.bigint();
  result = run();
  seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
}
writeFileSync(output, JSON.stringify({ seconds, sentences: result.sentences, found: result.found }));
console.log(`chrono-node ${JSON.parse(readFileSync(new URL("node_modules/chrono-node/package.json", import.meta.url))).version}: ${result.sentences} sentences in ${(seconds * 1000).toFixed(1)} ms = ${Math.round(result.sentences / seconds)} sentences/s -> ${output}`);
