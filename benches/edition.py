#!/usr/bin/env python3
"""What the 修订记录 costs on a large handbook.

    python3 benches/edition.py [CORPUS] [RUNS] [SHOUCE] [WORK] [OLD_SHOUCE]

CORPUS (default /tmp/c10k, from benches/corpus.py), RUNS (default 3), SHOUCE (default
target/release/shouce), WORK (default /tmp/shouce-edition-bench), OLD_SHOUCE (optional: a
shouce from before the edition record, to time a plain build with and without it).

1. The first edition is built once into WORK/first.
2. One page gets a sentence rewritten and one added (restored at the end).
3. RUNS times, alternating: `shouce build` of the edited corpus (what every build pays now: the
   record included), `shouce build --compare WORK/first` (the same plus the comparison and the
   修订记录 pages), and OLD_SHOUCE's plain build when given. Medians, and the comparison's share
   of the build; the `recording` stage from SHOUCE_TIMINGS=1.
4. The record's size: `_shouce/edition.json`, the text buckets, the baseline, as bytes and as a
   share of the site and of the Markdown.

Prints figures only; asserts nothing. Standard library only.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

from reload import first_page  # benches/ is on the path when run as a script

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    return wall, p.stderr


def size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
    return total


def count(path):
    return sum(len(files) for _, _, files in os.walk(path))


def markdown_bytes(corpus):
    return size(os.path.join(corpus, "content"))


def recording(stderr):
    m = re.search(r"timing: recording this edition's text \(for the revisions\)\s+([\d.]+) s", stderr)
    return float(m.group(1)) if m else None


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/tmp/c10k"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    exe = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else os.path.join(ROOT, "target/release/shouce")
    work = sys.argv[4] if len(sys.argv) > 4 else "/tmp/shouce-edition-bench"
    old_exe = os.path.abspath(sys.argv[5]) if len(sys.argv) > 5 else None
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    first = os.path.join(work, "first")
    run([exe, "build", "--quiet", "--root", corpus, "--out", first])

    page = first_page(corpus)
    with open(page, encoding="utf-8") as f:
        original = f.read()
    # A sentence of the body rewritten (its first 。), and one added.
    body_at = original.index("\n---", 3) + 4
    stop = original.find("。", body_at)
    edited = original[:stop] + "，这是改过的说法" + original[stop:] + "\n\n这一句是本版新增的。\n"
    timing_env = dict(os.environ, SHOUCE_TIMINGS="1")
    plain, compared, older, rec = [], [], [], []
    try:
        with open(page, "w", encoding="utf-8") as f:
            f.write(edited)
        for i in range(runs):
            w, err = run([exe, "build", "--quiet", "--root", corpus, "--out", os.path.join(work, "plain")], timing_env)
            plain.append(w)
            if recording(err) is not None:
                rec.append(recording(err))
            w, _ = run([exe, "build", "--quiet", "--root", corpus, "--out", os.path.join(work, "second"),
                        "--compare", first])
            compared.append(w)
            if old_exe:
                w, _ = run([old_exe, "build", "--quiet", "--root", corpus, "--out", os.path.join(work, "old")])
                older.append(w)
            print(f"run {i + 1}: build {plain[-1]:.2f} s, build --compare {compared[-1]:.2f} s"
                  + (f", before the record {older[-1]:.2f} s" if old_exe else ""), flush=True)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)

    md = markdown_bytes(corpus)
    p, c = statistics.median(plain), statistics.median(compared)
    print(f"\ncorpus {corpus}: {md / 1e6:.1f} MB of Markdown; medians of {runs} runs")
    print(f"build (with the record)     {p:.2f} s" + (f"  (recording stage {statistics.median(rec):.3f} s)" if rec else ""))
    print(f"build --compare FIRST       {c:.2f} s  (+{c - p:.2f} s = {100 * (c - p) / p:.1f} % of the build)")
    if older:
        o = statistics.median(older)
        print(f"build before the record     {o:.2f} s  (the record costs {p - o:+.2f} s = {100 * (p - o) / o:+.1f} %)")
    second = os.path.join(work, "second")
    site = size(second)
    record = size(os.path.join(second, "_shouce/edition.json"))
    texts = size(os.path.join(second, "_shouce/text"))
    baseline = size(os.path.join(second, "_shouce/baseline"))
    print(f"site {site / 1e6:.1f} MB in {count(second)} files")
    print(f"edition.json {record / 1e6:.2f} MB; text buckets {texts / 1e6:.1f} MB in "
          f"{count(os.path.join(second, '_shouce/text'))} files ({100 * texts / md:.0f} % of the Markdown); "
          f"baseline {baseline / 1e6:.1f} MB; record and baseline together {100 * (record + texts + baseline) / site:.1f} % of the site")
    rev = os.path.join(second, "revisions.html")
    print(f"revisions.html {size(rev) / 1e3:.1f} KB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
