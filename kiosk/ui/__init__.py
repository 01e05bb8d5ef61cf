"""The thin Qt layer: start-up, view models exposed to QML, snapshots."""
