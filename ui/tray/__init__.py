"""An optional icon in the system tray (:mod:`.controller`), shown when the person turns it on in
Settings (:mod:`.setting`) and the desktop has a tray. It opens the window, locks the vault and
quits, and its tooltip says how many reminders are due. Nothing needs it: locking works the same
with and without it."""
