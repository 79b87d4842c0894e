#!/usr/bin/env python3
"""Where `shouce build` spends its CPU: perf samples attributed to shouce's own functions.

    python3 benches/profile.py CORPUS_DIR [--freq 199] [--top 25] [--no-build | --exe PATH]

Builds shouce with line tables (CARGO_PROFILE_RELEASE_DEBUG=line-tables-only, into
target/profiling so target/release is left alone), records `shouce build --root CORPUS_DIR`
with `perf record --call-graph dwarf`, and charges every sample to the innermost function of
shouce's (inlined frames resolved) on its stack: a hash-map probe inside the search indexer
counts for the indexer. Samples whose stack the unwinder cut short before reaching a shouce
function are listed apart, with the types they touch as a hint. Needs `perf` (linux-perf).
Make the corpus with benches/corpus.py; run when the machine is otherwise idle.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse(text):
    """perf script -F tid,ip,sym,srcline --inline → list of samples, each [[ip, sym, srcline]]."""
    samples, cur = [], None
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith("\t") and line.strip().isdigit():
            # a sample's header: its thread id, right-aligned (so it may start with spaces)
            if cur is not None:
                samples.append(cur)
            cur = []
        elif cur is None:
            continue
        elif line.startswith("\t"):
            parts = line.strip().split(" ", 1)
            cur.append([parts[0], parts[1] if len(parts) > 1 else "?", ""])
        elif cur:
            cur[-1][2] = line.strip()
    if cur:
        samples.append(cur)
    return samples


def owner(frames):
    for ip, sym, _ in frames:
        # the real (not inlined) function of an address is the last frame listed for it
        real = [s for p, s, _ in frames if p == ip][-1]
        for name in (sym, real):
            if name.startswith(("shouce::", "<shouce::")):
                return re.sub(r"::\{\{closure\}\}.*", "", name)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--freq", type=int, default=199)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-build", action="store_true", help="use target/profiling as it is")
    ap.add_argument("--exe", help="profile this binary (built with line tables) instead")
    args = ap.parse_args()
    if not shutil.which("perf"):
        sys.exit("perf is not installed (Debian: apt-get install linux-perf)")
    target = os.path.join(ROOT, "target", "profiling")
    if not args.no_build and not args.exe:
        env = dict(os.environ, CARGO_PROFILE_RELEASE_DEBUG="line-tables-only", CARGO_TARGET_DIR=target)
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, env=env, check=True)
    exe = args.exe or os.path.join(target, "release", "shouce")
    with tempfile.TemporaryDirectory(prefix="shouce-profile-") as tmp:
        data = os.path.join(tmp, "perf.data")
        subprocess.run(["perf", "record", "-q", "-F", str(args.freq), "--call-graph", "dwarf,32768", "-o", data,
                        "--", exe, "build", "--root", args.corpus, "--out", os.path.join(tmp, "out")], check=True)
        text = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym,srcline", "--inline"],
                              capture_output=True, text=True, errors="replace").stdout
    samples = parse(text)
    total = len(samples)
    if not total:
        sys.exit("perf recorded no samples")
    counts, cut = collections.Counter(), collections.Counter()
    for frames in samples:
        o = owner(frames)
        if o:
            counts[o] += 1
            continue
        syms = " ".join(s for _, s, _ in frames)
        if "Vec<u32" in syms:
            cut["hash map of String → Vec<u32> (search postings?)"] += 1
        elif "tera::" in syms:
            cut["tera templates (page rendering)"] += 1
        elif re.search(r"btree.*char|char.*btree", syms, re.I):
            cut["BTreeMap/BTreeSet of char"] += 1
        else:
            cut[frames[0][1][:60] if frames else "?"] += 1
    print(f"{total} samples of CPU time ({args.freq} Hz a thread); share by innermost shouce function:")
    for name, n in counts.most_common(args.top):
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"{100 * sum(cut.values()) / total:5.1f}%  stack cut short before a shouce function; by what it touched:")
    for name, n in cut.most_common(5):
        print(f"        {100 * n / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
