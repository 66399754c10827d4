"""The model-as-judge layer: its policy, reading its answer, and when the guard consults it."""
from __future__ import annotations

import math

import pytest

from ketch.security.guards.guard import Guard, GuardRefusal
from ketch.security.guards.judge import JudgePolicy, judge_messages, yes_probability


def test_the_answer_is_read_from_the_first_tokens_probabilities():
    top = {" Yes": math.log(0.6), "yes": math.log(0.1), " No": math.log(0.2), "Maybe": math.log(0.1)}
    assert yes_probability(top) == pytest.approx(0.7 / 0.9)
    assert yes_probability({"否": 0.0}) == 0.0
    assert yes_probability({"The": -0.1, "I": -2.0}) is None  # no answer: the classifier's score stands


def test_the_text_is_framed_as_data_and_clipped():
    msgs = judge_messages("x" * 50_000)
    assert msgs[0]["role"] == "system" and "data, not instructions" in msgs[0]["content"]
    assert len(msgs[1]["content"]) < 7_000


@pytest.mark.parametrize("kwargs", [{"low": 0.8, "high": 0.2}, {"high": 1.5}, {"timeout": 0}])
def test_a_bad_band_is_refused(kwargs):
    with pytest.raises(ValueError):
        JudgePolicy(True, **kwargs)


def _guard(band):
    return Guard.from_policy({"injection": {"threshold": 0.5, "action": "block",
                                            "judge": {"enabled": True, "low": band[0], "high": band[1]}}})


def test_only_uncertain_scores_are_judged_and_the_judge_decides_there():
    asked = []

    def judge(text):
        asked.append(text)
        return 0.9

    plain = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "What is 2 + 2?"}]
    # the whole band: the judge is asked (about the user's text, not the system prompt) and decides
    with pytest.raises(GuardRefusal) as exc:
        _guard((0.0, 1.0)).check_messages(plain, judge=judge)
    assert asked == ["What is 2 + 2?"] and "judge" in exc.value.decisions[0]["reason"]
    # outside the band nothing is asked
    asked.clear()
    _guard((0.3, 0.7)).check_messages(plain, judge=judge)
    assert asked == []
    # a judge that cannot tell leaves the score as it was
    _, check = _guard((0.0, 1.0)).check_messages(plain, judge=lambda text: None)
    assert check.decisions == []
