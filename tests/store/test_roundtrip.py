"""Whatever a user types survives a save and a load unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cjcoach import store
from cjcoach.model import Participant, Turn

from .conftest import saved, small_workshop

tricky = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(": # | {{ }} - ? & * ! % @ ` ' \" \n \r \t \x00 \x1b \x85 "
                             "\u2028 \u2029 \ufeff \u200b 😀 🚲 \u202e"))),
    max_size=80,
)
long_words = st.text(alphabet="ab:#|{} 😀", min_size=1, max_size=8).map(lambda s: s * 2000)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.one_of(tricky, long_words), min_size=6, max_size=6))
def test_any_text_round_trips(texts: list[str]) -> None:
    w = small_workshop()
    w.why, w.scene.organisation, w.personas[0].name = texts[0], texts[1], texts[2]
    w.touchpoints[0].name = texts[3] + "."  # a touchpoint always has a name
    w.scene.participants = [Participant(texts[4], role=texts[5])]
    w.transcript = [Turn("user", t) for t in texts]
    w.touchpoints[0].pain_points[0].teams = texts[:3]
    w.ideas[0].votes = {texts[4] or "x": 2}
    with tempfile.TemporaryDirectory() as folder:
        target = saved(Path(folder) / "w.yaml", w)
        assert store.load(target) == w
