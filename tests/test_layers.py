"""Imports run one way: from the factory down through the domains to the ground floor.

Each line of ALLOWED names a part of roster/ (a package, or a module of the ground floor) and
the parts it may import; a part may only build on parts listed above it. A domain that must
tell one above it something sends a signal (auth/signals.py, experts/signals.py,
taxonomy/signals.py) that the higher one connects to (its receivers.py).
"""

import ast
from pathlib import Path

ROSTER = Path(__file__).resolve().parent.parent / "roster"

ALLOWED = {
    "core": set(),
    "extensions": set(),
    "app_config": set(),
    "security_headers": set(),
    "mail": {"core"},
    "catalogs": set(),
    "guards": set(),
    "i18n": {"extensions"},
    "errors": {"extensions"},
    "ops": {"core", "extensions"},
    "audit": {"core", "extensions"},
    "auth": {"audit", "core", "extensions", "i18n", "mail", "security_headers"},
    "notifications": {"auth", "core", "extensions", "i18n", "mail"},
    "main": {"auth", "core", "extensions", "i18n"},
    "taxonomy": {"audit", "auth", "core", "extensions", "i18n"},
    "experts": {"audit", "auth", "core", "extensions", "i18n", "mail", "taxonomy"},
    "toolkit": {"audit", "auth", "core", "experts", "extensions", "i18n", "taxonomy"},
    "actions": {
        *("audit", "auth", "core", "experts", "extensions", "i18n", "mail"),
        *("taxonomy", "toolkit"),
    },
    "opportunities": {
        *("actions", "audit", "auth", "core", "experts", "extensions", "i18n", "mail"),
        *("notifications", "taxonomy"),
    },
    "reports": {
        *("actions", "auth", "core", "experts", "extensions", "i18n", "taxonomy"),
        "toolkit",
    },
    "communities": {
        *("audit", "auth", "core", "experts", "extensions", "i18n", "mail"),
        *("notifications", "opportunities"),
    },
    "api": {
        *("actions", "auth", "communities", "core", "experts", "extensions", "i18n"),
        *("opportunities", "reports", "taxonomy", "toolkit"),
    },
    "demo": {
        *("actions", "auth", "communities", "core", "experts", "extensions", "notifications"),
        *("opportunities", "taxonomy", "toolkit"),
    },
}

# The wiring: modules whose job is to name every part (the factory, the CLI, the model list).
WIRING = {"roster", "roster.cli", "roster.models", "roster.database"}

# Route modules: no other domain may import them (it may import models and services).
VIEW_MODULES = ("views", "blueprint")


def _modules():
    for path in sorted(ROSTER.rglob("*.py")):
        parts = path.relative_to(ROSTER.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def _is_module(name: str) -> bool:
    path = ROSTER.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path):
    """Every roster module named by an import anywhere in the file, also inside functions."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            names = [node.module, *(name for name in names[1:] if _is_module(name))]
        else:
            continue
        for name in names:
            if name.startswith("roster."):
                yield name


def _is_view(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return last in VIEW_MODULES or last.endswith("_views")


MODULES = [(module, path) for module, path in _modules() if module not in WIRING]


def test_allowed_arrows_point_down_the_list():
    order = list(ALLOWED)
    for part, below in ALLOWED.items():
        above = [p for p in below if p not in ALLOWED or order.index(p) >= order.index(part)]
        assert not above, f"{part} may not build on {above}: list them above it"


def test_every_part_has_its_line():
    parts = {_part(module) for module, _path in MODULES}
    assert sorted(parts - set(ALLOWED)) == [], "place each new part of roster/ in ALLOWED"


def test_no_arrow_runs_back_up():
    wrong = [
        f"{module} -> {name}"
        for module, path in MODULES
        for name in sorted(set(_imports(path)))
        if _part(name) != _part(module) and _part(name) not in ALLOWED.get(_part(module), ())
    ]
    assert not wrong, "imports that ALLOWED does not list:\n" + "\n".join(wrong)


def test_no_domain_imports_another_domains_views():
    wrong = [
        f"{module} -> {name}"
        for module, path in MODULES
        for name in sorted(set(_imports(path)))
        if _part(name) != _part(module) and _is_view(name)
    ]
    assert not wrong, "a domain may import another's models, never its views:\n" + "\n".join(wrong)
