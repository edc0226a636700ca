"""``python -m attribution``: the ``attribution`` command (see :mod:`attribution.cli`)."""

import sys

from attribution.cli import main

if __name__ == "__main__":
    sys.exit(main())
