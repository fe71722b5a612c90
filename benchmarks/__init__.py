"""Load and query-count benchmarks, run by hand: ``python benchmarks/load.py`` (README)."""
