#!/usr/bin/env python3
"""Reload latency of `shouce serve`: time from writing one page to the `reload` event.

    python3 benches/reload.py ROOT [RUNS] [SHOUCE] [GAP]

Starts SHOUCE (default target/release/shouce) as `serve --root ROOT --port 0`, listens on
/__shouce/events over 127.0.0.1 like an open browser tab, then RUNS times (default 5) appends a
line to one page of ROOT/content, and measures the time until the server sends `reload`.
Edits are GAP seconds apart (default 3, an author reading the result before saving again;
0.5 shows edits that arrive while the server still writes the search index and binders,
which it puts off until the sources are quiet). The time includes the 150 ms debounce.
The page is restored at the end. Prints each run, then the median, min and max, and the
server's own lines on how long the search index and binders took after the page.
"""
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time


def first_page(root):
    for d, dirs, files in sorted(os.walk(os.path.join(root, "content"))):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".md") and f != "_index.md":
                return os.path.join(d, f)
    sys.exit("no page in content/")


def events(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=600)
    s.sendall(f"GET /__shouce/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    buf = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return
        buf += chunk
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            lines = block.decode("utf-8", "replace").split("\n")
            name = next((l[7:] for l in lines if l.startswith("event: ")), None)
            if name:
                yield name, "\n".join(l[6:] for l in lines if l.startswith("data: "))


def main():
    root = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    exe = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "target", "release", "shouce")
    gap = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    child = subprocess.Popen([exe, "serve", "--root", root, "--port", "0"], stderr=subprocess.PIPE, text=True)
    port = None
    log = []
    for line in child.stderr:
        log.append(line.rstrip())
        print("  |", line.rstrip(), file=sys.stderr)
        # "serving http://127.0.0.1:PORT/" (in the handbook's language: 正在提供 http://…)
        m = re.search(r"http://[^/\s]+:(\d+)/", line)
        if m:
            port = int(m.group(1))
            break
    # Keep draining stderr so the server never blocks on a full pipe.
    threading.Thread(target=lambda: [log.append(l.rstrip()) for l in child.stderr], daemon=True).start()
    page = first_page(root)
    original = open(page, encoding="utf-8").read()
    times = []
    try:
        stream = events(port)
        assert next(stream)[0] == "hello"
        for i in range(runs):
            time.sleep(gap)
            with open(page, "w", encoding="utf-8") as f:
                f.write(original + f"\n测量重新加载的时间，第 {i + 1} 次。\n")
            start = time.perf_counter()
            for name, data in stream:
                if name == "reload":
                    break
                if name == "build-error":
                    sys.exit("build failed:\n" + data)
            times.append(time.perf_counter() - start)
            print(f"run {i + 1}: {times[-1] * 1000:.0f} ms", flush=True)
    finally:
        # Let the put-off search index and binders of the last edit be written and logged.
        time.sleep(gap + 2)
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(0.3)
        child.terminate()
        child.wait(timeout=60)
    print(f"edited {os.path.relpath(page, root)}")
    print(f"reload latency: median {statistics.median(times) * 1000:.0f} ms, "
          f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {len(times)} runs")
    for l in log:
        if l.startswith(("rebuilt", "updated", "search index", "已重新生成", "已更新", "搜索索引")):
            print("  server:", l)


if __name__ == "__main__":
    main()
