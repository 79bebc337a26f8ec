"""The architecture, read off the code so that it stays true: dependencies run one way (each
module imports only its own layer and the ones below), the rooms of graph/ lean only on
graph/rdf (and the report and the views, which present it, on the analysis), no module imports
one that imports it back, every error derives from PlankgError, and every subpackage names its
public API."""

from __future__ import annotations

import ast
import fnmatch
import importlib
import inspect
import pkgutil
import tomllib
from pathlib import Path, PurePosixPath

import networkx as nx
import plankg
import pytest
from plankg.errors import PlankgError

ROOT = Path(plankg.__file__).parent
LAYERS = (
    "errors",
    "collector",
    "allocator",
    "version",
    "tables",
    "files",
    "cache",
    "loaders",
    "ontology",
    "graph",
    "queries",
    "cli",
    "",
)
"""Bottom to top: a module may import from its own layer and the layers before it. ``""`` is
the package root, the curated API."""
ROOMS = {"rdf": set(), "export": {"rdf"}, "neo4j": {"rdf"}, "analysis": {"rdf"}}
ROOMS |= {"report": {"rdf", "analysis"}, "views": {"rdf", "analysis"}}
"""The subpackages of graph/ and the other rooms each may import."""
SUBPACKAGES = ("plankg.queries", "plankg.ontology", *(f"plankg.graph.{r}" for r in ROOMS))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "__init__" else parts
    return ".".join(("plankg", *parts))


def package_modules() -> dict[str, Path]:
    """Every module of the installed package (the folders pyproject lists; not the tests,
    benchmarks or the virtualenv that share the repository's root)."""
    paths = [p for p in ROOT.glob("*.py") if p.name != "setup.py"]
    for folder in ("loaders", "ontology", "graph", "queries"):
        paths += (ROOT / folder).rglob("*.py")
    return {module_name(path): path for path in paths}


MODULES = package_modules()


def imports(name: str) -> set[str]:
    """The plankg modules ``name`` imports, anywhere in it (in functions too); ``from package
    import module`` counts as importing the module."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(
                f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                for a in node.names
            )
    return {m for m in found if m == "plankg" or m.startswith("plankg.")}


def layer(name: str) -> int:
    parts = name.split(".")
    return LAYERS.index(parts[1] if len(parts) > 1 else "")


def room(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "graph" else None


def test_the_package_is_read():
    assert {"plankg.cli", "plankg.graph.rdf.build", "plankg.loaders.read"} <= set(MODULES)
    assert not any(".tests" in m or ".benchmarks" in m for m in MODULES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_run_one_way(name):
    wrong = sorted(m for m in imports(name) if layer(m) > layer(name))
    assert not wrong, f"{name} (layer {LAYERS[layer(name)]!r}) imports from above: {wrong}"


@pytest.mark.parametrize("name", sorted(m for m in MODULES if room(m)))
def test_rooms_of_graph_lean_only_on_the_rdf_core(name):
    allowed = {room(name), *ROOMS[room(name) or ""]}
    wrong = sorted(m for m in imports(name) if room(m) and room(m) not in allowed)
    assert not wrong, f"{name} imports another room: {wrong}"


def test_no_module_imports_one_that_imports_it_back():
    graph = nx.DiGraph((name, m) for name in MODULES for m in imports(name) if m in MODULES)
    packages = {(name, m) for name, m in graph.edges if m.startswith(name + ".")}
    graph.remove_edges_from(packages)  # a package's __init__ lists its own modules
    assert list(nx.simple_cycles(graph)) == []


def test_graph_does_not_import_queries_or_the_cli():
    users = {m for m in MODULES if m.startswith("plankg.graph")}
    assert not any(
        i.startswith(("plankg.queries", "plankg.cli")) for m in users for i in imports(m)
    )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_error_derives_from_plankg_error(name):
    module = importlib.import_module(name)
    errors = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Exception)
        and not issubclass(obj, Warning)
        and obj.__module__ == name
    ]
    assert all(issubclass(e, PlankgError) for e in errors), errors


def test_every_error_carries_an_exit_code():
    import plankg.errors as errors

    codes = {
        cls.__name__: cls.exit_code
        for cls in vars(errors).values()
        if inspect.isclass(cls) and issubclass(cls, PlankgError)
    }
    assert codes == {
        "PlankgError": 5,
        "UsageError": 2,
        "InputError": 3,
        "ValidationError": 4,
        "QueryError": 5,
        "DatabaseError": 5,
        "OutputError": 5,
    }


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_every_subpackage_names_its_public_api(name):
    package = importlib.import_module(name)
    assert package.__doc__ and package.__all__ == sorted(package.__all__, key=_all_order)
    assert all(hasattr(package, attr) for attr in package.__all__)


def _all_order(name: str) -> tuple[int, str]:
    """ruff's order for ``__all__``: CONSTANTS, Classes, functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2), name


def test_the_root_api_is_lazy_and_complete():
    for name in plankg.__all__:
        assert getattr(plankg, name) is not None
    assert "plankg.graph" not in importlib.import_module("plankg").__dict__


def test_graph_networkx_no_longer_shadows_the_dependency():
    assert not (ROOT / "graph" / "networkx.py").exists()
    assert [m for m in pkgutil.iter_modules([str(ROOT / "graph")])] == [
        m for m in pkgutil.iter_modules([str(ROOT / "graph")]) if m.ispkg
    ]


def _package_data() -> tuple[dict[str, Path], dict[str, list[str]]]:
    """The packages pyproject installs (name → folder) and the data files each ships."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    folders = {name: ROOT.joinpath(*name.split(".")[1:]) for name in setuptools["packages"]}
    return folders, setuptools["package-data"]


def _ships(relative: PurePosixPath, globs: list[str]) -> bool:
    return any(
        len(relative.parts) == len(Path(g).parts)
        and all(
            fnmatch.fnmatchcase(p, q) for p, q in zip(relative.parts, Path(g).parts, strict=True)
        )
        for g in globs
    )


def test_every_data_file_of_a_package_is_installed():
    """A data file beside a package's modules that pyproject's package-data misses works from
    the repository and is missing from a wheel (regions.tsv once was)."""
    folders, data = _package_data()
    missing = []
    for name, folder in folders.items():
        if name == "plankg":
            continue
        inner = {f for f in folders.values() if f != folder and f.is_relative_to(folder)}
        for path in sorted(folder.rglob("*")):
            if path.is_dir() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
                continue
            if any(path.is_relative_to(f) for f in inner):
                continue
            relative = PurePosixPath(path.relative_to(folder).as_posix())
            if not _ships(relative, data.get(name, [])):
                missing.append(f"{name}: {relative}")
    assert missing == []
