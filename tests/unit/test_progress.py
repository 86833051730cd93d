"""The quarter after the workshop: progress, confidence, grades, check-ins in the file."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrtui import workshop
from okrtui.models import CheckIn, DecisionReview, KeyResult, Objective
from okrtui.problems import SessionFileError
from okrtui.progress import (
    add_check_in,
    clamped,
    confidence_state,
    kr_progress,
    kr_state,
    latest,
    objective_grade,
    progress,
    succeeded,
    suggested_grade,
    trend,
)
from okrtui.storage import dumps_session, parse_session
from tests.unit.conftest import build_session, session_toml

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_an_increase_and_a_reduction_read_the_same_way() -> None:
    assert progress(35, 60, 47.5) == 0.5
    assert progress(12, 9.6, 10.8) == pytest.approx(0.5)  # minutes down from 12 to 9.6
    assert progress(12, 9.6, 9.6) == 1.0
    assert progress(12, 9.6, 13) == pytest.approx(-1 / 2.4)  # moved away from the target


def test_a_value_past_the_target_is_above_one_and_its_grade_is_one() -> None:
    ratio = progress(100, 200, 250)
    assert ratio == 1.5
    assert isinstance(ratio, float) and clamped(ratio) == 1.0


def test_progress_is_unknown_without_baseline_target_or_distance() -> None:
    assert progress(None, 10, 5) == "no_baseline"
    assert progress(3, None, 5) == "no_target"
    assert progress(3, 3, 5) == "no_distance"


@given(baseline=finite, target=finite, share=st.floats(min_value=-2, max_value=3))
def test_progress_is_the_share_of_the_distance_covered(baseline: float, target: float,
                                                       share: float) -> None:
    if abs(target - baseline) < 1e-3:
        return
    value = baseline + share * (target - baseline)
    ratio = progress(baseline, target, value)
    assert isinstance(ratio, float)
    assert ratio == pytest.approx(share, abs=1e-6)
    assert 0.0 <= clamped(ratio) <= 1.0


@given(baseline=finite, target=finite, value=finite)
def test_a_reduction_is_the_mirror_of_an_increase(baseline: float, target: float,
                                                  value: float) -> None:
    if target == baseline:
        return
    up = progress(baseline, target, value)
    down = progress(-baseline, -target, -value)
    assert isinstance(up, float) and isinstance(down, float)
    assert up == pytest.approx(down)


@pytest.mark.parametrize(("confidence", "state"), [
    (10, "on_track"), (7, "on_track"), (6, "at_risk"), (4, "at_risk"), (3, "off_track"),
    (0, "off_track"), (None, None)])
def test_confidence_thresholds(confidence: int | None, state: str | None) -> None:
    assert confidence_state(confidence) == state


def kr(**fields: object) -> KeyResult:
    return KeyResult(id="k1", text="Reduce the delay to 9.6 minutes", **fields)  # type: ignore[arg-type]


def test_check_ins_stay_in_date_order_and_the_latest_counts() -> None:
    result = kr(baseline=12, target=9.6)
    add_check_in(result, CheckIn(date=date(2027, 2, 1), value=11, confidence=5))
    add_check_in(result, CheckIn(date=date(2027, 1, 15), value=11.5, confidence=8))
    add_check_in(result, CheckIn(date=date(2027, 2, 1), value=10.8, confidence=2))
    assert [c.value for c in result.check_ins] == [11.5, 11, 10.8]
    assert latest(result) == result.check_ins[-1]
    assert kr_progress(result) == pytest.approx(0.5)
    assert kr_state(result) == "off_track"
    assert trend(result).values == (11.5, 11.0, 10.8)


def test_an_unknown_baseline_leaves_progress_unknown_and_no_grade_proposed() -> None:
    result = kr(target=50, baseline_unknown=True)
    add_check_in(result, CheckIn(date=date(2027, 1, 15), value=20))
    assert kr_progress(result) == "no_baseline"
    assert suggested_grade(result) is None
    assert kr_progress(kr(baseline=1, target=2)) == "no_check_in"


def test_grades_and_success_by_kind() -> None:
    first = kr(baseline=0, target=10)
    add_check_in(first, CheckIn(date=date(2027, 3, 30), value=12))
    assert suggested_grade(first) == 1.0
    objective = Objective(id="o1", text="Enable sellers", key_results=[
        first, KeyResult(id="k2", text="Raise NPS to 40", grade=0.4),
        KeyResult(id="k3", text="Set aside", grade=0.0, set_aside=True)])
    assert objective_grade(objective) is None  # KR1 is not graded yet
    first.grade = 1.0
    assert objective_grade(objective) == pytest.approx(0.7)
    assert succeeded(objective) is False
    objective.kind = "aspirational"
    assert succeeded(objective) is True


BODY = '''
[[teams]]
id = "t1"
name = "Core"

[[teams.objectives]]
id = "o1"
text = "Enable sellers"
kind = "aspirational"
decisions = ["Segment: small sellers"]
learned = "Small sellers churn for price, not features"

[[teams.objectives.key_results]]
id = "k1"
text = "Reduce the delay from 12 to 9.6 minutes"
baseline = 12
target = 9.6
grade = 0.5

[[teams.objectives.key_results.check_ins]]
date = 2027-01-15
value = 11
confidence = 7
note = "first week"

[[teams.objectives.reviews]]
decision = "Segment: small sellers"
outcome = "kept"
evidence = "80% of the new revenue"
'''


def test_check_ins_grades_and_reviews_round_trip() -> None:
    session = parse_session(session_toml(BODY).encode())
    objective = session.teams[0].objectives[0]
    assert objective.key_results[0].check_ins[0].confidence == 7
    assert objective.reviews[0].outcome == "kept"
    again = parse_session(dumps_session(session).encode())
    assert again == session
    assert "[[teams.objectives.key_results.check_ins]]" in dumps_session(session)


@pytest.mark.parametrize(("bad", "field"), [
    ("confidence = 7", "confidence = 11"),
    ("grade = 0.5", "grade = 1.5"),
    ('outcome = "kept"', 'outcome = "kind of"'),
    ('decision = "Segment: small sellers"', 'decision = "Segment: big sellers"'),
    ('kind = "aspirational"', 'kind = "stretch"'),
])
def test_a_bad_quarter_field_is_refused_with_its_place(bad: str, field: str) -> None:
    with pytest.raises(SessionFileError) as caught:
        parse_session(session_toml(BODY.replace(bad, field)).encode())
    assert caught.value.key == "file.invalid"


def test_a_file_without_the_quarter_is_written_back_unchanged() -> None:
    session = build_session([2])
    text = dumps_session(session)
    for key in ("check_ins", "grade", "kind", "reviews", "learned", "not_doing", "outcome"):
        assert key not in text


def test_a_reworded_decision_keeps_its_review_and_a_removed_one_drops_it() -> None:
    objective = Objective(id="o1", text="Enable sellers", decisions=["A", "B"],
                          reviews=[DecisionReview(decision="A", outcome="changed")])
    workshop.edit_decision(objective, 0, "A2")
    assert [r.decision for r in objective.reviews] == ["A2"]
    workshop.edit_decision(objective, 1, "B2")
    assert [r.decision for r in objective.reviews] == ["A2"]
    workshop.remove_decision(objective, 0)
    assert objective.reviews == []


def test_the_trend_rises_toward_the_target_for_a_reduction_too() -> None:
    from okrtui.progress import toward_target

    result = kr(baseline=12, target=9.6)
    for day, value in ((1, 11.5), (8, 10.8), (15, 10.2)):
        add_check_in(result, CheckIn(date=date(2027, 1, day), value=value))
    ratios = toward_target(result)
    assert ratios == tuple(sorted(ratios)) and ratios[-1] == pytest.approx(0.75)
    unknown = kr(target=50, baseline_unknown=True)
    add_check_in(unknown, CheckIn(date=date(2027, 1, 1), value=20))
    assert toward_target(unknown) == (20.0,)
