"""The modules the planner page asks for at once (evenback_build.module_graph, hooks)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from evenback_build import hooks
from evenback_build.module_graph import ModuleGraphError, imports_of, static_imports
from evenback_build.paths import ROOT

JS = ROOT / "docs" / "js"


def test_imports_of_finds_named_namespace_multiline_reexported_and_bare_imports() -> None:
    source = (
        'import { a } from "./a.js";\n'
        'import * as b from "./b.js";\n'
        "import {\n  c,\n  d,\n} from './single-quoted.js';\n"
        'import {\n  e,\n  f,\n} from "./e.js";\n'
        'export { g } from "./g.js";\n'
        'import "./h.js";\n'
    )
    assert imports_of(source) == [
        "./a.js",
        "./b.js",
        "./single-quoted.js",
        "./e.js",
        "./g.js",
        "./h.js",
    ]


def test_imports_of_leaves_dynamic_imports_comments_and_strings_alone() -> None:
    source = (
        'const later = import("./later.js");\n'
        '// import { x } from "./commented.js";\n'
        "const text = 'import { y } from \"./in-a-string.js\"';\n"
        "export function f() {\n  return 1;\n}\n"
        'export const from = "./not-an-import.js";\n'
    )
    assert imports_of(source) == []


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def test_static_imports_lists_each_module_once_roots_first_depth_first(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.js": 'import { b } from "./b.js";\nimport { c } from "./sub/c.js";\n',
            "b.js": 'import { d } from "./d.js";\nconst x = import("./lazy.js");\n',
            "sub/c.js": 'import { d } from "../d.js";\nimport { b } from "../b.js";\n',
            "d.js": 'import { main } from "./main.js";\n',  # a cycle back to the root
            "lazy.js": "",
            "other.js": 'import { d } from "./d.js";\n',
        },
    )
    assert static_imports(tmp_path, ["main.js", "other.js"]) == [
        "main.js",
        "b.js",
        "d.js",
        "sub/c.js",
        "other.js",
    ]


def test_a_missing_module_is_named_with_the_module_that_imports_it(tmp_path: Path) -> None:
    write(tmp_path, {"main.js": 'import { gone } from "./gone.js";\n'})
    with pytest.raises(ModuleGraphError, match=r"gone\.js is missing, imported by main\.js"):
        static_imports(tmp_path, ["main.js"])


def test_planner_modules_are_every_module_the_page_imports_statically() -> None:
    modules = hooks.planner_modules(ROOT / "docs")
    assert modules[:1] == ["js/site.js"]
    assert len(modules) == len(set(modules))
    listed = {name.removeprefix("js/") for name in modules}
    # Read again here, the plain way: every `from "./x.js"` of every listed module is listed.
    for name in listed:
        for dep in re.findall(r'from\s+"\./([\w-]+\.js)"', (JS / name).read_text()):
            assert dep in listed, f"{name} imports {dep}, which is not preloaded"
    # What site.js imports only on demand, or the Pyodide worker loads, is not.
    assert "selftest-link.js" not in listed
    assert "planner-worker.js" not in listed
    assert {"planner-page.js", "planner-offline.js", "log-store.js"} <= listed


def test_the_build_stops_when_a_planner_module_is_missing(tmp_path: Path) -> None:
    write(tmp_path, {"js/site.js": 'import { x } from "./offline.js";\n'})
    with pytest.raises(PluginError, match=r"planner page's modules: js/offline\.js is missing"):
        hooks.planner_modules(tmp_path)
