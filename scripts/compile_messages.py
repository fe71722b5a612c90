"""Compile every gettext catalogue of the project (``**/locale/*/LC_MESSAGES/*.po``) to
its ``.mo``, with Babel instead of GNU msgfmt, which a fresh Debian does not have.

Run by ``make install`` (so ``make run`` and ``make test`` show English on a fresh clone)
and by the Dockerfile. A ``.mo`` is rewritten only when its ``.po`` is newer. Fuzzy
entries are left out, as msgfmt does; a catalogue Babel cannot read stops the build.
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "staticfiles", "build"}


def catalogues(root: Path):
    for po in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po")):
        if not SKIP.intersection(po.relative_to(root).parts):
            yield po


def compile_catalogue(po: Path) -> bool:
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        return False
    with po.open("rb") as source:
        catalogue = read_po(source, locale=po.parent.parent.name)
    with mo.open("wb") as target:
        write_mo(target, catalogue, use_fuzzy=False)
    return True


def main() -> int:
    written = [po for po in catalogues(ROOT) if compile_catalogue(po)]
    for po in written:
        print(f"compiled {po.relative_to(ROOT).with_suffix('.mo')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
