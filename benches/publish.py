#!/usr/bin/env python3
"""`shouce publish` on a large handbook: a first publish against `cp -r`, and a republish.

    python3 benches/publish.py [CORPUS] [RUNS] [SHOUCE] [WORK]

CORPUS (default /tmp/c10k, written by benches/corpus.py 10000 if missing), RUNS (default 3),
SHOUCE (default target/release/shouce), WORK (default /tmp/shouce-publish-bench).

1. First publish: RUNS times, `shouce publish WORK/dest` into a folder that does not exist,
   and `cp -r` of the same site (built once by `shouce build`) into another; the median of
   each and their ratio. shouce's time includes its build; the part after the build (hash,
   compare, copy, records) is taken from its summary line and compared with `cp -r` too.
2. Republish: one page of the corpus gets a sentence more, then `shouce publish` again: the
   files and bytes that changed in DEST (hashed before and after, so the figure does not rely
   on shouce's own count), as a share of the site's bytes, and shouce's own count beside it.
   The page is restored at the end.

Old folders are moved into WORK/trash and deleted at the end, as benches/run.py does (ext4
pays for inodes freed just before a run). Prints figures only; asserts nothing.
Standard library only.
"""
import hashlib
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
RECORD = ".shouce-publish.json"


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return wall, p.stdout + p.stderr


def summary(text):
    """(total s, build s, files copied, removed, unchanged) from publish's last line (zh or en)."""
    line = [l for l in text.splitlines() if l.strip()][-1]
    zh = re.search(r"复制 (\d+) 个文件.*删除 (\d+) 个，(\d+) 个没有变化，用时 ([\d.]+) 秒（其中生成 ([\d.]+) 秒）", line)
    if zh:
        c, r, u, total, build = zh.groups()
    else:
        en = re.search(r"(\d+) files? copied .*?, (\d+) removed, (\d+) unchanged, in ([\d.]+) s \(([\d.]+) s", line)
        if not en:
            sys.exit(f"cannot read the summary line: {line}")
        c, r, u, total, build = en.groups()
    return float(total), float(build), int(c), int(r), int(u)


def hashes(d):
    out = {}
    for base, _, files in os.walk(d):
        for f in files:
            p = os.path.join(base, f)
            rel = os.path.relpath(p, d)
            if rel == RECORD:
                continue
            with open(p, "rb") as fh:
                out[rel] = (hashlib.sha256(fh.read()).hexdigest(), os.path.getsize(p))
    return out


def discard(path, trash):
    if os.path.lexists(path):
        os.makedirs(trash, exist_ok=True)
        os.rename(path, os.path.join(trash, f"{os.path.basename(path)}-{time.monotonic_ns()}"))


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/tmp/c10k"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    exe = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "target", "release", "shouce")
    work = sys.argv[4] if len(sys.argv) > 4 else "/tmp/shouce-publish-bench"
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "10000", corpus], check=True)
    os.makedirs(work, exist_ok=True)
    trash = os.path.join(work, "trash")
    dest, copy, built = (os.path.join(work, n) for n in ("dest", "copy", "built"))
    discard(built, trash)
    run([exe, "build", "--root", corpus, "--out", built, "-q"])

    pub, builds, after_build, cp = [], [], [], []
    for i in range(runs):
        discard(dest, trash)
        discard(copy, trash)
        wall, text = run([exe, "publish", dest, "--root", corpus])
        total, build, copied, _, _ = summary(text)
        pub.append(wall)
        builds.append(build)
        after_build.append(total - build)
        cp.append(run(["cp", "-r", built, copy])[0])
        print(f"run {i + 1}: publish {wall:.2f} s ({total - build:.2f} s after the build, {copied} files), "
              f"cp -r {cp[-1]:.2f} s", flush=True)
    site = hashes(dest)
    site_bytes = sum(s for _, s in site.values())
    record_bytes = os.path.getsize(os.path.join(dest, RECORD))
    m_pub, m_after, m_cp = statistics.median(pub), statistics.median(after_build), statistics.median(cp)
    print(f"\nfirst publish of {len(site)} files, {site_bytes / 2**20:.1f} MB (record {record_bytes / 2**20:.2f} MB), "
          f"median of {runs}:")
    print(f"  shouce publish  {m_pub:.2f} s  (build included)   = {m_pub / m_cp:.1f} x cp -r")
    print(f"  its build       {statistics.median(builds):.2f} s")
    print(f"  after the build {m_after:.2f} s  (hash, copy, records) = {m_after / m_cp:.1f} x cp -r")
    print(f"  cp -r           {m_cp:.2f} s")

    page = first_page(corpus)
    original = open(page, encoding="utf-8").read()
    try:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original + "\n发布测试：这一句是新加的。\n")
        wall, text = run([exe, "publish", dest, "--root", corpus])
        total, build, copied, removed, unchanged = summary(text)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    now = hashes(dest)
    changed = sorted(p for p in now if site.get(p) != now[p])
    gone = sorted(p for p in site if p not in now)
    changed_bytes = sum(now[p][1] for p in changed)
    print(f"\nrepublish after editing {os.path.relpath(page, corpus)}: {wall:.2f} s "
          f"({total - build:.2f} s after the build)")
    print(f"  changed in DEST: {len(changed)} files, {changed_bytes / 2**20:.2f} MB = "
          f"{100 * changed_bytes / site_bytes:.1f} % of the site's bytes; {len(gone)} removed")
    print(f"  shouce's count:  {copied} copied, {removed} removed, {unchanged} unchanged")
    big = sorted(changed, key=lambda p: -now[p][1])
    for p in big[:5]:
        print(f"    {now[p][1] / 2**20:8.2f} MB  {p}")
    if len(big) > 5:
        print(f"    … and {len(big) - 5} more, {sum(now[p][1] for p in big[5:]) / 2**10:.0f} KB together")
    shutil.rmtree(trash, ignore_errors=True)


if __name__ == "__main__":
    main()
