#!/usr/bin/env python3
"""Answer-analyzer speed against write-good on the same texts, in one run (issue 11).

Usage: bench/write-good/compare.py [ROUNDS] [AIPREP]   (from anywhere; default 20 rounds)

AIPREP is an aiprep binary to time instead of building target/release/aiprep
(to compare two builds of the analyzer).

Both read every answer of the gold files (tests/gold/*.toml), repeated ROUNDS
times. write-good runs in-process in Node after one warm-up round. aiprep runs
as `aiprep analyze --jsonl` (release build) over all rounds in one process, so
its time includes reading and writing JSON and process start; that start is
measured separately with an empty input and taken off. Prints both times per
answer and their ratio. Needs node and npm (npm install runs here once).
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent


def gold_texts():
    texts = []
    for path in sorted((REPO / "tests" / "gold").glob("*.toml")):
        for answer in tomllib.loads(path.read_text()).get("answer", []):  # parts.toml lists files
            texts.append(answer["text"])
    return texts


def run_aiprep(aiprep, jsonl_path):
    start = time.perf_counter()
    with open(jsonl_path, "rb") as src:
        subprocess.run([aiprep, "analyze", "--jsonl", "-"], stdin=src, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    texts = gold_texts()
    if not (HERE / "node_modules" / "write-good").is_dir():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=HERE, check=True)
    if len(sys.argv) > 2:
        aiprep = sys.argv[2]
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "aiprep"], cwd=REPO, check=True)
        aiprep = str(REPO / "target" / "release" / "aiprep")

    with tempfile.TemporaryDirectory() as tmp:
        once = pathlib.Path(tmp, "once.jsonl")
        once.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
        many = pathlib.Path(tmp, "many.jsonl")
        many.write_text(once.read_text() * rounds)
        empty = pathlib.Path(tmp, "empty.jsonl")
        empty.write_text("")

        wg = json.loads(subprocess.run(
            ["node", str(HERE / "time-write-good.mjs"), str(once), str(rounds)],
            check=True, capture_output=True, text=True,
        ).stdout)
        run_aiprep(aiprep, once)  # warm the page cache
        startup = min(run_aiprep(aiprep, empty) for _ in range(5))
        total = min(run_aiprep(aiprep, many) for _ in range(3))
    aiprep_us = (total - startup) * 1e6 / (rounds * len(texts))
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} answers (mean {words:.0f} words), {rounds} rounds")
    print(f"write-good:             {wg['us_per_answer']:8.1f} us per answer (in-process, Node {node_version()})")
    print(f"aiprep analyze --jsonl: {aiprep_us:8.1f} us per answer (process start {startup * 1e3:.1f} ms taken off)")
    print(f"ratio:                  {wg['us_per_answer'] / aiprep_us:8.1f}x")


def node_version():
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
