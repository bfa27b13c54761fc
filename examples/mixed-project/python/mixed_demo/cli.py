"""``mixed-demo`` command: word and number statistics for a text file."""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from . import native
from .textstats import classify, tokenize


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mixed-demo", description=__doc__)
    parser.add_argument("path", help="text file to read, '-' for stdin")
    parser.add_argument("--top", type=int, default=3, help="how many words to list")
    parser.add_argument("--numbers", action="store_true", help="also print the mean of the numbers")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.path == "-":
        text = sys.stdin.read()
    else:
        with open(args.path, encoding="utf-8") as fh:
            text = fh.read()
    print(f"backend: {native.backend_name()}")
    for word, count in native.top_words(text, args.top):
        print(f"{count:6d} {word}")
    if args.numbers:
        numbers = [float(t) for t in tokenize(text) if classify(t) == "number"]
        if not numbers:
            print("no numbers", file=sys.stderr)
            return 1
        print(f"mean: {native.mean(numbers):.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
