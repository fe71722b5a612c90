"""Create .venv with pip, even on a bare Debian without the python3-venv package.

Debian splits ensurepip out of python3.11, so `python3 -m venv` fails on a fresh machine.
The venv module itself is there: create the environment without pip, then run pip from
its own wheel, fetched from PyPI, to install pip into it.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

TARGET = Path(sys.argv[1] if len(sys.argv) > 1 else ".venv")


def install_pip_from_pypi(python: Path) -> None:
    index = "https://pypi.org/pypi/pip/json"
    with urllib.request.urlopen(index, timeout=60) as response:
        release = json.load(response)
    wheel = next(f for f in release["urls"] if f["filename"].endswith("-py3-none-any.whl"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / wheel["filename"]
        # Mirrors may answer with relative links.
        urllib.request.urlretrieve(urllib.parse.urljoin(index, wheel["url"]), path)
        subprocess.run([str(python), f"{path}/pip", "install", "-q", str(path)], check=True)


def main() -> None:
    python = TARGET / "bin" / "python"
    if python.exists():
        return
    force_fallback = os.environ.get("BOOTSTRAP_WITHOUT_ENSUREPIP") == "1"
    try:
        if force_fallback:
            raise subprocess.CalledProcessError(1, "ensurepip")
        venv.create(TARGET, with_pip=True)
    except subprocess.CalledProcessError:
        print("ensurepip is not available; installing pip from PyPI instead.", file=sys.stderr)
        venv.create(TARGET, with_pip=False, clear=True)
        install_pip_from_pypi(python)


if __name__ == "__main__":
    main()
