#!/usr/bin/env python3
"""Warta against peer tools on the same corpus, in one run.

Measures, on one core and on the same bytes, spaCy 3.8 ``blank("id")`` (tokenizer, tokenizer +
sentencizer, PhraseMatcher with ``attr="LOWER"``), flashtext and jusText (Indonesian stoplist),
runs ``cargo run --release --example throughput -- --json`` for the matching Warta figures, times
``warta analyze --jsonl`` with one and two threads, alternated (wall time and peak RSS, on the
corpus and on ten times its documents), and prints a Markdown report.

The first run creates a virtual environment in ``target/peers-venv`` and pip-installs the peers
there; later runs reuse it. See ``benches/peers/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = (ROOT / os.environ.get("CARGO_TARGET_DIR", "target")).resolve()
VENV = TARGET / "peers-venv"
WORK = TARGET / "peers"
# lxml 6 moved the HTML cleaner jusText imports into lxml_html_clean.
PEERS = ["spacy==3.8.*", "flashtext", "justext", "lxml_html_clean"]
SEED = ROOT / "examples" / "data" / "mistar-2024-04-28.txt"
DEFAULT_CORPUS = ROOT / ".." / "shared" / "data" / "pfsa" / "dev.jsonl"
DEFAULT_PAGES = ROOT / ".." / "shared" / "data" / "pages" / "dev.jsonl"
NAMES = 10_000

# The single-core targets of issue 6, in MB/s, by throughput-example stage id.
TARGETS = {
    "tokenize": 150,
    "boilerplate": 300,
    "gazetteer_100000": 300,
    "quotes": 150,
    "pipeline": 50,
    "pipeline_docs": 50,
}


def log(message: str) -> None:
    print(f"[compare] {message}", file=sys.stderr, flush=True)


# --- environment ------------------------------------------------------------------------------


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def bootstrap(argv: list[str]) -> None:
    """Creates the venv with the peers when needed, then re-runs this script inside it."""
    python = venv_python()
    stamp = VENV / "warta-peers.txt"
    wanted = "\n".join(PEERS) + "\n"
    if not python.exists():
        log(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not stamp.exists() or stamp.read_text() != wanted:
        log(f"pip install {' '.join(PEERS)}")
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *PEERS],
            check=True,
        )
        stamp.write_text(wanted)
    os.execv(str(python), [str(python), str(Path(__file__).resolve()), *argv])


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    try:
        load = Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        load = "unknown"
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    from importlib.metadata import version

    return {
        "cpu": cpu,
        "nproc": str(cores),
        "os": platform.platform(),
        "rustc": rustc or "unknown",
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "flashtext": version("flashtext"),
        "justext": version("justext"),
        "load": load,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


# --- timing -----------------------------------------------------------------------------------


def measure(work, nbytes: int, reps: int, min_time: float) -> dict:
    """One warm-up run, a calibration so one repetition lasts >= min_time, then `reps` timed
    repetitions; MB/s with MB = 10^6 bytes, by wall clock (each repetition) and by this thread's
    CPU time (all repetitions together)."""

    def timed(iters: int) -> float:
        start = time.perf_counter()
        for _ in range(iters):
            work()
        return time.perf_counter() - start

    iters = 1
    elapsed = timed(1)
    while elapsed < min_time:
        factor = 16.0 if elapsed <= 0 else min(max(min_time / elapsed * 1.2, 2.0), 1000.0)
        iters = math.ceil(iters * factor)
        elapsed = timed(iters)
    cpu_start = time.thread_time()
    rates = [nbytes * iters / max(timed(iters), 1e-9) / 1e6 for _ in range(reps)]
    cpu = time.thread_time() - cpu_start
    return {
        "bytes": nbytes,
        "iters": iters,
        "reps": reps,
        "median_mb_s": statistics.median(rates),
        "min_mb_s": min(rates),
        "max_mb_s": max(rates),
        "cpu_mb_s": nbytes * iters * reps / cpu / 1e6 if cpu > 0 else None,
    }


def once(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# --- inputs -----------------------------------------------------------------------------------


def prefix(text: str, nbytes: int) -> str:
    """The first articles of `text` up to `nbytes` bytes, cut after a blank line when possible."""
    data = text.encode()
    if len(data) <= nbytes:
        return text
    cut = data.rfind(b"\n\n", 0, nbytes)
    end = cut + 2 if cut > 0 else nbytes
    return data[:end].decode(errors="ignore")


def read_names(path: Path) -> list[tuple[str, list[str]]]:
    """(id, names) of each TSV row: id, type, canonical name, aliases."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and not line.startswith("#"):
            names = list(dict.fromkeys(f for f in fields[2:] if f))
            entries.append((fields[0], names))
    return entries


def read_pages(path: Path) -> list[str]:
    pages = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                pages.append(json.loads(line)["text"])
    return pages


def page_html(text: str) -> str:
    """A page's lines as the block elements they came from, for jusText."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    return f"<html><body>\n{body}</body></html>"


def seed_jsonl(path: Path, min_bytes: int) -> None:
    """The fallback JSONL when the PFSA corpus is absent: the seed article as many documents."""
    seed = SEED.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as f:
        written, i = 0, 0
        while written < min_bytes:
            line = json.dumps({"id": f"seed-{i}", "text": seed}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


# --- runs -------------------------------------------------------------------------------------


def cargo(args: list[str], capture: bool = False) -> str:
    log("cargo " + " ".join(args))
    result = subprocess.run(
        ["cargo", *args],
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout if capture else ""


GNU_TIME = Path("/usr/bin/time")


def hwm_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def run_cli(
    warta: Path, threads: int, inputs: list[Path]
) -> tuple[float, int | None, float | None, int]:
    """Wall seconds, peak RSS in kB, CPU seconds (user + system, GNU time only) and exit code of
    one `warta analyze --jsonl` run.

    The peak comes from GNU time's `%M` when /usr/bin/time exists, else from polling the
    process's VmHWM. `wait4` on a child of this script would not do: a child forked from this
    big Python process inherits its peak RSS across exec."""
    cmd = [str(warta), "analyze", "--jsonl", "--threads", str(threads), *map(str, inputs)]
    stats = WORK / "cli-time.txt"
    if GNU_TIME.exists():
        cmd = [str(GNU_TIME), "-f", "%M %U %S", "-o", str(stats), *cmd]
    peak, cpu = None, None
    with (WORK / "cli-stderr.txt").open("w") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        if GNU_TIME.exists():
            proc.wait()
        else:
            while proc.poll() is None:
                peak = max(filter(None, [peak, hwm_kb(proc.pid)]), default=None)
                time.sleep(0.005)
        wall = time.perf_counter() - start
    if GNU_TIME.exists():
        # The last line; GNU time writes a "Command exited with non-zero status" line before it.
        fields = stats.read_text().strip().splitlines()[-1].split()
        try:
            peak, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
        except (IndexError, ValueError):
            pass
    return wall, peak, cpu, proc.returncode


def peak_method() -> str:
    if GNU_TIME.exists():
        return "GNU time `%M` (/usr/bin/time)"
    return "VmHWM of /proc/PID/status polled every 5 ms"


def cli_runs(warta: Path, thread_counts: list[int], inputs: list[Path], reps: int) -> list[dict]:
    """`reps` runs for each thread count, alternated (1, 2, 1, 2, ...) so that a slow phase of a
    noisy machine hits every thread count alike; one summary per thread count."""
    runs = {t: [] for t in thread_counts}
    for _ in range(reps):
        for t in thread_counts:
            runs[t].append(run_cli(warta, t, inputs))
    out = []
    for t in thread_counts:
        walls, peaks, cpus, codes = zip(*runs[t])
        out.append({
            "threads": t,
            "inputs": len(inputs),
            "bytes": sum(p.stat().st_size for p in inputs),
            "wall_s": statistics.median(walls),
            "peak_kb": max(filter(None, peaks), default=None),
            "cpu_s": statistics.median(cpus) if None not in cpus else None,
            "exit_codes": sorted(set(codes)),
            "reps": reps,
        })
    return out


def peers(corpus: str, names_tsv: Path, pages: list[str], args) -> dict:
    import flashtext
    import justext
    import spacy
    from spacy.matcher import PhraseMatcher

    reps, min_time = args.reps, args.min_time
    out: dict = {}
    sample = prefix(corpus, args.spacy_bytes)
    sample_bytes = len(sample.encode())
    out["spacy_sample_bytes"] = sample_bytes

    nlp = spacy.blank("id")
    nlp.max_length = max(nlp.max_length, len(sample) + 1)
    log(f"spaCy tokenizer on {sample_bytes} bytes")
    out["spacy_tokenizer"] = measure(lambda: nlp.tokenizer(sample), sample_bytes, reps, min_time)

    sents = spacy.blank("id")
    sents.add_pipe("sentencizer")
    sents.max_length = nlp.max_length
    log("spaCy tokenizer + sentencizer")
    out["spacy_sentencizer"] = measure(
        lambda: sum(1 for _ in sents(sample).sents), sample_bytes, reps, min_time
    )

    entries = read_names(names_tsv)
    out["names"] = len(entries)

    def build_flashtext():
        kp = flashtext.KeywordProcessor(case_sensitive=False)
        for key, names in entries:
            for name in names:
                kp.add_keyword(name, key)
        return kp

    kp = build_flashtext()
    out["flashtext_build_ms"] = once(build_flashtext) * 1e3
    corpus_bytes = len(corpus.encode())
    log(f"flashtext on {corpus_bytes} bytes")
    out["flashtext"] = measure(
        lambda: kp.extract_keywords(corpus, span_info=True), corpus_bytes, reps, min_time
    )

    def build_matcher():
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, names in entries:
            matcher.add(key, list(nlp.tokenizer.pipe(names)))
        return matcher

    matcher = build_matcher()
    out["phrasematcher_build_ms"] = once(build_matcher) * 1e3
    log("spaCy PhraseMatcher (tokenizer included)")
    out["phrasematcher"] = measure(
        lambda: matcher(nlp.tokenizer(sample)), sample_bytes, reps, min_time
    )
    doc = nlp.tokenizer(sample)
    log("spaCy PhraseMatcher (pre-tokenized)")
    out["phrasematcher_only"] = measure(lambda: matcher(doc), sample_bytes, reps, min_time)

    if pages:
        stoplist = justext.get_stoplist("Indonesian")
        docs = [page_html(p) for p in pages]
        pages_bytes = sum(len(p.encode()) for p in pages)
        log(f"jusText on {len(pages)} pages, {pages_bytes} bytes of text")

        def run_justext():
            for d in docs:
                justext.justext(d, stoplist)

        out["justext"] = measure(run_justext, pages_bytes, reps, min_time)
    return out


# --- report -----------------------------------------------------------------------------------


def rate(stat: dict | None) -> str:
    if not stat:
        return "n/a"
    return f"{stat['median_mb_s']:,.2f} ({stat['min_mb_s']:,.2f}–{stat['max_mb_s']:,.2f})"


def cpu_rate(stat: dict | None) -> str:
    if not stat or not stat.get("cpu_mb_s"):
        return "n/a"
    return f"{stat['cpu_mb_s']:,.2f}"


def ratio(a: dict | None, b: dict | None, key: str = "median_mb_s") -> str:
    if not a or not b or not a.get(key) or not b.get(key):
        return "n/a"
    return f"{a[key] / b[key]:,.1f}×"


def mb(kb) -> str:
    return "n/a" if kb is None else f"{kb / 1024:,.1f}"


def report(info: dict, command: str, warta: dict, peer: dict, cli: dict | None, args) -> str:
    stages = {s["id"]: s for s in warta["stages"]}
    corpus = warta["corpus"]
    lines = [
        "## Warta and its peers",
        "",
        f"- Date: {info['date']}",
        f"- Machine: {info['cpu']}, {info['nproc']} cores available (nproc), {info['os']}; "
        f"1-minute load average {info['load']} when the run started",
        f"- Software: {info['rustc']}; Python {info['python']}, spaCy {info['spacy']}, "
        f"flashtext {info['flashtext']}, jusText {info['justext']}",
        f"- Command: `{command}`",
        f"- Corpus: `{corpus['label']}`, {corpus['bytes']:,} bytes of text "
        "(the texts joined with blank lines, as in `benches/common/mod.rs`)",
        f"- One core, MB = 10^6 bytes of input text, median (min–max) of {args.reps} peer and "
        f"{warta['reps']} Warta repetitions after a warm-up"
        + ("; `--quick` run (short repetitions, 10 MB scaling cap)" if args.quick else ""),
    ]
    if peer["spacy_sample_bytes"] < corpus["bytes"]:
        lines.append(
            f"- spaCy is timed on the first {peer['spacy_sample_bytes']:,} bytes of the corpus "
            "(whole articles) because the whole corpus would take too long; flashtext and Warta "
            "on the whole corpus"
        )
    lines += [
        "",
        "| stage | Warta MB/s | peer | peer MB/s | Warta / peer | Warta / peer by CPU time |",
        "|---|---:|---|---:|---:|---:|",
    ]
    n = peer["names"]
    rows = [
        ("tokenizer", "tokenize", 'spaCy `blank("id")` tokenizer', "spacy_tokenizer"),
        (
            "tokens + sentences",
            "tokenize",
            'spaCy `blank("id")` + sentencizer',
            "spacy_sentencizer",
        ),
        (f"gazetteer, {n:,} names", f"gazetteer_{n}", "flashtext KeywordProcessor", "flashtext"),
        (
            f"gazetteer, {n:,} names",
            f"gazetteer_{n}",
            'spaCy PhraseMatcher(attr="LOWER"), tokenizer included',
            "phrasematcher",
        ),
        (
            f"gazetteer, {n:,} names",
            f"gazetteer_{n}",
            "spaCy PhraseMatcher, on a pre-tokenized Doc",
            "phrasematcher_only",
        ),
        (
            "boilerplate, scraped pages",
            "boilerplate_pages",
            "jusText (Indonesian stoplist)",
            "justext",
        ),
        ("whole pipeline", "pipeline", 'spaCy `blank("id")` tokenizer alone', "spacy_tokenizer"),
        (
            "whole pipeline, one article at a time",
            "pipeline_docs",
            'spaCy `blank("id")` tokenizer alone',
            "spacy_tokenizer",
        ),
    ]
    for label, wid, pname, pid in rows:
        w, p = stages.get(wid), peer.get(pid)
        lines.append(
            f"| {label} | {rate(w)} | {pname} | {rate(p)} | {ratio(w, p)} "
            f"| {ratio(w, p, 'cpu_mb_s')} |"
        )
    lines += [
        "",
        "Warta's tokenizer always yields tokens and sentences, so both tokenizer rows show the "
        f"same Warta figure. Warta's {n:,}-name gazetteer also holds its default list; the peers "
        f"get the {n:,} generated names only (`generated_list({n})` of the benches, dumped by the "
        "throughput example). jusText gets each page line as a `<p>` element; its rate counts "
        "the same text bytes as Warta's. Rates are wall-clock; the last column compares the "
        "rates per second of the measuring thread's CPU time, which other load on the machine "
        "hardly changes.",
        "",
        "### Warta stages, one core",
        "",
        "| stage | input | MB/s median (min–max) | MB/s of CPU time | target (issue 6) |",
        "|---|---|---:|---:|---:|",
    ]
    for s in warta["stages"]:
        target = TARGETS.get(s["id"])
        met = ""
        if target is not None:
            met = f"≥ {target} " + ("(met)" if s["median_mb_s"] >= target else "(not met)")
        lines.append(f"| {s['what']} | {s['input']} | {rate(s)} | {cpu_rate(s)} | {met} |")

    lines += [
        "",
        "### Gazetteer build",
        "",
        "| list | Warta build ms | Warta retained RSS MB | Warta peak during build MB |",
        "|---|---:|---:|---:|",
    ]
    for b in warta["gazetteer_builds"]:
        name = "default list" if b["names"] == 0 else f"default list + {b['names']:,} names"
        lines.append(
            f"| {name} | {b['build_ms']:,.1f} | {mb(b['retained_kb'])} | {mb(b['peak_kb'])} |"
        )
    lines += [
        "",
        f"Peers with the {n:,} names: flashtext builds in {peer['flashtext_build_ms']:,.1f} ms, "
        f"spaCy PhraseMatcher in {peer['phrasematcher_build_ms']:,.1f} ms (one build each).",
        "",
        "### Scaling of the whole pipeline",
        "",
        "| input | bytes | MB/s median (min–max) | ns/B | CPU ns/B | CPU ns/B vs the smallest "
        "of its kind |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    smallest: dict[str, float] = {}
    for s in warta["scaling"]:
        kind = s["id"].split("/")[0]
        cpu_ns = 1e3 / s["cpu_mb_s"] if s.get("cpu_mb_s") else None
        if cpu_ns is None:
            cpu_text, rel_text = "n/a", "n/a"
        else:
            base = smallest.setdefault(kind, cpu_ns)
            cpu_text, rel_text = f"{cpu_ns:,.2f}", f"{cpu_ns / base:,.2f}×"
        lines.append(
            f"| {s['id']} | {s['bytes']:,} | {rate(s)} | {s['ns_per_byte']:,.2f} | {cpu_text} "
            f"| {rel_text} |"
        )

    if cli:
        one, two, many_one, many = cli["one"], cli["two"], cli["many_one"], cli["many"]

        def mbps(r: dict) -> float:
            return r["bytes"] / r["wall_s"] / 1e6

        gaz = next((b["retained_kb"] for b in warta["gazetteer_builds"] if b["names"] == 0), None)
        lines += [
            "",
            "### `warta analyze --jsonl` (release binary, output to /dev/null)",
            "",
            f"Input: `{cli['input']}`, {one['bytes']:,} bytes. Wall time is the median of "
            f"{one['reps']} runs ({many['reps']} for the file 10×), one and two threads "
            f"alternated; peak RSS is the largest of those runs, from {peak_method()}.",
            "",
            "| run | input bytes | wall s | MB/s | CPU s (user + sys) | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for label, r in [
            ("--threads 1", one),
            ("--threads 2", two),
            (f"--threads 1, the file {many['inputs']}×", many_one),
            (f"--threads 2, the file {many['inputs']}×", many),
        ]:
            lines.append(
                f"| {label} | {r['bytes']:,} | {r['wall_s']:.3f} | {mbps(r):,.2f} "
                f"| {'n/a' if r['cpu_s'] is None else format(r['cpu_s'], '.3f')} "
                f"| {mb(r['peak_kb'])} |"
            )
        lines += [
            "",
            f"- 2-thread speedup: {one['wall_s'] / two['wall_s']:.2f}× in wall time (target "
            f"≥ 1.8×; {info['nproc']} cores available; only meaningful on an idle machine); "
            f"{many_one['wall_s'] / many['wall_s']:.2f}× on the file {many['inputs']}×",
            f"- Peak memory streaming {many['inputs']}× the documents: "
            f"{mb(many['peak_kb'])} MB against {mb(two['peak_kb'])} MB for 1× "
            f"(target ≤ 30 MB + the gazetteer; the default gazetteer retains {mb(gaz)} MB)",
        ]
        codes = sorted({c for r in (one, two, many_one, many) for c in r["exit_codes"]})
        if codes != [0]:
            lines.append(f"- warning: exit codes {codes}; see {WORK / 'cli-stderr.txt'}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="JSONL with a \"text\" field per line "
                        "(default: ../shared/data/pfsa/dev.jsonl, else the seed repeated)")
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="scraped pages JSONL for jusText and the Warta classifier")
    parser.add_argument("--reps", type=int, help="timed repetitions (default 5, --quick 3)")
    parser.add_argument("--spacy-bytes", type=int, default=1_000_000,
                        help="bytes of the corpus timed with spaCy (default 1000000)")
    parser.add_argument("--quick", action="store_true",
                        help="short repetitions, scaling capped at 10 MB, one CLI run each")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    argv = sys.argv[1:]
    args = parser.parse_args(argv)
    if not in_venv():
        bootstrap(argv)
    args.reps = args.reps or (3 if args.quick else 5)
    args.min_time = 0.1 if args.quick else 0.3
    WORK.mkdir(parents=True, exist_ok=True)
    script = Path(__file__).resolve().relative_to(ROOT)
    command = shlex.join(["python3", str(script), *argv])
    info = machine()

    corpus_args = ["--corpus", str(args.corpus.resolve())] if args.corpus else []
    cargo(["build", "--release", "--example", "throughput", "--bin", "warta"])
    corpus_file, names_file = WORK / "corpus.txt", WORK / f"names-{NAMES}.tsv"
    cargo(["run", "--release", "--quiet", "--example", "throughput", "--", *corpus_args,
           "--dump-corpus", str(corpus_file), "--dump-names", str(NAMES), str(names_file)])
    corpus = corpus_file.read_text(encoding="utf-8")
    pages = read_pages(args.pages) if args.pages.exists() else []

    peer = peers(corpus, names_file, pages, args)

    warta_args = ["--json", "--reps", str(args.reps), "--pages", str(args.pages.resolve()),
                  "--names", f"{NAMES},100000", *corpus_args]
    if args.quick:
        warta_args.append("--quick")
    warta = json.loads(cargo(["run", "--release", "--quiet", "--example", "throughput", "--",
                              *warta_args], capture=True))

    jsonl = args.corpus or DEFAULT_CORPUS
    if not jsonl.exists():
        jsonl = WORK / "seed.jsonl"
        seed_jsonl(jsonl, 3 << 20)
    warta_bin = TARGET / "release" / ("warta.exe" if os.name == "nt" else "warta")
    cli_reps = 3 if args.quick else 11
    log(f"warta analyze --jsonl on {jsonl}")
    one, two = cli_runs(warta_bin, [1, 2], [jsonl], cli_reps)
    many_one, many = cli_runs(warta_bin, [1, 2], [jsonl] * 10, 1 if args.quick else 3)
    cli = {
        "input": os.path.relpath(jsonl.resolve(), ROOT),
        "one": one,
        "two": two,
        "many_one": many_one,
        "many": many,
    }

    text = report(info, command, warta, peer, cli, args)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    (WORK / "last-run.json").write_text(
        json.dumps({"machine": info, "command": command, "warta": warta, "peers": peer,
                    "cli": cli}, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
