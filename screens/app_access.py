"""The running app as okrtui's screens and widgets see it: typed, through one accessor."""

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from textual.app import App

    from .app import OkrApp


class UsesOkrApp:
    """Mixin for okrtui's screens and widgets: `self.okr_app` is the running OkrApp, so that
    its session, history and catalog are checked by mypy (Textual's `self.app` is an
    `App[Any]`, on which any attribute passes and a misspelt one fails only at run time)."""

    if TYPE_CHECKING:
        app: "App[Any]"
        """Textual's own, from the widget or screen this is mixed into."""

    @property
    def okr_app(self) -> "OkrApp":
        return cast("OkrApp", self.app)
