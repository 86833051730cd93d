"""Modal forms. Each gives back a typed result (a draft, a text, a list of ids) or None when
cancelled: what is committed (a wording, a key result, a tactic, an action), what is around
it (an idea, a decision, what a roadmap item serves, the settings), and a picker."""

from .base import FormScreen, TextForm
from .okr import (
    ActionDraft,
    ActionForm,
    KeyResultDraft,
    KeyResultForm,
    ObjectiveDraft,
    ObjectiveForm,
    TacticDraft,
    TacticForm,
)
from .pick import PickScreen
from .workshop import (
    DecisionDraft,
    DecisionForm,
    IdeaDraft,
    IdeaForm,
    ServesForm,
    SettingsDraft,
    SettingsForm,
)

__all__ = [
    "ActionDraft",
    "ActionForm",
    "DecisionDraft",
    "DecisionForm",
    "FormScreen",
    "IdeaDraft",
    "IdeaForm",
    "KeyResultDraft",
    "KeyResultForm",
    "ObjectiveDraft",
    "ObjectiveForm",
    "PickScreen",
    "ServesForm",
    "SettingsDraft",
    "SettingsForm",
    "TacticDraft",
    "TacticForm",
    "TextForm",
]
