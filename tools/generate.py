"""`make generate`: openapi/ -> generated/ and frontend-client/src/schema.d.ts.

    python tools/generate.py            write the generated files into the repository
    python tools/generate.py --check    generate into a temporary folder and fail on any drift

What it writes:
    generated/openapi.yaml                       the bundled contract (the server loads it)
    generated/python/mystocks_contract/models.py     Pydantic v2 models (datamodel-code-generator)
    generated/python/mystocks_contract/typeddicts.py TypedDicts of the same schemas, for building
                                                     responses without a model per row
    generated/python/mystocks_contract/protocols.py  one handler Protocol per tag
    frontend-client/src/schema.d.ts              TypeScript types (openapi-typescript)
    generated/python-client/                     the `mystocks-client` package for programs
                                                 (openapi-python-client, run from .venv-codegen)
"""

from __future__ import annotations

import argparse
import copy
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle import bundle, dump
from protocols import render

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
OUTPUTS = (
    "generated/openapi.yaml",
    "generated/python/mystocks_contract/models.py",
    "generated/python/mystocks_contract/typeddicts.py",
    "generated/python/mystocks_contract/protocols.py",
    "frontend-client/src/schema.d.ts",
)
CLIENT = "generated/python-client"  # a whole folder, compared file by file
CODEGEN_BIN = ROOT / ".venv-codegen" / "bin"
CODEGEN_ARGS = (
    "--input-file-type",
    "openapi",
    "--target-python-version",
    "3.11",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-annotated",
    "--field-constraints",
    "--strict-nullable",
    "--use-schema-description",
    "--use-field-description",
    "--enum-field-as-literal",
    "all",
    "--disable-timestamp",
    "--formatters",
    "black",
    "isort",
)


def for_client(spec: dict[str, Any]) -> dict[str, Any]:
    """The contract as the Python client sees it: operations named by their handler's name
    (`create_token`, not `mystocks.api.auth.create_token`, which is the server's routing), with
    two shapes it cannot read rewritten (`distribute_unions`, `nullable_refs`)."""
    client = copy.deepcopy(spec)
    distribute_unions(client["components"]["schemas"])
    nullable_refs(client["components"]["schemas"])
    names = []
    for item in client["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                operation["operationId"] = operation["operationId"].rsplit(".", 1)[1]
                names.append(operation["operationId"])
    assert len(names) == len(set(names)), "two operations would share a client function name"
    return client


def distribute_unions(schemas: dict[str, Any]) -> None:
    """Rewrite `X = allOf[A, B, U]`, where U is a discriminated `oneOf[V1, V2, ...]`, into the
    equivalent `X = oneOf[X_V1, X_V2, ...]` with `X_Vi = allOf[A, B, Vi]` and the same
    discriminator. It accepts exactly the same documents; openapi-python-client cannot take
    `allOf` of a union ("Cannot take allOf a non-object") and would drop X and every operation
    using it. The contract in openapi/ keeps the shorter form, which the server validates with.
    """
    prefix = "#/components/schemas/"
    for name, schema in list(schemas.items()):
        parts = schema.get("allOf", [])
        unions = [
            i
            for i, part in enumerate(parts)
            if "discriminator" in schemas.get(part.get("$ref", "").removeprefix(prefix), {})
        ]
        if not unions:
            continue
        assert len(unions) == 1, f"{name}: more than one union in its allOf"
        union = schemas[parts[unions[0]]["$ref"].removeprefix(prefix)]
        mapping = {}
        for value, ref in union["discriminator"]["mapping"].items():
            variant = name + "".join(word.title() for word in value.split("_"))
            assert variant not in schemas, f"{variant} already exists"
            schemas[variant] = {
                "description": f"{schema.get('description', name).strip()} (`{value}`)",
                "allOf": [*parts[: unions[0]], {"$ref": ref}, *parts[unions[0] + 1 :]],
            }
            mapping[value] = prefix + variant
        schemas[name] = {
            key: value for key, value in schema.items() if key not in ("allOf", "example")
        } | {
            "oneOf": [{"$ref": ref} for ref in mapping.values()],
            "discriminator": {
                "propertyName": union["discriminator"]["propertyName"],
                "mapping": mapping,
            },
        }


def nullable_refs(schemas: dict[str, Any]) -> None:
    """Rewrite a nullable reference written the OpenAPI 3.0 way, `{nullable: true, allOf: [R]}`,
    as `{nullable: true, oneOf: [R]}`: openapi-python-client reads the first as never null
    (R does not allow null) and fails on a queued backtest's `metrics: null`."""
    for schema in schemas.values():
        for name, prop in schema.get("properties", {}).items():
            if prop.get("nullable") and len(prop.get("allOf", [])) == 1:
                rest = {k: v for k, v in prop.items() if k not in ("allOf", "type")}
                schema["properties"][name] = rest | {"oneOf": prop["allOf"]}


# openapi-python-client 0.29.1 collects the query string in a local `params` dict, which
# shadows a query parameter of that name (its only reserved names are `client` and `url`):
# get_indicators sent the dict as its own `params`. The dict is renamed in such modules.
_OWN_PARAMS = re.compile(r"^def _get_kwargs\((?:\n    [^\n]*)*?\n    params: (?!dict)", re.M)
_LOCAL_PARAMS = (
    (re.compile(r"^    params: dict\[str, Any\] = \{\}$", re.M), "    query: dict[str, Any] = {}"),
    (re.compile(r'^(\s+)params\["', re.M), r'\1query["'),
    (
        re.compile(r"^    params = \{k: v for k, v in params\.items\(\)", re.M),
        "    query = {k: v for k, v in query.items()",
    ),
    (re.compile(r'^        "params": params,$', re.M), '        "params": query,'),
)


def unshadow_params(module: str) -> str:
    """An endpoint module whose operation has a query parameter `params`, with the generator's
    local query dict renamed `query` (other modules are returned as they are)."""
    if not _OWN_PARAMS.search(module):
        return module
    for pattern, replacement in _LOCAL_PARAMS:
        module, count = pattern.subn(replacement, module)
        assert count, f"the generator's module no longer has {pattern.pattern!r}"
    return module


def unexploded_arrays(spec: dict[str, Any]) -> dict[str, list[str]]:
    """{operationId: [query parameter]} of arrays sent comma-separated (`explode: false`)."""
    found: dict[str, list[str]] = {}
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if (
                    parameter.get("in") == "query"
                    and parameter.get("explode") is False
                    and parameter.get("schema", {}).get("type") == "array"
                ):
                    found.setdefault(operation["operationId"], []).append(parameter["name"])
    return found


def join_unexploded(module: str, name: str) -> str:
    """openapi-python-client 0.29.1 ignores `explode: false` and repeats the parameter
    (`params=12&params=26`); send `params=12,26` as the contract says."""
    pattern = re.compile(rf'^(\s+)(params|query)\["{name}"\] = json_{name}$', re.M)
    value = f"json_{name}"
    joined = rf'\1\2["{name}"] = '
    joined += f'",".join(map(str, {value})) if isinstance({value}, list) else {value}'
    module, count = pattern.subn(joined, module)
    assert count == 1, f"the generator no longer sets the query parameter {name!r} as expected"
    return module


def run(
    cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None, refuse: str = ""
) -> None:
    """Run a generator; fail on its exit status, or when its output says `refuse` (a generator
    that skips what it cannot parse still exits 0)."""
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0 or (refuse and refuse in result.stdout + result.stderr):
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")


def generate(out: Path) -> None:
    spec = bundle(ROOT / "openapi" / "openapi.yaml")
    bundled = out / "generated" / "openapi.yaml"
    bundled.parent.mkdir(parents=True, exist_ok=True)
    bundled.write_text(dump(spec), encoding="utf-8")
    # Round-trip check: what we wrote must load back to the same document.
    assert yaml.safe_load(bundled.read_text(encoding="utf-8")) == spec

    package = out / "generated" / "python" / "mystocks_contract"
    package.mkdir(parents=True, exist_ok=True)
    codegen = str(VENV_BIN / "datamodel-codegen")
    run(
        [
            codegen,
            "--input",
            str(bundled),
            "--output",
            str(package / "models.py"),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            *CODEGEN_ARGS,
        ]
    )
    run(
        [
            codegen,
            "--input",
            str(bundled),
            "--output",
            str(package / "typeddicts.py"),
            "--output-model-type",
            "typing.TypedDict",
            *CODEGEN_ARGS,
        ]
    )
    (package / "protocols.py").write_text(render(spec), encoding="utf-8")
    run(
        [
            str(VENV_BIN / "ruff"),
            "format",
            "--quiet",
            "--line-length",
            "100",
            str(package / "protocols.py"),
        ]
    )

    # The generator formats with the ruff beside it; run where no pyproject of ours is above.
    with tempfile.TemporaryDirectory() as work:
        client_spec = Path(work) / "openapi.yaml"
        client_contract = for_client(spec)
        client_spec.write_text(dump(client_contract), encoding="utf-8")
        env = {**os.environ, "PATH": f"{CODEGEN_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        run(
            [
                str(CODEGEN_BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(client_spec),
                "--config",
                str(ROOT / "tools" / "python-client.yaml"),
                "--meta",
                "setup",
                "--output-path",
                str(Path(work) / "client"),
            ],
            cwd=Path(work),
            env=env,
            # It leaves out a schema it cannot parse, and every operation using it.
            refuse="Warning(s) encountered",
        )
        shutil.rmtree(Path(work) / "client" / ".ruff_cache", ignore_errors=True)
        for module in (Path(work) / "client").rglob("api/*/*.py"):
            text = module.read_text(encoding="utf-8")
            text = unshadow_params(text)
            for name in unexploded_arrays(client_contract).get(module.stem, ()):
                text = join_unexploded(text, name)
            module.write_text(text, encoding="utf-8")
        shutil.copytree(Path(work) / "client", out / CLIENT, dirs_exist_ok=True)

    schema_ts = out / "frontend-client" / "src" / "schema.d.ts"
    schema_ts.parent.mkdir(parents=True, exist_ok=True)
    run(
        ["npx", "--no-install", "openapi-typescript", str(bundled), "-o", str(schema_ts)],
        cwd=ROOT / "frontend-client",
    )


def client_files(*roots: Path) -> list[str]:
    """Every file of the generated client, in a fresh tree or the committed one."""
    files = set()
    for root in roots:
        folder = root / CLIENT
        if folder.exists():
            files |= {str(p.relative_to(root)) for p in folder.rglob("*") if p.is_file()}
    skipped = ("__pycache__", ".egg-info", ".ruff_cache")  # made by installs and tools, not us
    return sorted(f for f in files if not any(part in f for part in skipped))


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        drift = []
        for rel in (*OUTPUTS, *client_files(Path(tmp), ROOT)):
            fresh_path = Path(tmp) / rel
            fresh = fresh_path.read_text(encoding="utf-8") if fresh_path.exists() else ""
            committed_path = ROOT / rel
            committed = (
                committed_path.read_text(encoding="utf-8") if committed_path.exists() else ""
            )
            if fresh != committed:
                drift.append(rel)
                diff = difflib.unified_diff(
                    committed.splitlines(),
                    fresh.splitlines(),
                    f"committed/{rel}",
                    f"fresh/{rel}",
                    lineterm="",
                    n=1,
                )
                sys.stderr.write("\n".join(list(diff)[:40]) + "\n")
    if drift:
        sys.stderr.write(
            f"generated code drifted from openapi/: {', '.join(drift)}\n"
            "run `make generate` and commit the result\n"
        )
        return 1
    print(f"generated code matches openapi/ ({len(OUTPUTS)} files and the Python client)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if generated files drift")
    parser.add_argument("--out", type=Path, default=ROOT, help="folder to write into")
    args = parser.parse_args()
    if args.check:
        return check()
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        for rel in OUTPUTS:
            (args.out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(tmp) / rel, args.out / rel)
        # The client is replaced whole, so a file the generator stops writing goes too.
        shutil.rmtree(args.out / CLIENT, ignore_errors=True)
        shutil.copytree(Path(tmp) / CLIENT, args.out / CLIENT)
    print(f"wrote {len(OUTPUTS)} files and {CLIENT}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
