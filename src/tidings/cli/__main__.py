"""`python -m tidings.cli`: run the command line."""

from tidings.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
