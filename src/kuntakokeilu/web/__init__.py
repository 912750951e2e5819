"""The base layout, static files and the language switch shared by every page."""
