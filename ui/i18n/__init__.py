"""The interface's language: the languages offered, the one chosen, and Qt's translators.

See :mod:`ui.i18n.language` for choosing and installing a language and :mod:`ui.i18n.update`
for refreshing the translation sources (``resources/translations/*.ts``).
"""
