"""The example sessions (folder sessions/ of the repository), read with importlib.resources."""
