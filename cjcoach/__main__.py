"""Allow `python -m cjcoach`."""

from cjcoach.cli import main

raise SystemExit(main())
