"""What every screen of the workshop room shares: its words in the chosen language."""

from __future__ import annotations

from cjcoach.tui.keys import localize_bindings
from cjcoach.tui.labels import Labels


class Labelled:
    """Mixed into a screen: ``labels`` are the app's, and the footer speaks them too."""

    @property
    def labels(self) -> Labels:
        return self.app.labels  # type: ignore[attr-defined, no-any-return]

    def localized_labels(self) -> Labels:
        """The labels, after putting this screen's key descriptions in their language."""
        localize_bindings(self, self.labels)  # type: ignore[arg-type]
        return self.labels
