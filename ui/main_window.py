"""The one window: first-run wizard, unlock screen and the unlocked workspace in a stack.

The workspace (sidebar + My data, Activity, Settings) is built when the vault unlocks and destroyed
when it locks, so no personal data survives a lock in any widget or model; every other window
(dialogs, questions, popups) is closed and the status bar emptied too. Locking happens on the
Lock button (Ctrl+L), after idle time, when the screen locks, and when the app quits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.autolock import AutoLock
from ui.background import BackgroundCalls
from ui.icons import icon
from ui.pages.unlock import UnlockPage
from ui.shortcuts import WorkspaceShortcuts
from ui.tasks import VaultRunner
from ui.widgets.busy import BusyIndicator
from ui.widgets.focus_ring import install_focus_ring
from ui.widgets.messages import InlineMessage, error_text
from ui.window_geometry import open_at_default, restore_geometry, save_geometry

if TYPE_CHECKING:  # loaded when first needed (see ui.app: the first window imports only these)
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from ui.network import NetworkRunner
    from ui.pages.welcome import WelcomePage
    from wallet.changes import Changes
    from wallet.settings import VaultSettings
    from wallet.vault.facade import RestoreResult, Vault

STATUS_ERROR_MILLISECONDS = 20_000
SIDEBAR_WIDTH = 180
LOCK_SHORTCUT = "Ctrl+L"  # Qt's portable text: Command+L on macOS, as Qt.CTRL | Qt.Key_L would be


def question_types() -> tuple[type[QMessageBox], type[QFileDialog], type[QInputDialog]]:
    """The dialogs ui.dialogs.ask (and vendor_dialogs) run in their own event loop (exec), some
    of them on the stack of a Qt static function: at a lock they must outlive the workspace (see
    lock()). Looked up when needed: PySide6 builds a Qt class's Python type on first use, which
    the first window should not pay for."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    return QMessageBox, QFileDialog, QInputDialog


class Workspace(QWidget):
    """The unlocked vault: a sidebar choosing among the pages, and a Lock button below it.

    Attributes: ``sidebar``, ``pages``, ``home``, ``reminders`` (the
    :class:`~ui.reminders.watch.ReminderWatch`), ``my_data``, ``overview``, ``intentions``,
    ``consents``, ``terms``, ``loyalty``, ``vendors``, ``activity``, ``settings``,
    ``lock_button``.
    """

    lock_clicked = Signal()

    def __init__(
        self,
        runner: VaultRunner,
        background: BackgroundCalls,
        network: NetworkRunner,
        *,
        vault_dir: Path,
        screen_lock_unavailable_reason: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The pages (and the networking, crypto and letters they use) load at the first unlock,
        # not at launch: the unlock screen must appear in a blink.
        from PySide6.QtWidgets import QListWidget, QListWidgetItem

        from ui.pages.activity_page import ActivityPage
        from ui.pages.consents_page import ConsentsPage
        from ui.pages.home_page import HomePage
        from ui.pages.intentions_page import IntentionsPage
        from ui.pages.loyalty_page import LoyaltyPage
        from ui.pages.my_data import MyDataPage
        from ui.pages.overview_page import OverviewPage
        from ui.pages.settings_page import SettingsPage
        from ui.pages.terms_page import TermsPage
        from ui.pages.vendors_page import VendorsPage
        from ui.reminders.routing import open_reminder
        from ui.reminders.watch import ReminderWatch

        self.reminders = ReminderWatch(runner, self)
        self.home = HomePage(self.reminders)
        self.my_data = MyDataPage(runner)
        self.overview = OverviewPage(runner)
        self.intentions = IntentionsPage(runner, network)
        self.consents = ConsentsPage(runner, network)
        self.terms = TermsPage(runner)
        self.loyalty = LoyaltyPage(runner)
        self.vendors = VendorsPage(runner, network)
        self.activity = ActivityPage(runner)
        self.settings = SettingsPage(
            runner,
            background,
            vault_dir=vault_dir,
            screen_lock_unavailable_reason=screen_lock_unavailable_reason,
        )
        self.pages = QStackedWidget()
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self._titles: dict[QWidget, str] = {}
        for title, icon_name, page in (
            (self.tr("Home"), "home", self.home),
            (self.tr("My data"), "my-data", self.my_data),
            (self.tr("Overview"), "overview", self.overview),
            (self.tr("Intentions"), "intentions", self.intentions),
            (self.tr("Consents"), "consents", self.consents),
            (self.tr("My terms"), "terms", self.terms),
            (self.tr("Loyalty"), "loyalty", self.loyalty),
            (self.tr("Vendors"), "vendors", self.vendors),
            (self.tr("Activity"), "activity", self.activity),
            (self.tr("Settings"), "settings", self.settings),
        ):
            QListWidgetItem(icon(icon_name), title, self.sidebar)
            self.pages.addWidget(page)
            self._titles[page] = title
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self._connect_consents()
        self.home.open_requested.connect(lambda kind, subject: open_reminder(self, kind, subject))
        self.home.compose_requested.connect(self.compose_intention)
        self.reminders.start()
        self.lock_button = QPushButton(icon("lock"), self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_clicked)
        side = QVBoxLayout()
        side.addWidget(self.sidebar, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.pages, 1)
        side.addWidget(self.lock_button)  # last, so that Tab goes sidebar → page → Lock
        self._prepare_for_keyboard()

    def _prepare_for_keyboard(self) -> None:
        """Every control has a name and Tab leaves text boxes and grids (ui.accessibility), on
        each page again when shown (pages build some of their parts later)."""
        from ui.accessibility import prepare_for_keyboard

        prepare_for_keyboard(self)

        def prepare_page(index: int) -> None:
            page = self.pages.widget(index)
            if page is not None:
                prepare_for_keyboard(page, fallback_name=self._titles.get(page, ""))

        for index in range(self.pages.count()):
            prepare_page(index)
        self.pages.currentChanged.connect(prepare_page)

    def _connect_consents(self) -> None:
        """Consents are given from Intentions, updated from My data, opened from the Overview."""
        self.intentions.consent_requested.connect(self.consents.grant_for_offer)
        self.my_data.field_saved.connect(self.consents.propose_update)
        self.overview.consent_activated.connect(self.open_consent)
        self.consents.consent_granted.connect(self.open_consent)

    def compose_intention(self) -> None:
        """Show Intentions and open its composer."""
        self.show_page(self.pages.indexOf(self.intentions))
        self.intentions.compose()

    def open_consent(self, consent_id: str) -> None:
        """Show the Consents page with ``consent_id`` selected."""
        self.show_page(self.pages.indexOf(self.consents))
        self.consents.show_consent(consent_id)

    def reload(self) -> None:
        """Load every page's content from the vault (Overview and Consents when shown), and
        check the reminders."""
        for page in (self.my_data, self.overview, self.intentions, self.consents, self.terms):
            page.reload()
        for page in (self.loyalty, self.vendors, self.activity, self.settings):
            page.reload()
        self.reminders.check_now()

    def show_page(self, row: int) -> None:
        self.sidebar.setCurrentRow(row)


class MainWindow(QMainWindow):
    """The application window. ``first_run`` shows the wizard; ``demo`` opens the demo vault.

    Attributes (for tests): ``screens``, ``welcome_page`` (``None`` unless first run),
    ``unlock_page``, ``workspace`` (``None`` while locked), ``lock_action``, ``autolock``,
    ``background``, ``network``, ``busy``, ``status_error``.
    """

    def __init__(
        self,
        runner: VaultRunner,
        *,
        vault_dir: Path,
        first_run: bool,
        demo: bool = False,
        demo_vendors_url: str | None = None,
        demo_relay_url: str | None = None,
        kdf_target_seconds: float = 0.5,
        autolock: AutoLock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.demo_vendors_url, self.demo_relay_url = demo_vendors_url, demo_relay_url
        self._closing = False  # shutdown() has begun
        self.runner = runner
        self.vault_dir = vault_dir
        self.demo = demo
        self.background = BackgroundCalls(self)
        self._network: NetworkRunner | None = None  # started on first use: see ``network``
        self.autolock = autolock if autolock is not None else AutoLock(parent=self)
        self.workspace: Workspace | None = None
        self._parked_questions: list[QDialog] = []
        self.setWindowTitle(self.tr("VRM Wallet (demo)") if demo else self.tr("VRM Wallet"))
        self._geometry_settings: QSettings | None = None  # see remember_geometry
        open_at_default(self)  # fits the screen (a 1024×640 laptop)
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self.unlock_page = UnlockPage(
            runner,
            self.background,
            vault_dir=vault_dir,
            demo_passphrase=_demo_passphrase() if demo else None,
        )
        self.screens.addWidget(self.unlock_page)
        self.welcome_page: WelcomePage | None = None
        if first_run and not demo:
            from ui.pages.welcome import WelcomePage

            self.welcome_page = WelcomePage(
                runner, self.background, vault_dir=vault_dir, kdf_target_seconds=kdf_target_seconds
            )
            self.welcome_page.finished.connect(self._show_workspace)
            self.screens.addWidget(self.welcome_page)
        self._build_menu()
        self._build_status_bar()
        install_focus_ring()
        self._connect_signals()
        self._start()

    # ------------------------------------------------------------------ building

    def _build_menu(self) -> None:
        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        # setShortcuts([one]) is what setShortcut(one) does, minus PySide6 building its Qt
        # namespace (~20 ms of the first window) to choose among setShortcut's overloads.
        self.lock_action.setShortcuts([QKeySequence(LOCK_SHORTCUT)])
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(lambda: self.lock())
        vault_menu.addAction(self.lock_action)
        vault_menu.addSeparator()
        self.shortcuts = WorkspaceShortcuts(self, workspace=lambda: self.workspace)
        vault_menu.addActions(self.shortcuts.actions)
        vault_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Quit)])
        quit_action.triggered.connect(self.request_quit)
        vault_menu.addAction(quit_action)

    def _build_status_bar(self) -> None:
        self.busy = BusyIndicator(show_delay_ms=250)
        self.busy.setMaximumWidth(160)
        self.status_error = InlineMessage(error=True)
        self.statusBar().addWidget(self.status_error, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self._status_error_timer = QTimer(self)
        self._status_error_timer.setSingleShot(True)
        self._status_error_timer.timeout.connect(self.status_error.clear)

    def _connect_signals(self) -> None:
        self.runner.busy_changed.connect(self._update_busy)
        self.background.busy_changed.connect(self._update_busy)
        self.runner.error.connect(self.show_status_error)
        self.runner.unlocked.connect(self._on_unlocked)
        self.runner.locked.connect(self._on_locked)
        self.runner.changed.connect(self._on_changed)
        self.autolock.lock_requested.connect(self._on_lock_requested)

    def _start(self) -> None:
        if self.demo:
            self._open_demo_vault()
        elif self.welcome_page is not None:
            self.screens.setCurrentWidget(self.welcome_page)
        else:
            self.screens.setCurrentWidget(self.unlock_page)
            self.unlock_page.refresh()

    @property
    def network(self) -> NetworkRunner:
        """The network loop (a thread running asyncio), started when first used.

        Starting it loads aiohttp and the transport, which the first window does not need.
        """
        if self._network is None:
            from ui.network import NetworkRunner

            self._network = NetworkRunner(self)
            self._network.busy_changed.connect(self._update_busy)
        return self._network

    def _open_demo_vault(self) -> None:
        self.screens.setCurrentWidget(self.unlock_page)
        self.unlock_page.set_busy(True)
        directory, urls = self.vault_dir, (self.demo_vendors_url, self.demo_relay_url)

        def open_demo() -> Vault:  # on the vault worker, which loads the vendor kit
            from vendorkit.demo import open_demo_vault

            return open_demo_vault(directory, vendors_base_url=urls[0], relay_url=urls[1])

        self.runner.open(
            open_demo,
            on_success=lambda _vault: self.unlock_page.set_busy(False),
            on_error=self._on_demo_failed,
        )

    def _on_demo_failed(self, error: Exception) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.refresh()
        self.unlock_page.show_error(error_text(error))

    # ------------------------------------------------------------------ status

    def _update_busy(self) -> None:
        network_busy = self._network is not None and self._network.is_busy
        self.busy.set_busy(self.runner.is_busy or self.background.is_busy or network_busy)

    def show_status_error(self, message: str) -> None:
        """Show an error in the status bar for a while."""
        self.status_error.show_text(message)
        self._status_error_timer.start(STATUS_ERROR_MILLISECONDS)

    # ------------------------------------------------------------------ unlocking

    def _on_unlocked(self) -> None:
        if self._closing:  # an unlock that finished while the app quits: nothing to show
            return
        if self.screens.currentWidget() is self.welcome_page:
            return  # the wizard still shows the recovery key; it says when it is finished
        self._show_workspace()

    def _show_workspace(self) -> None:
        self._drop_welcome_page()
        self._delete_parked_questions()  # their event loops ended long ago
        if self.workspace is None:
            self.workspace = Workspace(
                self.runner,
                self.background,
                self.network,
                vault_dir=self.vault_dir,
                screen_lock_unavailable_reason=self.autolock.watcher.unavailable_reason(),
            )
            self.workspace.lock_clicked.connect(lambda: self.lock())
            self.workspace.settings.restore_requested.connect(self.restore_backup)
            self.screens.addWidget(self.workspace)
        self.screens.setCurrentWidget(self.workspace)
        self.workspace.reload()
        self.lock_action.setEnabled(True)
        self.shortcuts.set_enabled(True)
        self.autolock.start()
        self._apply_settings()

    def _drop_welcome_page(self) -> None:
        if self.welcome_page is not None:
            self.screens.removeWidget(self.welcome_page)
            self.welcome_page.deleteLater()
            self.welcome_page = None

    def _on_changed(self, changes: Changes) -> None:
        if changes.settings_changed:
            self._apply_settings()

    def _apply_settings(self) -> None:
        self.runner.run(lambda vault: vault.settings(), on_success=self._use_settings)

    def _use_settings(self, settings: VaultSettings) -> None:
        self.autolock.configure(
            idle_minutes=settings.auto_lock_minutes,
            lock_on_screen_lock=settings.lock_on_screen_lock,
        )
        from ui import clipboard

        clipboard.secret_clipboard().clear_after_seconds = settings.clipboard_clear_seconds

    # ------------------------------------------------------------------ locking

    def lock(self, *, notice: str = "") -> None:
        """Lock the vault; the unlock screen shows ``notice`` (why it locked) if given."""
        self.autolock.stop()
        self.unlock_page.show_notice(notice)
        self.runner.lock()

    def _on_lock_requested(self, reason: str) -> None:
        if reason == "screen locked":
            notice = self.tr("The vault was locked because the screen was locked.")
        else:
            notice = self.tr("The vault was locked after a while without use.")
        self.lock(notice=notice)

    def _on_locked(self) -> None:
        self.autolock.stop()
        self.lock_action.setEnabled(False)
        self.shortcuts.set_enabled(False)
        _clear_copied_secrets()
        self._close_other_windows()
        self._clear_status_error()
        self._drop_welcome_page()
        self._drop_workspace()
        self.screens.setCurrentWidget(self.unlock_page)
        self.unlock_page.refresh()

    def _close_other_windows(self) -> None:
        """Close every dialog, question and popup: any of them may show personal data.

        A question open in its own event loop answers Cancel. It is first moved onto this
        window and emptied: the workspace, often its parent, is deleted next, maybe before that
        loop returns (deleting a dialog under its own exec(), or a static one on the stack, would
        crash); it is deleted at the next unlock.
        """
        from PySide6.QtWidgets import QToolTip

        QToolTip.hideText()
        self._delete_parked_questions()
        questions = question_types()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) or not widget.isVisible():
                continue
            if not isinstance(widget, QDialog):
                widget.close()  # a popup menu, a combo box's list
                continue
            widget.reject()
            if isinstance(widget, questions):
                _empty_question(widget)
                widget.setParent(self, widget.windowFlags())
                self._parked_questions.append(widget)

    def _delete_parked_questions(self) -> None:
        for question in self._parked_questions:
            if shiboken6.isValid(question):  # a static dialog's was deleted when it returned
                question.deleteLater()
        self._parked_questions.clear()

    def _clear_status_error(self) -> None:
        self._status_error_timer.stop()
        self.status_error.clear()

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self.screens.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    # ------------------------------------------------------------------ restore

    def restore_backup(self, backup: Path, passphrase: str) -> None:
        """Lock, then restore ``backup`` over the vault (moved aside) and show the unlock screen."""
        directory = self.vault_dir

        def restore() -> RestoreResult:  # on a background thread
            from wallet.vault.facade import Vault

            return Vault.restore(backup, directory, passphrase=passphrase, force=True)

        def start_restoring() -> None:
            self.unlock_page.show_notice(self.tr("Restoring the backup…"))
            self.unlock_page.set_busy(True)
            self.background.call(
                restore, on_success=self._on_restored, on_error=self._on_restore_failed
            )

        self.autolock.stop()
        self.runner.lock(on_done=start_restoring)

    def _on_restored(self, result: RestoreResult) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.refresh()
        message = self.tr("The backup was restored. Unlock it with the backup's passphrase.")
        if result.replaced_moved_to is not None:
            message += " " + self.tr("The previous vault was moved to %1.").replace(
                "%1", str(result.replaced_moved_to)
            )
        self.unlock_page.show_notice(message)

    def _on_restore_failed(self, error: Exception) -> None:
        self.unlock_page.set_busy(False)
        self.unlock_page.refresh()
        self.unlock_page.show_notice("")
        self.unlock_page.show_error(
            self.tr("The backup was not restored; your vault is unchanged. %1").replace(
                "%1", error_text(error)
            )
        )

    # ------------------------------------------------------------------ quitting

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button quits the app: ask first if that would lose the key."""
        if event.spontaneous() and not self.may_quit():
            event.ignore()
            return
        self._save_geometry()
        super().closeEvent(event)

    def request_quit(self) -> None:
        """The Quit action: quit, unless the user chooses to save the recovery key first."""
        if self.may_quit():
            QApplication.quit()

    def may_quit(self) -> bool:
        """Quitting before the recovery key is saved would lose it for good: ask first."""
        page = self.welcome_page
        if page is None or not page.recovery_key_unconfirmed:
            return True
        from ui.dialogs import ask

        return ask.confirm(
            self,
            self.tr("Recovery key not saved"),
            self.tr(
                "Your recovery key is shown only this once. Without it a forgotten passphrase "
                "means losing the vault. Quit without saving it?"
            ),
            action=self.tr("Quit anyway"),
        )

    def remember_geometry(self, settings: QSettings) -> None:
        """Open where ``settings`` says the window was (if a screen still shows it), and save its
        size and place there when it closes or the app quits (ui.window_geometry)."""
        self._geometry_settings = settings
        restore_geometry(self, settings)

    def _save_geometry(self) -> None:
        if self._geometry_settings is not None:
            save_geometry(self, self._geometry_settings)

    def shutdown(self) -> None:
        """Lock and stop the workers (the app is quitting); waits for a running operation."""
        self._closing = True
        self._save_geometry()
        self.autolock.stop()
        _clear_copied_secrets()
        if self._network is not None:
            self._network.shutdown()  # first: its tasks may be waiting on the vault worker
        self.runner.shutdown()
        self.background.shutdown()


def _demo_passphrase() -> str:
    from vendorkit.demo import DEMO_PASSPHRASE  # the vendor kit loads only for the demo

    return DEMO_PASSPHRASE


def _clear_copied_secrets() -> None:
    """Clear what the app put on the clipboard (the module loads late: it reads vault settings)."""
    from ui import clipboard

    clipboard.clear_copied_secrets()


def _empty_question(question: QDialog) -> None:
    """Take the texts out of a question closed at a lock (it lingers until the next unlock)."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    question.setWindowTitle("")
    if isinstance(question, QMessageBox):
        question.setText("")
        question.setInformativeText("")
        question.setDetailedText("")
    elif isinstance(question, QInputDialog):
        question.setLabelText("")
        question.setTextValue("")
