"""Fair Migration Kiosk."""
