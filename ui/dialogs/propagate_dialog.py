"""The update-propagation prompt: send a changed field's new value to the vendors holding it.

Shown after a field was saved, when vendors hold it under an active consent (one line per
consent, each ticked). It touches nothing: the page sends to :meth:`chosen_consent_ids` after
**Send**; **Don't send** sends nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import prepare_for_keyboard
from ui.text import escape_html
from wallet.consents import Holder

_ID_ROLE = int(Qt.ItemDataRole.UserRole)


class PropagateDialog(QDialog):
    """Which of ``holders`` should get the new value of the field labelled ``label``.

    ``scopes`` (consent id → a short description, e.g. its date and fields) tells apart the
    consents of a vendor that holds the field under several.

    Attributes (for tests): ``field_key``, ``holders_list`` (checkable, one item per consent,
    its id in ``Qt.UserRole``), ``send_button``, ``dont_send_button``, ``buttons``.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        field_key: str,
        label: str,
        holders: Sequence[Holder],
        scopes: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.field_key = field_key
        self.setWindowTitle(self.tr("Tell the vendors?"))
        self.setMinimumWidth(560)
        text = QLabel(
            self.tr(
                "You changed <b>%1</b>. These vendors hold it under a consent you gave. Send "
                "them the new value? Each gets it signed, with its consent receipt, and only "
                "for that consent's purposes."
            ).replace("%1", escape_html(label))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.holders_list = QListWidget()
        self.holders_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Long lines are elided (the tooltip has them whole): no scroll bar eats the last row.
        self.holders_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.holders_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        names = Counter(holder.vendor_name for holder in holders)
        for holder in holders:
            shown = holder.vendor_name
            if names[holder.vendor_name] > 1:  # one vendor, several consents: tell them apart
                scope = (scopes or {}).get(holder.consent_id, holder.consent_id[:8])
                shown += self.tr(" (consent of %1)").replace("%1", scope)
            item = QListWidgetItem(shown, self.holders_list)
            item.setData(_ID_ROLE, holder.consent_id)
            item.setToolTip(
                shown
                + "\n"
                + self.tr("%1, consent %2")
                .replace("%1", holder.vendor_id)
                .replace("%2", holder.consent_id)
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        rows = min(max(len(holders), 2), 8)
        self.holders_list.setFixedHeight(
            rows * (self.holders_list.sizeHintForRow(0) + 2) + 2 * self.holders_list.frameWidth()
        )
        self.holders_list.itemChanged.connect(lambda _item: self._update_send())
        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("&Send the new value"))
        self.send_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.dont_send_button = self.buttons.addButton(
            self.tr("&Don't send"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.holders_list)
        layout.addWidget(self.buttons)
        prepare_for_keyboard(self)  # Tab leaves text boxes; every control has a name

    def chosen_consent_ids(self) -> list[str]:
        """The consents whose vendors are ticked."""
        chosen = []
        for row in range(self.holders_list.count()):
            item = self.holders_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(str(item.data(_ID_ROLE)))
        return chosen

    def _update_send(self) -> None:
        self.send_button.setEnabled(bool(self.chosen_consent_ids()))
