"""okrtui: run an OKR workshop in the terminal. This package is the domain: no Textual here."""

__version__ = "0.1.0"
