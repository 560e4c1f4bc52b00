"""admission area of the main window."""
