"""documents area of the main window."""
