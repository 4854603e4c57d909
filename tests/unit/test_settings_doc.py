"""tools/settings_doc.py: the settings table in docs/operations.md is the one Settings renders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import settings_doc

from mystocks.settings import DEV_ADMIN_PASSWORD, DEV_API_KEY_ENCRYPTION_KEY, DEV_JWT_SECRET


def test_the_committed_table_is_up_to_date() -> None:
    text = settings_doc.DOC.read_text(encoding="utf-8")
    assert settings_doc.differences(text) == [], (
        "docs/operations.md's settings table is out of date: run `python tools/settings_doc.py`"
    )
    assert settings_doc.main(["--check"]) == 0


def test_a_changed_table_is_detected(tmp_path: Path) -> None:
    text = settings_doc.DOC.read_text(encoding="utf-8")
    row = "| `MYSTOCKS_PORT` | `8000` |"
    assert row in text
    changed = text.replace(row, "| `MYSTOCKS_PORT` | `8080` |")

    diff = settings_doc.differences(changed)
    assert any(line.startswith("-| `MYSTOCKS_PORT` | `8080` |") for line in diff), diff
    assert any(line.startswith("+| `MYSTOCKS_PORT` | `8000` |") for line in diff), diff

    doc = tmp_path / "operations.md"
    doc.write_text(changed, encoding="utf-8")
    assert settings_doc.main(["--check", "--doc", str(doc)]) == 1
    assert settings_doc.main(["--doc", str(doc)]) == 0  # rewrites it
    assert doc.read_text(encoding="utf-8") == text
    assert settings_doc.main(["--check", "--doc", str(doc)]) == 0


def test_only_the_block_is_rewritten() -> None:
    text = "# Doc\n\nbefore\n\n<!-- settings:begin -->\nold\n<!-- settings:end -->\n\nafter\n"
    table = settings_doc.render_table()
    written = settings_doc.replace_block(text, table)
    assert written.startswith("# Doc\n\nbefore\n\n<!-- settings:begin -->\n| variable |")
    assert written.endswith(f"{table}\n<!-- settings:end -->\n\nafter\n")
    assert settings_doc.differences(written) == []


@pytest.mark.parametrize(
    "text",
    [
        "no markers",
        "<!-- settings:end -->\n<!-- settings:begin -->",
        "<!-- settings:begin -->\n<!-- settings:begin -->\n<!-- settings:end -->",
    ],
)
def test_markers_missing_or_misplaced_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="settings:begin"):
        settings_doc.replace_block(text, "table")


def test_every_field_in_order_and_no_secret_shown() -> None:
    table = settings_doc.render_table()
    names = [line.split("`")[1] for line in table.splitlines()[2:]]
    expected = [f"MYSTOCKS_{name.upper()}" for name in settings_doc.Settings.model_fields]
    assert names == expected
    for secret in (DEV_JWT_SECRET, DEV_ADMIN_PASSWORD, DEV_API_KEY_ENCRYPTION_KEY):
        assert secret not in table
    assert f"| `MYSTOCKS_JWT_SECRET` | {settings_doc.SECRET_DEFAULT} |" in table
