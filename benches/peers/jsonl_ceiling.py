#!/usr/bin/env python3
"""How close `warta analyze --jsonl --threads 2` comes to what two cores give.

The ceiling is two one-thread processes started at once, each on one half of the file's lines
(no shared state at all). Each round times, alternately, 21 runs of: one thread on the whole
file, two threads on the whole file, and the two half-file processes; it prints the medians and
the ratios 1 thread / 2 threads and 1 thread / halves.

    python3 benches/peers/jsonl_ceiling.py [--warta target/release/warta]
        [--input ../shared/data/pfsa/dev.jsonl] [--rounds 5] [--runs 21]

Build the binary first (`cargo build --release`). Output goes to /dev/null.
"""
import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def timed(commands):
    start = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL) for c in commands]
    for p in procs:
        p.wait()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--warta", type=Path, default=ROOT / "target/release/warta")
    parser.add_argument("--input", type=Path, default=ROOT.parent / "shared/data/pfsa/dev.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    lines = args.input.read_bytes().splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        halves = [Path(tmp) / "a.jsonl", Path(tmp) / "b.jsonl"]
        halves[0].write_bytes(b"".join(lines[: len(lines) // 2]))
        halves[1].write_bytes(b"".join(lines[len(lines) // 2 :]))

        def cli(threads, path):
            return [str(args.warta), "analyze", "--jsonl", "--threads", str(threads), str(path)]

        shapes = {
            "1 thread": [cli(1, args.input)],
            "2 threads": [cli(2, args.input)],
            "2 processes on halves": [cli(1, h) for h in halves],
        }
        print(f"{args.input} ({args.input.stat().st_size} bytes), {args.runs} alternating runs per round, medians in ms")
        for _ in range(args.rounds):
            times = {name: [] for name in shapes}
            for _ in range(args.runs):
                for name, commands in shapes.items():
                    times[name].append(timed(commands))
            m = {name: statistics.median(t) * 1000 for name, t in times.items()}
            row = ", ".join(f"{name} {ms:.1f}" for name, ms in m.items())
            print(f"{row}; 1 thread / 2 threads {m['1 thread'] / m['2 threads']:.2f}x, "
                  f"1 thread / halves {m['1 thread'] / m['2 processes on halves']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
