"""How much of a loyalty file the wallet reads: every bound on imports, in one place.

A loyalty file comes from outside (a card app's export, a wallet pass someone sent): it is read
only within these bounds, and anything beyond them is refused with a clear message *before* it
costs time or memory. A bound on the whole file refuses the file; a bound on one value rejects
only its row, which the preview lists with the reason.

Whole file (refused, nothing imported):

- ``MAX_IMPORT_BYTES``: 5 MiB, about 50 000 ordinary CSV rows, far above any real card list.
- ``MAX_IMPORT_ROWS``: 20 000 CSV rows after the header, or JSON objects (memberships, Google
  ``LoyaltyObject`` s).
- ``MAX_CSV_COLUMNS``: 100 columns; ``MAX_COLUMN_NAME_CHARS``: 200 characters in a header cell.
  (Python's own ``csv`` limit, 131 072 characters in one cell, also refuses the file.)
- JSON is read by :func:`wallet.wire.signing.load_json`: at most 32 levels of nesting, no repeated
  keys, and integers of at most 4 300 digits (Python's limit), all refused with one message.

One value (its row is rejected):

- ``MAX_CELL_CHARS``: 4 000 characters in one CSV cell (notes hold at most 2 000).
- Points (:func:`wallet.loyalty.models.points_value`): at most ``MAX_POINTS_CHARS`` (40)
  characters, below 10^``MAX_POINTS_INTEGER_DIGITS`` (10^12) and with at most
  ``MAX_POINTS_DECIMALS`` (6, Google's micros) decimal places. These are checked on the digits
  and the exponent as written, before any arithmetic: ``1e999999999`` is refused in microseconds
  instead of building a billion-digit integer.
- Dates and barcode types: at most ``MAX_SHORT_VALUE_CHARS`` (40) characters.

Measured on the 2-core CI machine (``tests/test_loyalty_hostile.py`` keeps the worst cases): a
5 MiB CSV of 20 000 rows previews in about 1 s; a file at every other bound is refused in well
under a second; one ``1e999999999`` cell, which took over a minute and 480 MB before, takes
microseconds.
"""

from __future__ import annotations

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
MAX_CSV_COLUMNS = 100
MAX_COLUMN_NAME_CHARS = 200
MAX_CELL_CHARS = 4_000
MAX_POINTS_CHARS = 40
MAX_POINTS_INTEGER_DIGITS = 12
MAX_POINTS_DECIMALS = 6
MAX_SHORT_VALUE_CHARS = 40
# How much of a value from a file an error message quotes.
QUOTED_CHARS = 40
