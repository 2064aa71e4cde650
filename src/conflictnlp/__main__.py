"""``python -m conflictnlp``: the same command line as ``conflictnlp``."""

from conflictnlp.cli import main

main()
