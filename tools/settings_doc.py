"""The settings table of docs/operations.md, generated from `mystocks.settings.Settings`.

    python tools/settings_doc.py           rewrite the table between the markers
    python tools/settings_doc.py --check   exit 1 when the table differs from what would be written

One row per field, in declaration order: the environment variable, the default and the field's
`description`. Defaults are read from the class, never from the environment, so the table is the
same on every machine; a secret's default is never printed, and a default computed at start
(`default_factory`) is named as such.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from pydantic.fields import FieldInfo

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "operations.md"
BEGIN = "<!-- settings:begin -->"
END = "<!-- settings:end -->"
SECRET_DEFAULT = "(development default; required in production)"
COMPUTED_DEFAULT = "(computed at start)"
UNSET = "(unset)"
EMPTY = "(empty)"

try:
    from mystocks.settings import Settings
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    from mystocks.settings import Settings


def variable(name: str, field: FieldInfo, settings: type[Settings] = Settings) -> str:
    """The environment variable pydantic-settings reads the field from."""
    config = settings.model_config
    if isinstance(field.validation_alias, str):
        env = field.validation_alias
    elif isinstance(field.alias, str):
        env = field.alias
    else:
        env = f"{config.get('env_prefix', '')}{name}"
    return env if config.get("case_sensitive", False) else env.upper()


def value_text(value: Any) -> str:
    """A default as it would be written in the environment."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)  # str, int, float, Path, date


def default_text(field: FieldInfo) -> str:
    if field.default_factory is not None:
        return COMPUTED_DEFAULT
    default = field.default
    if isinstance(default, SecretStr):
        return SECRET_DEFAULT if default.get_secret_value() else EMPTY
    if default is None:
        return UNSET
    text = value_text(default)
    return f"`{text}`" if text else EMPTY


def cell(text: str) -> str:
    """Table-cell safe: one line, no column separator."""
    return " ".join(text.split()).replace("|", "\\|")


def rows(settings: type[Settings] = Settings) -> list[tuple[str, str, str]]:
    """(variable, default, description) per field, in declaration order."""
    return [
        (f"`{variable(name, field, settings)}`", default_text(field), field.description or "")
        for name, field in settings.model_fields.items()
    ]


def undescribed(settings: type[Settings] = Settings) -> list[str]:
    """The fields without a `description`: their rows have an empty last cell."""
    return [name for name, field in settings.model_fields.items() if not field.description]


def render_table(settings: type[Settings] = Settings) -> str:
    lines = ["| variable | default | description |", "|---|---|---|"]
    for row in rows(settings):
        lines.append("|" + "".join(f" {cell(c)} |" if c else " |" for c in row))
    return "\n".join(lines)


def replace_block(text: str, table: str) -> str:
    """`text` with everything between the markers replaced by `table`."""
    start = text.find(BEGIN)
    end = text.find(END)
    if start < 0 or end < 0 or end < start or text.count(BEGIN) != 1 or text.count(END) != 1:
        raise ValueError(f"expected one {BEGIN} followed by one {END}")
    head = text[: start + len(BEGIN)]
    return f"{head}\n{table}\n{text[end:]}"


def differences(text: str, settings: type[Settings] = Settings, name: str = "doc") -> list[str]:
    """A unified diff from `text` to what would be written: empty when it is up to date."""
    wanted = replace_block(text, render_table(settings))
    return list(
        difflib.unified_diff(
            text.splitlines(),
            wanted.splitlines(),
            f"{name} (as it is)",
            f"{name} (from Settings)",
            lineterm="",
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write (or --check) the settings table of docs/operations.md."
    )
    parser.add_argument("--check", action="store_true", help="fail if the table is out of date")
    parser.add_argument("--doc", type=Path, default=DOC, help="the file holding the markers")
    args = parser.parse_args(argv)
    doc: Path = args.doc
    text = doc.read_text(encoding="utf-8")
    try:
        diff = differences(text, name=str(doc))
    except ValueError as exc:
        print(f"{doc}: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if diff:
            print(
                f"{doc}: the settings table differs from src/mystocks/settings.py;"
                " run `python tools/settings_doc.py` to rewrite it:",
                file=sys.stderr,
            )
            print("\n".join(diff), file=sys.stderr)
            return 1
        return 0
    if diff:
        doc.write_text(replace_block(text, render_table()), encoding="utf-8")
        print(f"{doc}: settings table rewritten")
    else:
        print(f"{doc}: settings table up to date")
    missing = undescribed()
    if missing:
        print("fields without a description: " + ", ".join(missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
