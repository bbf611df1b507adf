"""Command line: python -m resolutions parse FILE... [--format json|akn] [-o DIR]
              python -m resolutions compare OLD NEW

``compare`` prints what changed from OLD to NEW (a draft and its adopted text, or two
resolutions of a series): each paragraph's status, with ``[-deleted-]{+inserted+}``
words inside changed paragraphs.

One FILE and no -o: the document goes to standard output. Several files need
-o DIR and give one output per file (NAME.json or NAME.akn.xml), with a progress
bar on standard error. A file the parser refuses ends with a one-line error on
standard error and exit status 1 (2 for a wrong command line); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from resolutions.errors import ResolutionError

EXIT_REFUSED = 1
EXIT_USAGE = 2


def _render(path: Path, fmt: str) -> str:
    from resolutions import parse, to_akn, to_json

    resolution = parse(path)
    return to_akn(resolution) if fmt == "akn" else to_json(resolution, indent=2) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m resolutions", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse", help="parse resolutions (PDF, .docx, HTML, text) to JSON or Akoma Ntoso"
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("json", "akn"), default="json")
    p.add_argument("-o", "--output", type=Path, metavar="DIR", help="write one file per input here")
    c = sub.add_parser("compare", help="what changed from OLD to NEW, paragraph by paragraph")
    c.add_argument("old", type=Path, metavar="OLD")
    c.add_argument("new", type=Path, metavar="NEW")
    return parser


def _compare(old_path: Path, new_path: Path) -> int:
    from resolutions import parse
    from resolutions.compare import align, as_text, counts

    parsed = []
    for path in (old_path, new_path):
        try:
            parsed.append(parse(path))
        except Exception as exc:  # one line, never a traceback
            _error(path, exc)
            return EXIT_REFUSED
    old, new = parsed
    for part in ("preamble", "operative"):
        a = [p.text for p in getattr(old, part)]
        b = [p.text for p in getattr(new, part)]
        changes = align(a, b)
        summary = ", ".join(f"{n} {status}" for status, n in counts(changes).items())
        print(f"# {part}: {summary}")
        print(as_text(changes, a, b))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "compare":
        return _compare(args.old, args.new)
    files: list[Path] = args.files
    if len(files) > 1 and args.output is None:
        print("error: several files need -o DIR (one output per file)", file=sys.stderr)
        return EXIT_USAGE
    if args.output is None:
        return _one_to_stdout(files[0], args.format)
    return _many_to_dir(files, args.output, args.format)


def _error(path: Path, exc: BaseException) -> None:
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(exc, ResolutionError | OSError):
        message = f"the parser failed ({type(exc).__name__}: {message}); please report this file"
    print(f"error: {path}: {message}", file=sys.stderr)


def _one_to_stdout(path: Path, fmt: str) -> int:
    try:
        out = _render(path, fmt)
    except Exception as exc:  # a refusal, or a parser bug: one line either way, never a traceback
        _error(path, exc)
        return EXIT_REFUSED
    sys.stdout.write(out)
    return 0


def _many_to_dir(files: list[Path], outdir: Path, fmt: str) -> int:
    from tqdm import tqdm

    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _error(outdir, exc)
        return EXIT_REFUSED
    suffix = ".akn.xml" if fmt == "akn" else ".json"
    failed = 0
    for path in tqdm(files, unit="file", file=sys.stderr, disable=len(files) < 2):
        try:
            out = _render(path, fmt)
            (outdir / (path.stem + suffix)).write_text(out, encoding="utf-8")
        except Exception as exc:  # a refusal, or a parser bug: one line either way
            failed += 1
            _error(path, exc)
    if failed:
        print(f"error: {failed} of {len(files)} files refused", file=sys.stderr)
    return EXIT_REFUSED if failed else 0


if __name__ == "__main__":
    sys.exit(main())
