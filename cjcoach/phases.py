"""The phase models a team can map its journey with (METHOD.md, step 2).

Each model is a list of phases with a stable key (used in the workshop file) and a label
in Dutch and English. A team can also name its own phases ("custom").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhaseTemplate:
    """One phase of a built-in model: its key in the file and its labels."""

    key: str
    nl: str
    en: str

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class PhaseModel:
    """A named sequence of phases, such as See-Think-Do-Care."""

    key: str
    nl: str
    en: str
    phases: tuple[PhaseTemplate, ...]

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


CUSTOM = "custom"

PHASE_MODELS: dict[str, PhaseModel] = {
    m.key: m
    for m in (
        PhaseModel(
            "before_during_after", "Voor, tijdens en na de aankoop",
            "Before, during and after the purchase",
            (
                PhaseTemplate("before", "Voor de aankoop", "Before the purchase"),
                PhaseTemplate("during", "Tijdens de aankoop", "During the purchase"),
                PhaseTemplate("after", "Na de aankoop", "After the purchase"),
            ),
        ),
        PhaseModel(
            "five_phases", "Vijf fasen", "Five phases",
            (
                PhaseTemplate("awareness", "Bewustwording", "Awareness"),
                PhaseTemplate("consideration", "Overweging", "Consideration"),
                PhaseTemplate("purchase", "Aankoop", "Purchase"),
                PhaseTemplate("service", "Service en gebruik", "Service and use"),
                PhaseTemplate("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhaseModel(
            "b2b_four_steps", "B2B in vier stappen", "B2B in four steps",
            (
                PhaseTemplate("problem", "Probleemherkenning", "Problem recognition"),
                PhaseTemplate("acquainted", "Kennismaken", "Getting acquainted"),
                PhaseTemplate("deciding", "Beslissen", "Deciding"),
                PhaseTemplate("evaluation", "Evaluatie en nazorg", "Evaluation and after-sales"),
            ),
        ),
        PhaseModel(
            "see_think_do_care", "See-Think-Do-Care", "See-Think-Do-Care",
            (
                PhaseTemplate("see", "See (zien)", "See"),
                PhaseTemplate("think", "Think (denken)", "Think"),
                PhaseTemplate("do", "Do (doen)", "Do"),
                PhaseTemplate("care", "Care (zorgen)", "Care"),
            ),
        ),
        PhaseModel(
            "come_look_choose_buy_retain", "Komen, kijken, kiezen, kopen, retentie",
            "Come, look, choose, buy, retain",
            (
                PhaseTemplate("come", "Komen", "Come"),
                PhaseTemplate("look", "Kijken", "Look"),
                PhaseTemplate("choose", "Kiezen", "Choose"),
                PhaseTemplate("buy", "Kopen", "Buy"),
                PhaseTemplate("retain", "Retentie", "Retain"),
            ),
        ),
    )
}

PHASE_MODEL_KEYS: tuple[str, ...] = (*PHASE_MODELS, CUSTOM)


def phase_model_label(key: str, lang: str) -> str:
    """The human name of a phase model, in ``lang``; custom models get a plain word."""
    if key in PHASE_MODELS:
        return PHASE_MODELS[key].label(lang)
    return "Eigen fasen" if lang == "nl" else "Own phases"
