"""The market relay in Settings: the vault's ``relay_url`` (empty: no market).

A group of its own, shown by the Settings page: it reads and saves the one setting through the
vault runner, and the core checks it (``nats://`` on this computer, ``tls://`` elsewhere, no user
name or password). The Intentions page's market link (:mod:`ui.market.link`) follows the change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ui.tasks import VaultRunner
from ui.widgets.messages import InlineMessage, error_text
from wallet.changes import Changes, Part

PLACEHOLDER = "nats://127.0.0.1:4222"


class RelayGroup(QGroupBox):
    """The relay URL field (saved when editing ends) and what it is for.

    Attributes (for tests): ``relay_url`` (QLineEdit), ``problem``, ``saved``.
    """

    def __init__(self, runner: VaultRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Market"), parent)
        self._runner = runner
        self._stored = ""
        self.relay_url = QLineEdit()
        self.relay_url.setPlaceholderText(PLACEHOLDER)
        self.relay_url.setAccessibleName(self.tr("Market relay"))
        self.relay_url.setMaxLength(300)
        self.relay_url.editingFinished.connect(self.save)
        about = QLabel(
            self.tr(
                "Intentions you cast to the market go to this relay, where vendors you never "
                "met can answer with offers only you can read. Leave it empty to send intentions "
                "to your vendors only. A relay on another computer needs a tls:// address."
            )
        )
        about.setWordWrap(True)
        self.problem = InlineMessage(error=True)
        self.saved = InlineMessage()
        form = QFormLayout(self)
        form.addRow(self.tr("Relay:"), self.relay_url)
        form.addRow("", about)
        form.addRow("", self.problem)
        form.addRow("", self.saved)
        runner.unlocked.connect(self.load)
        runner.changed.connect(self._on_changed)
        if runner.is_unlocked:
            self.load()

    def load(self) -> None:
        """Show the stored relay."""
        self._runner.run(
            lambda vault: vault.settings().relay_url, owner=self, on_success=self._show
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Part.SETTINGS):
            self.load()

    def _show(self, url: str) -> None:
        self._stored = url
        if not self.relay_url.hasFocus():
            self.relay_url.setText(url)

    def save(self) -> None:
        """Save the relay typed, if it changed; the core says what is wrong with it."""
        url = self.relay_url.text().strip()
        if url == self._stored:
            return
        self.problem.clear()
        self.saved.clear()

        def refused(error: Exception) -> None:
            self.problem.show_text(error_text(error))

        self._runner.run(
            lambda vault: vault.update_settings(relay_url=url),
            owner=self,
            on_success=lambda _changes: self.saved.show_text(self.tr("Relay saved.")),
            on_error=refused,
        )
