"""What every part of the session screen shares: the team it shows, looked up each time."""

from okrtui.models import Session, Team


class TeamView:
    """Mixin for widgets and screens holding `self.session`: undo puts new objects in the
    session, so the team is never kept, always looked up."""

    session: Session

    @property
    def team(self) -> Team:
        return self.session.teams[0]
