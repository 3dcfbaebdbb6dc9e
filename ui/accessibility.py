"""Keyboard and assistive-technology habits every window shares (issue 14: no traps, names).

Two rules, applied to a window's widgets by :func:`prepare_for_keyboard` (the workspace's pages
when built and when shown, the dialogs when built) and to whichever widget takes the focus
(:class:`ui.widgets.focus_ring.FocusRing` calls :func:`prepare_control`), so a widget built
later, or by a window that never called us, follows them too:

- **Tab leaves.** A multi-line text edit moves the focus on Tab instead of typing a tab
  character, and an item view (table, list, tree) lets Tab leave it instead of walking its cells:
  arrow keys move inside them.
- **Every control has a name**, for screen readers: the one Qt finds (the control's accessible
  name, the label whose buddy it is, its group box's title, its own text), else the words a
  sighted person reads beside it: the label whose buddy is the widget it stands in for (a
  password field's entry), the label just before it in its layout, its placeholder, its tooltip.
  A name found that way is read again each time (at the focus, at a page's showing), so it
  follows those words when the language changes.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

MAX_CAPTION_LENGTH = 80
# Set on a widget whose name was derived here (its value: the fallback name used, maybe "").
DERIVED_NAME_PROPERTY = "vrmDerivedNameFallback"
_TAB_FOCUS = 0x1  # Qt.FocusPolicy.TabFocus, without building the Qt namespace at the first window


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` ("" when it has none)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def takes_keyboard_focus(widget: QWidget) -> bool:
    """True when Tab can land on ``widget`` itself (not on a widget it hands the focus to)."""
    policy = widget.focusPolicy()
    return bool(int(getattr(policy, "value", policy)) & _TAB_FOCUS) and widget.focusProxy() is None


def prepare_for_keyboard(root: QWidget, *, fallback_name: str = "") -> None:
    """Apply both rules to ``root`` and every widget inside it.

    ``fallback_name``: the name of a control that has no words beside it (a page's one table
    takes the page's title).
    """
    for widget in (root, *root.findChildren(QWidget)):
        prepare_control(widget, fallback_name=fallback_name)


def prepare_control(widget: QWidget, *, focused: bool = False, fallback_name: str = "") -> None:
    """Let Tab leave ``widget`` and give it a name if it takes the focus and has none.

    ``focused``: it has just taken the focus (so it takes it; asking its focus policy would build
    PySide6's Qt namespace, which the first window must not pay for).
    """
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setTabChangesFocus(True)
    elif isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    if not (focused or takes_keyboard_focus(widget)):
        return
    derived_fallback = widget.property(DERIVED_NAME_PROPERTY)
    if derived_fallback is not None:  # named here before: the words beside it may have changed
        widget.setAccessibleName("")  # (the language switched), so read them again
        fallback_name = fallback_name or str(derived_fallback)
    elif accessible_name(widget):
        return
    name = seen_name(widget) or fallback_name
    if name:
        widget.setAccessibleName(name)
        widget.setProperty(DERIVED_NAME_PROPERTY, fallback_name)


def seen_name(widget: QWidget) -> str:
    """The words a sighted person reads as ``widget``'s name ("" when there are none)."""
    for candidate in _stand_ins(widget):
        name = candidate.accessibleName() or _buddy_text(candidate) or _label_before(candidate)
        if name:
            return name
    for text in (_placeholder(widget), widget.toolTip()):
        if text.strip():
            return _plain(text)
    return ""


def _stand_ins(widget: QWidget) -> list[QWidget]:
    """``widget`` and the widgets that hand it their focus (a password field for its entry)."""
    chain = [widget]
    parent = widget.parentWidget()
    while parent is not None and parent.focusProxy() is chain[-1]:
        chain.append(parent)
        parent = parent.parentWidget()
    return chain


def _buddy_text(widget: QWidget) -> str:
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return _plain(label.text())
    return ""


def _label_before(widget: QWidget) -> str:
    """The text of the label just before ``widget`` in its parent's layout (a caption)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    found = _label_before_in(layout, widget)
    text = _plain(found.text()) if found is not None else ""
    return text if len(text) <= MAX_CAPTION_LENGTH else ""  # a paragraph is no caption


def _label_before_in(layout: object, widget: QWidget) -> QLabel | None:
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        return label if isinstance(label, QLabel) else None
    if not isinstance(layout, QBoxLayout):
        return None
    previous: QWidget | None = None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child = item.widget()
        if child is widget:
            return previous if isinstance(previous, QLabel) else None
        inner = item.layout()
        if inner is not None:
            found = _label_before_in(inner, widget)
            if found is not None:
                return found
        if child is not None:
            previous = child
    return None


def _placeholder(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText()
    return ""


def _plain(text: str) -> str:
    """A label's text as a name: no mnemonic ampersand, no trailing colon, no markup."""
    from PySide6.QtGui import QTextDocumentFragment

    plain = QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text
    plain = plain.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(plain.split()).rstrip(":").strip()
