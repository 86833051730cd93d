"""What every part of the session screen shares: the team it shows, looked up each time."""

from okrtui.models import Session, Team

from ..app_access import UsesOkrApp


class TeamView(UsesOkrApp):
    """Mixin for widgets and screens holding `self.session`: undo puts new objects in the
    session, so the team is never kept, always looked up (by the id the app shows)."""

    session: Session

    @property
    def team(self) -> Team:
        team_id = self.okr_app.team_id
        return next((team for team in self.session.teams if team.id == team_id),
                    self.session.teams[0])
