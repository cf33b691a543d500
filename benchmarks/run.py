"""Run every benchmark: ``python benchmarks/run.py [--quick] [NAME ...]``.

Each module here with a ``main(quick: bool)`` prints lines ``name: value unit`` and, where
a floor or peer is measured in the same run, ``name_vs_floor: X`` (our time / theirs).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("names", nargs="*", help="only these benchmarks")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    names = args.names or sorted(
        p.stem for p in HERE.glob("*.py") if p.stem not in {"run", "__init__", "common"}
    )
    os.environ.setdefault("CYBERCASE_LOCK_WAIT", "30")
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"# {name}{' (quick)' if args.quick else ''}", flush=True)
        module.main(quick=args.quick)


if __name__ == "__main__":
    main()
