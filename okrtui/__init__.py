"""okrtui: run an OKR workshop in the terminal. This package is the domain; it never imports Textual."""

__version__ = "0.1.0"
