"""A live passphrase strength meter: the core's rating (zxcvbn, score 0–4) and its advice, shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.theme.tones import Tone, tone_colour
from wallet.vault.passphrase_strength import Strength, estimate_strength

# The bar's colour per score, in the light or dark version; the verdict says it in words.
_BAR_TONES = (Tone.ERROR, Tone.ERROR, Tone.WARNING, Tone.SUCCESS, Tone.SUCCESS)


class StrengthMeter(QWidget):
    """A bar for the score (0 to 4) with a verdict and zxcvbn's warning and suggestions below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strength: Strength | None = None
        self._bar_colour = ""  # the chunk's colour in the bar's style sheet (none yet)
        self._bar = QProgressBar()
        self._bar.setRange(0, 5)  # score + 1, so that "very weak" still shows a red sliver
        self._bar.setTextVisible(False)
        self._bar.setMaximumHeight(10)
        self._verdict = QLabel()
        self._verdict.setWordWrap(True)  # longer in Spanish and Italian, and at larger fonts
        self._advice = QLabel()
        self._advice.setWordWrap(True)
        self._advice.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._bar)
        layout.addWidget(self._verdict)
        layout.addWidget(self._advice)
        self.update_for("")

    @property
    def strength(self) -> Strength | None:
        """The last verdict, or ``None`` while the passphrase is empty."""
        return self._strength

    def update_for(self, passphrase: str) -> None:
        """Rate ``passphrase`` and show the result."""
        self._strength = estimate_strength(passphrase) if passphrase else None
        if self._strength is None:
            self._bar.setValue(0)  # no chunk to colour: the colour waits for a score
        else:
            score = self._strength.score
            self._bar.setValue(score + 1)
            self._colour_bar(tone_colour(_BAR_TONES[score]).name())
        self._verdict.setText(self._verdict_text())
        self._advice.setText(self._advice_text())
        self._advice.setVisible(bool(self._advice.text()))

    def _colour_bar(self, colour: str) -> None:
        # A style sheet is parsed and the bar polished again on each change: only when it changes
        # (not at each keystroke, nor for the empty meter of the first window).
        if colour != self._bar_colour:
            self._bar_colour = colour
            self._bar.setStyleSheet(f"QProgressBar::chunk {{ background-color: {colour}; }}")

    def _verdict_text(self) -> str:
        if self._strength is None:
            return self.tr("Strength: type a passphrase")
        names = (
            self.tr("very weak"),
            self.tr("weak"),
            self.tr("fair"),
            self.tr("strong"),
            self.tr("very strong"),
        )
        return self.tr("Strength: %1").replace("%1", names[self._strength.score])

    def _advice_text(self) -> str:
        if self._strength is None:
            return ""
        lines = [self._strength.warning, *self._strength.suggestions]
        return "\n".join(line for line in lines if line)


def load_the_estimator() -> None:
    """Load zxcvbn and its word lists (~40 ms) by rating a sample; for a worker thread.

    A screen with a meter calls it off the GUI thread once it is shown, so the first keystroke is
    rated at once instead of waiting for that load (and the first frame does not wait for it).
    """
    estimate_strength("a sample to load the estimator")
