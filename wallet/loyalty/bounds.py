"""How much of a loyalty file the wallet reads: every bound on imports, in one place.

A loyalty file comes from outside (a card app's export, a wallet pass someone sent): it is read
only within these bounds, and anything beyond them is refused with a clear message *before* it
costs time or memory. A bound on the whole file refuses the file; a bound on one value rejects
only its row, which the preview lists with the reason.

Whole file (refused, nothing imported):

- ``MAX_IMPORT_BYTES``: 5 MiB, 20 000 cards with notes of 200 characters, far above any real
  card list.
- ``MAX_IMPORT_ROWS``: 20 000 CSV rows after the header, or JSON objects (memberships, Google
  ``LoyaltyObject`` s).
- ``MAX_CSV_COLUMNS``: 100 columns; ``MAX_COLUMN_NAME_CHARS``: 200 characters in a header cell.
  (Python's own ``csv`` limit, 131 072 characters in one cell, also refuses the file.)
- ``MAX_JSON_CONTAINERS``: 250 000 lists and objects (counted as ``[`` and ``{`` bytes, so
  brackets inside strings count too): a 20 000-object Google file has about 12 per object.
- JSON is read by :func:`wallet.wire.signing.load_json`: at most 32 levels of nesting, no repeated
  keys, integers of at most 4 300 digits (Python's limit), each refused with one message.

One value (its row is rejected):

- ``MAX_CELL_CHARS``: 4 000 characters in one CSV cell (notes hold at most 2 000).
- Points (:func:`wallet.loyalty.models.points_value`): at most ``MAX_POINTS_CHARS`` (40)
  characters, below 10^``MAX_POINTS_INTEGER_DIGITS`` (10^12) and with at most
  ``MAX_POINTS_DECIMALS`` (6, Google's micros) decimal places. These are checked on the digits
  and the exponent as written, before any arithmetic: ``1e999999999`` is refused in microseconds
  instead of building a billion-digit integer. Amounts of purchases follow the same rules.
- Dates and barcode types: at most ``MAX_SHORT_VALUE_CHARS`` (40) characters.

Measured on the 2-core CI machine, Python 3.11 (peak memory above the process's own):

====================================================  =======================================
5 MiB CSV, 20 000 rows                                preview 0.6 s (+46 MB), import 0.4 s
20 001 rows; a 5 MiB header of commas                 refused in 0.05 s; 0.13 s
20 000 cells ``1e999999999``                          0.23 s, all rejected (one took > 60 s
                                                      and 440 MB before)
one 5 MiB row of commas                               0.6 s (+114 MB), the row rejected
5 MiB of ``[``; 1 000 000 lists                       refused in 0.02 s; 0.01 s
250 000 lists (the most allowed)                      0.4 s (+18 MB)
5 MiB of small integers; 1 100 of 4 300 digits        0.75 s (+32 MB); 0.16 s, all rejected
Google file of 15 000 objects (4.7 MiB)               0.8 s (+30 MB)
====================================================  =======================================

Our own export goes through the same bounds when imported again: an export of more than
20 000 cards, or of more than 5 MiB (about 20 000 cards with short notes as CSV), must be split
to be imported; every card of a smaller one comes back with the same values.
"""

from __future__ import annotations

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
MAX_CSV_COLUMNS = 100
MAX_COLUMN_NAME_CHARS = 200
MAX_CELL_CHARS = 4_000
MAX_JSON_CONTAINERS = 250_000
MAX_POINTS_CHARS = 40
MAX_POINTS_INTEGER_DIGITS = 12
MAX_POINTS_DECIMALS = 6
MAX_SHORT_VALUE_CHARS = 40
# How much of a value from a file an error message quotes.
QUOTED_CHARS = 40
