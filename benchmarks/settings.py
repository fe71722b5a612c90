"""The production settings, with the collected static files in the benchmark's temp dir.

benchmarks/load.py runs the site with DEBUG off, exactly as tramitit.settings configures it;
only STATIC_ROOT moves, so collectstatic never writes into the working tree.
"""

import os

from tramitit.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
