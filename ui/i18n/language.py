"""The interface's language: offered, chosen, installed.

The app speaks English, Spanish and Italian. It follows the system's locale until the person
picks a language in Settings; the choice is kept in the app's ``QSettings`` (not in the vault:
the unlock screen needs it before any vault is open). Installing a language loads two
catalogues, the app's (``resources/translations/vrm-wallet_<lang>.qm``, built by
``make translations``) and Qt's own (``qtbase_<lang>.qm``, for the buttons of Qt's dialogs),
and makes its locale the default, so dates, numbers and money are written the way its readers
expect. Qt then sends every window a ``LanguageChange`` event; :mod:`ui.i18n.rebuild` builds the
main window's screens again in the new language.

It imports only Qt and small modules: the first window installs the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from wallet.resources import resources_dir

LANGUAGE_KEY = "interface/language"
FOLLOW_SYSTEM = ""  # the stored choice when the person has not picked a language
APP_CATALOGUE = "vrm-wallet"
QT_CATALOGUE = "qtbase"


@dataclass(frozen=True, slots=True)
class Language:
    """A language the interface is translated into: ``code`` (ISO 639-1) and ``name``, written
    in that language, as a person looking for their own language expects to read it."""

    code: str
    name: str


LANGUAGES = (
    Language("en", "English"),
    Language("es", "Español"),
    Language("it", "Italiano"),
)
SOURCE_LANGUAGE = LANGUAGES[0]  # the texts in the code are English

_installed: list[QTranslator] = []  # the translators of the language in use


def offered(code: str) -> Language | None:
    """The offered language whose code is ``code``, if any."""
    return next((language for language in LANGUAGES if language.code == code), None)


def app_settings() -> QSettings:
    """The app's settings (``ui.app`` names the organisation and application first)."""
    return QSettings()


def stored_choice(settings: QSettings | None = None) -> str:
    """The language code the person picked, or :data:`FOLLOW_SYSTEM`."""
    value = (settings or app_settings()).value(LANGUAGE_KEY, FOLLOW_SYSTEM)
    return value if isinstance(value, str) and offered(value) is not None else FOLLOW_SYSTEM


def store_choice(code: str, settings: QSettings | None = None) -> None:
    """Keep ``code`` (or :data:`FOLLOW_SYSTEM`) as the person's choice."""
    store = settings or app_settings()
    if code == FOLLOW_SYSTEM:
        store.remove(LANGUAGE_KEY)
    else:
        store.setValue(LANGUAGE_KEY, code)
    store.sync()


def locale_for(choice: str, *, system: QLocale | None = None) -> QLocale:
    """The locale that formats dates, numbers and money for ``choice``.

    Following the system, the system's locale; a picked language keeps the system's country
    when it speaks that language (Spanish in Mexico stays Mexican), else the language's own.
    The "C" locale of a bare system (no ``LANG``) writes ISO dates and plain numbers: English
    as written in the United States reads better there.
    """
    system = system if system is not None else QLocale.system()
    if system.language() == QLocale.Language.C:
        system = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    if choice == FOLLOW_SYSTEM:
        return system
    picked = QLocale(choice)
    return system if system.language() == picked.language() else picked


def current_language(locale: QLocale | None = None) -> Language:
    """The offered language the interface shows for ``locale`` (the default locale): English
    when the locale's language is not offered."""
    code = (locale if locale is not None else QLocale()).name().partition("_")[0]
    return offered(code) or SOURCE_LANGUAGE


def app_translations_dir() -> Path:
    """Where the app's catalogues are (``make translations`` builds them from the .ts)."""
    return resources_dir() / "translations"


def qt_translations_dir() -> Path:
    """Where Qt keeps its own catalogues (``qtbase_es.qm`` …)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install(app: QCoreApplication, locale: QLocale, *, translations_dir: Path) -> list[QTranslator]:
    """Translate into ``locale``'s language: removes the translators of the language in use,
    then loads the app's catalogue from ``translations_dir`` and Qt's. Returns the translators
    installed (none for English without catalogues)."""
    remove_all(app)
    for name, directory in (
        (APP_CATALOGUE, translations_dir),
        (QT_CATALOGUE, qt_translations_dir()),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(directory)) and app.installTranslator(translator):
            _installed.append(translator)
        else:
            translator.deleteLater()
    return list(_installed)


def installed() -> list[QTranslator]:
    """The translators this module installed (none until a language is used)."""
    return list(_installed)


def remove_all(app: QCoreApplication) -> None:
    """Remove the translators this module installed: the interface speaks its source English."""
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()


def use(app: QCoreApplication, locale: QLocale, *, translations_dir: Path | None = None) -> None:
    """Speak ``locale``'s language and write dates, numbers and money its way (the default
    locale, which widgets built from now on take)."""
    QLocale.setDefault(locale)
    install(app, locale, translations_dir=translations_dir or app_translations_dir())


def use_stored_choice(app: QCoreApplication, *, translations_dir: Path | None = None) -> QLocale:
    """Use the language the person picked, else the system's; returns its locale."""
    locale = locale_for(stored_choice())
    use(app, locale, translations_dir=translations_dir)
    return locale


def switch_to(code: str, *, translations_dir: Path | None = None) -> None:
    """Keep ``code`` (or :data:`FOLLOW_SYSTEM`) as the person's choice and use it now."""
    store_choice(code)
    app = QCoreApplication.instance()
    if app is not None:
        use(app, locale_for(code), translations_dir=translations_dir)
