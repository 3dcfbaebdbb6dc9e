"""The app's look in light and dark: two palettes for Qt's Fusion style (:mod:`.palettes`), the
colours that mark a status in text (:mod:`.tones`), the contrast between two colours
(:mod:`.contrast`), and the person's choice of appearance, kept on this computer and applied
live (:mod:`.appearance`)."""
