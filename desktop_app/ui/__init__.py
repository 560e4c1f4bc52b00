"""Qt widgets only. The window calls services in ``desktop_app.core``; never the reverse."""
