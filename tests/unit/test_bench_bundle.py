"""bench/bundle.py: the files index.html loads up front, and the sizes as the server sends them."""

from __future__ import annotations

import gzip
from pathlib import Path

from bench.bundle import initial_files, measure

INDEX = """<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
<link rel="stylesheet" crossorigin href="/assets/index-c.css">
<link rel="icon" href="/favicon.ico">
<script src="https://example.com/elsewhere.js"></script>
</head><body><div id="app"></div></body></html>"""


def test_initial_files_are_the_entry_its_preloads_and_stylesheets():
    assert initial_files(INDEX) == ["assets/index-a.js", "assets/vendor-b.js", "assets/index-c.css"]


def test_sizes_gzip_as_the_server_does_and_compare_with_all_chunks(tmp_path: Path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    big = b"export const x = 1;\n" * 500  # over 1 kB: sent gzipped
    (assets / "index-a.js").write_bytes(big)
    (assets / "vendor-b.js").write_bytes(b"let y=2;")  # under 1 kB: sent as it is
    (assets / "index-c.css").write_bytes(b"body{}")
    (assets / "Page-d.js").write_bytes(big + b"//page")  # a page's chunk, loaded later
    sizes = measure(tmp_path)
    initial, total = sizes["initial"], sizes["total"]
    assert initial["js"].files == 2 and initial["css"].files == 1 and total["all"].files == 4
    assert initial["js"].gzip == len(gzip.compress(big, compresslevel=6, mtime=0)) + 8
    assert initial["css"].gzip == 6
    assert 0 < initial["all"].gzip < total["all"].gzip
