"""The booth's operation around the UI: the supervisor that keeps it on screen, logs, start at login,
removable drives, the display check, memory, the app's folders and its version. No Qt here and no
import of kiosk.ui (tests/core/test_import_rules.py): the supervisor must run when Qt cannot."""
