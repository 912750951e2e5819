"""The project's input formats per language (settings.FORMAT_MODULE_PATH)."""
