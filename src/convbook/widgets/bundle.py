"""Join a widget's ES module with the local modules it imports, for anywidget's ``_esm``.

A widget's front end is shipped as one string, so ``import ... from "./x.js"`` lines
are replaced by the text of ``x.js`` (each file once). No build step, no dependencies.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent
LOCAL_IMPORT = re.compile(r'^import \{[^}]*\} from "\./([\w.]+)";\n', flags=re.M)


def bundle(name: str) -> str:
    """The module ``name`` (a file beside this one) with its local imports inlined first.

    >>> "export function corr2d" in bundle("kernel_explorer.js")
    True
    """
    seen: list[str] = []

    def inline(file: str) -> str:
        source = (HERE / file).read_text(encoding="utf-8")
        parts = []
        for dependency in LOCAL_IMPORT.findall(source):
            if dependency not in seen:
                seen.append(dependency)
                parts.append(inline(dependency))
        parts.append(LOCAL_IMPORT.sub("", source))
        return "\n".join(parts)

    return inline(name)
