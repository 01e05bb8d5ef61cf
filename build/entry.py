"""The frozen app's entry point (build/kiosk.spec): the same `kiosk` command as the source tree's."""

from kiosk.cli import main

raise SystemExit(main())
