"""`python -m server` = `relais-server`."""

import sys

from server.cli import main

sys.exit(main())
