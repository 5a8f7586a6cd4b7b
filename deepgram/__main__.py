"""`python -m deepgram`: the `deepgram` command line."""

import sys

from deepgram.cli import main

if __name__ == "__main__":
    sys.exit(main())
