"""``python -m kit``: the command line (see :mod:`kit.cli`)."""

import sys

from kit.cli import main

if __name__ == "__main__":
    sys.exit(main())
