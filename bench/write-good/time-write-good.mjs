// Times write-good in-process on the answers in a JSONL file ({"id", "text"}
// per line). Prints one JSON line: answers, rounds, microseconds per answer.
import { readFileSync } from "node:fs";
import writeGood from "write-good";

const [file, roundsArg] = process.argv.slice(2);
const texts = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
const rounds = Number(roundsArg ?? 20);

let suggestions = 0;
// One untimed round so the JIT has compiled write-good's checks.
for (const t of texts) suggestions += writeGood(t).length;
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const t of texts) suggestions += writeGood(t).length;
const elapsedNs = Number(process.hrtime.bigint() - start);
console.log(JSON.stringify({ answers: texts.length, rounds, us_per_answer: elapsedNs / 1000 / rounds / texts.length, suggestions }));
