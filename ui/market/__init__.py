"""The open market in the desktop app: the one relay connection (:mod:`ui.market.link`) and
the broadcast choices and market status shown on the Intentions page
(:mod:`ui.market.choices`)."""
