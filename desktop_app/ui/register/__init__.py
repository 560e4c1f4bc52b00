"""register area of the main window."""
