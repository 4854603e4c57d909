"""`python -m mystocks` is the `mystocks` command."""

from mystocks.cli import main

# The guard matters: job workers are spawned processes, which import the parent's main module.
if __name__ == "__main__":
    main()
