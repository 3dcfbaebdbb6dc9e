"""Reminders in the desktop app: checked on the vault's thread after unlocking, after changes
and every few minutes (:mod:`ui.reminders.watch`), worded for people
(:mod:`ui.reminders.texts`) and raised as desktop notifications (:mod:`ui.reminders.notify`)."""
