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

DEST on a slow file system, as on a share where every file operation is a round trip:

    SLOWFS_MS=2 python3 benches/publish.py [CORPUS] [RUNS] [SHOUCE] [WORK]

mounts benches/slowfs.py (a FUSE passthrough that waits 2 ms before every call; needs fusepy
and libfuse2) at WORK/mnt over an empty WORK/backing, and publishes and copies into WORK/mnt;
the build, `cp -r`'s source and the hashing stay on the local disk (files are hashed in
WORK/backing). SLOWFS_MS=0 measures FUSE alone. It is unmounted at the end, also on an error.
"""
import hashlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

from reload import first_page  # benches/ is on the path when run as a script

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RECORD = ".shouce-publish.json"
WORK = "/tmp/shouce-publish-bench"


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return wall, p.stdout + p.stderr


def summary(text):
    """(total s, build s, files copied, removed, unchanged) from publish's summary line (zh or en),
    the last line that reads as one (a 修订记录 line may follow it)."""
    zh = r"复制 (\d+) 个文件.*删除 (\d+) 个，(\d+) 个没有变化，用时 ([\d.]+) 秒（其中生成 ([\d.]+) 秒）"
    en = r"(\d+) files? copied .*?, (\d+) removed, (\d+) unchanged, in ([\d.]+) s \(([\d.]+) s"
    for line in reversed(text.splitlines()):
        m = re.search(zh, line) or re.search(en, line)
        if m:
            c, r, u, total, build = m.groups()
            return float(total), float(build), int(c), int(r), int(u)
    sys.exit(f"cannot read the summary line in:\n{text}")


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


def mount(work, ms):
    """Mounts slowfs at WORK/mnt over an empty WORK/backing; (mount point, backing, process)."""
    mnt, backing = os.path.join(work, "mnt"), os.path.join(work, "backing")
    if os.path.ismount(mnt):
        subprocess.run(["fusermount", "-u", mnt], check=True)
    for d in (mnt, backing):
        discard(d, os.path.join(work, "trash"))
        os.makedirs(d)
    log = os.path.join(work, "slowfs.log")
    with open(log, "w") as out:
        fs = subprocess.Popen([sys.executable, os.path.join(HERE, "slowfs.py"), backing, mnt, "--latency-ms", str(ms)],
                              stdout=out, stderr=subprocess.STDOUT, start_new_session=True)  # ^C: we unmount
    deadline = time.monotonic() + 10
    while not os.path.ismount(mnt):
        if fs.poll() is not None or time.monotonic() > deadline:
            unmount(mnt, fs)
            sys.exit(f"slowfs did not mount {mnt}:\n{open(log).read()}")
        time.sleep(0.1)
    return mnt, backing, fs


def unmount(mnt, fs):
    if os.path.ismount(mnt) and subprocess.run(["fusermount", "-u", mnt]).returncode != 0:
        subprocess.run(["fusermount", "-u", "-z", mnt])  # busy: detached now, gone once released
    try:
        fs.wait(timeout=10)
    except subprocess.TimeoutExpired:
        fs.kill()


def mounted(slow):
    """Stops if slowfs is gone: what was measured went to the local disk."""
    if slow and not os.path.ismount(slow[0]):
        sys.exit(f"slowfs is no longer mounted at {slow[0]}")


def main():
    args = sys.argv[1:5]
    ms = os.environ.get("SLOWFS_MS")
    if ms is None:
        return bench(*args)
    work = args[3] if len(args) > 3 else WORK
    os.makedirs(work, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` unmounts
    mnt, backing, fs = mount(work, float(ms))
    try:
        print(f"DEST on slowfs, {float(ms):g} ms a call: {mnt} over {backing}", flush=True)
        bench(*args[:3], work, slow=(mnt, backing))
    finally:
        unmount(mnt, fs)
        shutil.rmtree(backing, ignore_errors=True)
        log = open(os.path.join(work, "slowfs.log")).read()
        if log.strip():
            print(f"\nslowfs said:\n{log[-3000:]}")


def bench(corpus="/tmp/c10k", runs="3", exe=None, work=None, slow=None):
    """With slow = (mount point, backing folder), DEST and the copy go into the mount; the files
    are hashed in the backing folder."""
    runs = int(runs)
    exe = exe or os.path.join(ROOT, "target", "release", "shouce")
    work = work or WORK
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), "10000", corpus], check=True)
    os.makedirs(work, exist_ok=True)
    far = slow[0] if slow else work  # where DEST and the copy go
    trash, far_trash = os.path.join(work, "trash"), os.path.join(far, "trash")  # renames stay on one file system
    dest, copy, built = os.path.join(far, "dest"), os.path.join(far, "copy"), os.path.join(work, "built")
    local = (lambda p: os.path.join(slow[1], os.path.relpath(p, slow[0]))) if slow else (lambda p: p)
    discard(built, trash)
    run([exe, "build", "--root", corpus, "--out", built, "-q"])

    pub, builds, after_build, cp = [], [], [], []
    for i in range(runs):
        discard(dest, far_trash)
        discard(copy, far_trash)
        wall, text = run([exe, "publish", dest, "--root", corpus])
        mounted(slow)
        total, build, copied, _, _ = summary(text)
        pub.append(wall)
        builds.append(build)
        after_build.append(total - build)
        cp.append(run(["cp", "-r", built, copy])[0])
        mounted(slow)
        print(f"run {i + 1}: publish {wall:.2f} s ({total - build:.2f} s after the build, {copied} files), "
              f"cp -r {cp[-1]:.2f} s", flush=True)
    site = hashes(local(dest))
    site_bytes = sum(s for _, s in site.values())
    record_bytes = os.path.getsize(os.path.join(local(dest), RECORD))
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
        mounted(slow)
        total, build, copied, removed, unchanged = summary(text)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
    now = hashes(local(dest))
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
    for t in {trash, local(far_trash)}:
        shutil.rmtree(t, ignore_errors=True)


if __name__ == "__main__":
    main()
