#!/usr/bin/env python3
"""Writes a deterministic Chinese handbook of N pages for benchmarks.

    python3 benches/corpus.py N OUT_DIR

Seven industries x chapters x pages; YAML front matter; 2-4 sections a page with headings;
paragraphs of real sentences taken from seeds/ (Simplified and Traditional mixed), lists, an
occasional table and code block; about 5-6 KB of Markdown a page. The same N gives the same
bytes on every machine.
"""
import os
import json
import random
import re
import sys

INDUSTRIES = [
    ("banking", "银行业"), ("telecom", "电信业"), ("securities", "证券业"), ("pharmacy", "医药业"),
    ("manufacturing", "制造业"), ("insurance", "保险业"), ("hospital", "医院"),
]
PAGES_PER_CHAPTER = 25


def sentences(seed_dir):
    out = []
    for name in sorted(os.listdir(seed_dir)):
        text = open(os.path.join(seed_dir, name), encoding="utf-8").read()
        for s in re.split(r"[。！？\n]", text):
            s = re.sub(r"\s+", "", s)
            cjk = len(re.findall(r"[\u4e00-\u9fff]", s))
            boilerplate = any(b in s for b in ("万一网", "上传", "上傳", "文档编号", "下载", "下載"))
            if 12 <= cjk and len(s) <= 120 and not boilerplate and "页" not in s[-6:]:
                out.append(s + "。")
    return out


def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pool = sentences(os.path.join(root, "seeds"))
    rnd = random.Random(20261122)
    os.makedirs(os.path.join(out, "content"), exist_ok=True)
    with open(os.path.join(out, "handbook.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 基准测试手册\nindustries:\n")
        for i, (iid, name) in enumerate(INDUSTRIES):
            f.write(f"  - {{ id: {iid}, name: {name}, order: {i} }}\n")
    words = lambda k: "".join(rnd.choice(pool)[:rnd.randint(2, 6)] for _ in range(k)).replace("。", "")
    total = 0
    for p in range(n):
        ind = p % len(INDUSTRIES)
        iid, iname = INDUSTRIES[ind]
        chapter = (p // len(INDUSTRIES)) // PAGES_PER_CHAPTER
        cdir = os.path.join(out, "content", f"{ind + 1:02d}-{iid}", f"{chapter + 1:03d}-chapter")
        if not os.path.isdir(cdir):
            os.makedirs(cdir)
            with open(os.path.join(cdir, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {q(f'{iname}第{chapter + 1}章 {words(1)}')}\n---\n")
            top = os.path.dirname(cdir)
            idx = os.path.join(top, "_index.md")
            if not os.path.exists(idx):
                with open(idx, "w", encoding="utf-8") as f:
                    f.write(f"---\ntitle: {iname}服务手册\n---\n")
        body = [f"---\ntitle: {q(f'{words(1)}（{p}）')}\nindustry: {iid}\nsummary: {q(rnd.choice(pool))}\nsource: 基准语料第{p}页\n---\n"]
        body.append("".join(rnd.choice(pool) for _ in range(4)) + "\n")
        for s in range(rnd.randint(2, 4)):
            body.append(f"\n## {words(1)}{s + 1}\n\n")
            for _ in range(rnd.randint(2, 4)):
                body.append("".join(rnd.choice(pool) for _ in range(rnd.randint(3, 6))) + "\n\n")
            if rnd.random() < 0.5:
                body.extend(f"- {rnd.choice(pool)}\n" for _ in range(rnd.randint(2, 5)))
            if rnd.random() < 0.15:
                body.append("\n| 正确 | 错误 |\n| --- | --- |\n")
                body.extend(f"| {rnd.choice(pool)} | {rnd.choice(pool)} |\n" for _ in range(3))
            if rnd.random() < 0.05:
                body.append("\n```json\n{\"客户\": \"张三\", \"等级\": 3}\n```\n")
        text = "".join(body)
        total += len(text.encode("utf-8"))
        with open(os.path.join(cdir, f"{p:05d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {n} pages, {total / 1e6:.1f} MB of Markdown ({total / n / 1024:.1f} KB a page) to {out}")


if __name__ == "__main__":
    main()
