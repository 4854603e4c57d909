"""Bundle the split contract in `openapi/` into one document.

Conventions that make the bundle predictable (and its component names stable):
- a file `openapi/components/<kind>/<Name>.yaml` holds exactly one component and becomes
  `#/components/<kind>/<Name>`; every `$ref` to such a file becomes an internal `$ref`;
- any other `$ref` (`paths/market.yaml#/bars`) is inlined where it stands;
- discriminator `mapping` values naming component files become internal references too.
Only the components that something references end up in the bundle, in name order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

COMPONENT_KINDS = ("schemas", "parameters", "responses", "headers", "examples")


class BundleError(Exception):
    """A `$ref` that cannot be resolved, or a component file in the wrong place."""


def _load(path: Path, cache: dict[Path, Any]) -> Any:
    if path not in cache:
        try:
            cache[path] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise BundleError(f"$ref to a missing file: {path}") from exc
    return cache[path]


def _pointer(doc: Any, fragment: str, where: Path) -> Any:
    node = doc
    for raw in (p for p in fragment.lstrip("/").split("/") if p):
        key = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or key not in node:
            raise BundleError(f"{where}#{fragment}: no {key!r}")
        node = node[key]
    return node


class Bundler:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.components_dir = self.root.parent / "components"
        self.cache: dict[Path, Any] = {}
        self.components: dict[str, dict[str, Any]] = {k: {} for k in COMPONENT_KINDS}
        self._in_progress: set[tuple[str, str]] = set()

    def component_of(self, path: Path) -> tuple[str, str] | None:
        try:
            rel = path.relative_to(self.components_dir)
        except ValueError:
            return None
        if len(rel.parts) != 2 or rel.parts[0] not in COMPONENT_KINDS:
            raise BundleError(f"component files live in components/<kind>/<Name>.yaml: {path}")
        return rel.parts[0], rel.stem

    def walk(self, node: Any, base: Path) -> Any:
        if isinstance(node, list):
            return [self.walk(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            file_part, _, fragment = ref.partition("#")
            target = (base.parent / file_part).resolve()
            component = self.component_of(target)
            if component is not None and not fragment:
                self._add_component(*component, target)
                return {"$ref": f"#/components/{component[0]}/{component[1]}"}
            return self.walk(_pointer(_load(target, self.cache), fragment, target), target)
        walked = {key: self.walk(value, base) for key, value in node.items()}
        mapping = (walked.get("discriminator") or {}).get("mapping")
        if isinstance(mapping, dict):
            # Discriminator mappings name schemas by reference too, outside any `$ref` key.
            for value, target in mapping.items():
                if isinstance(target, str) and not target.startswith("#"):
                    mapping[value] = self.walk({"$ref": target}, base)["$ref"]
        return walked

    def _add_component(self, kind: str, name: str, path: Path) -> None:
        if name in self.components[kind] or (kind, name) in self._in_progress:
            return  # already bundled, or being bundled higher up a recursive schema
        self._in_progress.add((kind, name))
        self.components[kind][name] = self.walk(_load(path, self.cache), path)
        self._in_progress.discard((kind, name))

    def bundle(self) -> dict[str, Any]:
        doc = self.walk(_load(self.root, self.cache), self.root)
        components = dict(doc.get("components") or {})
        for kind in COMPONENT_KINDS:
            found = {**components.get(kind, {}), **self.components[kind]}
            if found:
                components[kind] = dict(sorted(found.items()))
        order = ["securitySchemes", *COMPONENT_KINDS]
        doc["components"] = {k: components[k] for k in order if k in components}
        return doc


def bundle(root: Path) -> dict[str, Any]:
    return Bundler(root).bundle()


def dump(doc: dict[str, Any]) -> str:
    header = "# Bundled from openapi/ by `make generate`. Do not edit; edit openapi/ instead.\n"
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return header + body
