"""`python -m mystocks` is the `mystocks` command."""

from mystocks.cli import main

main()
