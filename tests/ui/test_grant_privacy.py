"""Privacy by default in the grant dialog (issue 14): only what the offer requires starts ticked.

The dialog is shown a plan built by hand (the core's rule, ``plan_from_offer`` selecting only
required fields, is checked through the command line in ``tests/test_consents_cli.py`` and through
the whole app in ``tests/ui/test_consents_ui.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from ui.dialogs.grant_dialog import GrantDialog
from ui.tasks import VaultRunner
from wallet.consents import GrantPlan, PlannedField


def _planned(key: str, **options: object) -> PlannedField:
    values: dict[str, object] = {
        "key": key,
        "label": key.replace("_", " ").capitalize(),
        "category_label": "Contact",
        "present": True,
        "required": False,
        "selected": False,
    }
    values.update(options)
    return PlannedField(**values)  # type: ignore[arg-type]


PLAN = GrantPlan(
    vendor_id="shop",
    vendor_name="Demo Shop",
    offer_id="offer-1",
    item_name="Trail shoes",
    fields=(
        _planned("postal_address", required=True, selected=True, reason="to deliver", asked=True),
        _planned("phone", reason="for the courier, if needed", asked=True),
        _planned("email", asked=True),
        _planned("shoe_size"),
    ),
    purposes=(2, 3),
    days=30,
)


def _items(dialog: GrantDialog) -> dict[str, QTreeWidgetItem]:
    tree = dialog.fields_tree
    items = (tree.topLevelItem(row) for row in range(tree.topLevelItemCount()))
    return {str(item.data(0, Qt.ItemDataRole.UserRole)): item for item in items}


def test_only_required_fields_start_ticked_and_optional_ones_say_why(
    qtbot: QtBot, runner: VaultRunner
) -> None:
    dialog = GrantDialog(runner, plan=PLAN)
    qtbot.addWidget(dialog)
    items = _items(dialog)

    required = items["postal_address"]
    assert required.checkState(0) == Qt.CheckState.Checked
    assert required.text(2) == "Needed for the offer: to deliver"
    assert not required.flags() & Qt.ItemFlag.ItemIsUserCheckable

    phone = items["phone"]
    assert phone.checkState(0) == Qt.CheckState.Unchecked
    assert phone.text(2) == "Optional: for the courier, if needed"
    assert phone.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert items["email"].checkState(0) == Qt.CheckState.Unchecked
    assert items["email"].text(2) == "Optional (no reason given)"
    assert items["shoe_size"].checkState(0) == Qt.CheckState.Unchecked
    assert items["shoe_size"].text(2) == ""  # nobody asked for it

    assert dialog.request().field_keys == ("postal_address",)
    phone.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.request().field_keys == ("postal_address", "phone")


def test_an_optional_field_ticked_for_one_vendor_stays_ticked_for_the_next(
    qtbot: QtBot, runner: VaultRunner
) -> None:
    dialog = GrantDialog(runner, plan=PLAN)
    qtbot.addWidget(dialog)
    _items(dialog)["phone"].setCheckState(0, Qt.CheckState.Checked)
    dialog.set_plan(PLAN)
    assert dialog.request().field_keys == ("postal_address", "phone")
