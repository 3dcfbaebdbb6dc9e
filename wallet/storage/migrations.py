"""Numbered schema migrations, each applied in its own transaction.

The schema version lives in ``PRAGMA user_version``, which SQLite updates inside the same
transaction as the migration, so a migration interrupted by a crash leaves the previous version
intact. A database with a version above :data:`LATEST_VERSION` was written by a newer app and is
refused rather than guessed at. Add a migration by appending to :data:`MIGRATIONS`; never edit one
that has shipped (tests open fixture vaults of every past version).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wallet.errors import UnsupportedVersion
from wallet.storage.connection import Connection, transaction


@dataclass(frozen=True)
class Migration:
    """One step from ``version - 1`` to ``version``."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _run_all(statements: Sequence[str]) -> Callable[[Connection], None]:
    # executescript() would COMMIT first, breaking the one-transaction guarantee.
    def apply(connection: Connection) -> None:
        for statement in statements:
            connection.execute(statement)

    return apply


_V1_PERSONAL_DATA_AND_LOG = (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE fields (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        value TEXT NOT NULL,
        category INTEGER NOT NULL,
        sensitive INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX fields_by_category ON fields (category, key)",
    """CREATE TABLE field_history (
        id INTEGER PRIMARY KEY,
        field_key TEXT NOT NULL,
        value TEXT NOT NULL,
        changed TEXT NOT NULL
    )""",
    "CREATE INDEX field_history_by_key ON field_history (field_key, id)",
    """CREATE VIRTUAL TABLE fields_fts USING fts5 (
        key, label, value,
        content = 'fields', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER fields_fts_insert AFTER INSERT ON fields BEGIN
        INSERT INTO fields_fts (rowid, key, label, value)
        VALUES (new.id, new.key, new.label, new.value);
    END""",
    """CREATE TRIGGER fields_fts_delete AFTER DELETE ON fields BEGIN
        INSERT INTO fields_fts (fields_fts, rowid, key, label, value)
        VALUES ('delete', old.id, old.key, old.label, old.value);
    END""",
    """CREATE TRIGGER fields_fts_update AFTER UPDATE ON fields BEGIN
        INSERT INTO fields_fts (fields_fts, rowid, key, label, value)
        VALUES ('delete', old.id, old.key, old.label, old.value);
        INSERT INTO fields_fts (rowid, key, label, value)
        VALUES (new.id, new.key, new.label, new.value);
    END""",
    """CREATE TABLE activity (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        type TEXT NOT NULL,
        result TEXT NOT NULL,
        party TEXT NOT NULL,
        field_names TEXT NOT NULL,
        reason TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE INDEX activity_by_type ON activity (type, seq)",
    """CREATE TABLE activity_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
    )""",
)

_V2_SIGNING_KEYS = (
    """CREATE TABLE signing_keys (
        kid TEXT PRIMARY KEY,
        purpose TEXT NOT NULL,
        seed BLOB NOT NULL,
        created TEXT NOT NULL
    )""",
    "CREATE INDEX signing_keys_by_purpose ON signing_keys (purpose, created)",
)
# Owned by the terms feature (wallet/terms/): terms versions and vendors' agreement records.
_V2_TERMS: tuple[str, ...] = (
    # One row per saved version: the canonical JSON that was hashed and signed, kept byte for byte.
    """CREATE TABLE terms_versions (
        version INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL UNIQUE,
        issued TEXT NOT NULL,
        language TEXT NOT NULL,
        canonical BLOB NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        signature TEXT NOT NULL,
        kid TEXT NOT NULL
    )""",
    # Vendors' verified acceptances of one of our versions, kept as received for audits.
    """CREATE TABLE terms_agreements (
        id INTEGER PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        vendor_name TEXT NOT NULL,
        terms_sha256 TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        record TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        UNIQUE (vendor_id, terms_sha256, accepted_at)
    )""",
    "CREATE INDEX terms_agreements_by_hash ON terms_agreements (terms_sha256, id)",
)
# Owned by the loyalty feature (wallet/loyalty/): memberships, proposals, recorded purchases.
_V2_LOYALTY: tuple[str, ...] = (
    """CREATE TABLE loyalty_memberships (
        id INTEGER PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        program TEXT NOT NULL,
        vendor TEXT NOT NULL,
        member_number TEXT NOT NULL,
        tier TEXT NOT NULL,
        points_balance TEXT,
        expiry TEXT,
        notes TEXT NOT NULL,
        barcode_type TEXT NOT NULL,
        barcode_value TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    "CREATE INDEX loyalty_memberships_by_program ON loyalty_memberships (program, id)",
    """CREATE TABLE loyalty_proposals (
        id INTEGER PRIMARY KEY,
        terms TEXT NOT NULL,
        status TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE loyalty_purchases (
        id INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES loyalty_proposals (id) ON DELETE CASCADE,
        vendor TEXT NOT NULL,
        date TEXT NOT NULL,
        amount TEXT NOT NULL,
        recorded TEXT NOT NULL
    )""",
    "CREATE INDEX loyalty_purchases_by_proposal ON loyalty_purchases (proposal_id, date)",
)

# Owned by the delivery feature (wallet/outbox/): one row per webhook to deliver. ``body`` holds the
# exact bytes that are signed and sent on every attempt; ``webhook_id`` is the idempotency key.
_V3_OUTBOX: tuple[str, ...] = (
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        webhook_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        url TEXT NOT NULL,
        body BLOB NOT NULL,
        signing_kid TEXT NOT NULL,
        status TEXT NOT NULL CHECK (
            status IN ('pending', 'delivering', 'delivered', 'failed', 'disabled')
        ),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        response_status INTEGER,
        response_body BLOB,
        created TEXT NOT NULL,
        delivered_at TEXT
    )""",
    "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
    "CREATE INDEX outbox_by_subject ON outbox (subject, vendor_id)",
)
# Owned by the vendor directory (wallet/vendors/): pinned keys and the metadata they came with.
_V3_VENDORS: tuple[str, ...] = (
    """CREATE TABLE vendors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        metadata_url TEXT NOT NULL,
        intentions_url TEXT NOT NULL,
        offers_url TEXT NOT NULL,
        public_jwk TEXT NOT NULL,
        kid TEXT NOT NULL,
        categories TEXT NOT NULL,
        accepted_agreements TEXT NOT NULL,
        contact TEXT NOT NULL,
        policy_url TEXT NOT NULL,
        metadata TEXT NOT NULL,
        added TEXT NOT NULL,
        updated TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
        status_reason TEXT NOT NULL DEFAULT '',
        pending_jwk TEXT,
        pending_metadata TEXT,
        pending_since TEXT
    )""",
    "CREATE INDEX vendors_by_name ON vendors (name, id)",
)
# Owned by wallet/intents/: the consumer's intentions (the signed wire JSON is the source of truth;
# the other columns are for listing and the state machine).
_V4_INTENTIONS: tuple[str, ...] = (
    """CREATE TABLE intentions (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (
            status IN ('draft', 'broadcast', 'offers_in', 'chosen', 'expired', 'withdrawn')
        ),
        kid TEXT NOT NULL,
        item_name TEXT NOT NULL,
        category TEXT NOT NULL,
        signed TEXT NOT NULL,
        valid_through TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        broadcast_at TEXT,
        chosen_offer_id TEXT
    )""",
    "CREATE INDEX intentions_by_status ON intentions (status, valid_through)",
)
# Owned by wallet/offers/: verified offers, refused ones with their reason, which delivered outbox
# rows were already read for offers, and the funnel's weights.
_V4_OFFERS: tuple[str, ...] = (
    """CREATE TABLE offers (
        id TEXT PRIMARY KEY,
        intention_id TEXT NOT NULL REFERENCES intentions (id),
        vendor_id TEXT NOT NULL,
        signed TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('received', 'chosen', 'declined')),
        received TEXT NOT NULL
    )""",
    "CREATE INDEX offers_by_intention ON offers (intention_id, vendor_id)",
    "CREATE INDEX offers_by_vendor ON offers (vendor_id, status)",
    """CREATE TABLE offer_rejections (
        id INTEGER PRIMARY KEY,
        intention_id TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        received TEXT NOT NULL
    )""",
    "CREATE INDEX offer_rejections_by_intention ON offer_rejections (intention_id)",
    "CREATE TABLE offers_ingested (outbox_id INTEGER PRIMARY KEY)",
    "CREATE TABLE funnel_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# Owned by wallet/consents/: consents (the signed receipt is the source of truth; the other columns
# are for listing and the state machine), their fields (with vendor and status copied in), the
# Overview's vendors x fields matrix kept up to date by triggers (``consent_holdings``: one row per
# cell, so the Overview reads a few thousand rows instead of grouping every consent's fields),
# their history, which delivered outbox rows were read for acknowledgements, and data-subject
# requests.
_V5_CONSENTS: tuple[str, ...] = (
    """CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        offer_id TEXT,
        kid TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'expired', 'revoked')),
        granted_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER,
        purposes TEXT NOT NULL,
        summary TEXT NOT NULL,
        receipt_jws TEXT NOT NULL,
        countersignature TEXT,
        acknowledged_at INTEGER,
        termination TEXT,
        terminated_at INTEGER
    )""",
    "CREATE INDEX consents_by_status ON consents (status, expires_at)",
    "CREATE INDEX consents_by_vendor ON consents (vendor_id, status)",
    """CREATE TABLE consent_fields (
        consent_id TEXT NOT NULL REFERENCES consents (id),
        field_key TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        active INTEGER NOT NULL,
        PRIMARY KEY (consent_id, field_key)
    ) WITHOUT ROWID""",
    # Who holds a field (update propagation), and another holder of a cell (the trigger below).
    "CREATE INDEX consent_fields_by_field ON consent_fields (field_key, active, vendor_id)",
    "CREATE INDEX consents_by_granted ON consents (granted_at, id)",
    "CREATE INDEX consents_by_status_granted ON consents (status, granted_at, id)",
    """CREATE TABLE consent_holdings (
        vendor_id TEXT NOT NULL,
        field_key TEXT NOT NULL,
        active_count INTEGER NOT NULL,
        consent_id TEXT NOT NULL,
        PRIMARY KEY (vendor_id, field_key)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER consent_holdings_on_grant AFTER INSERT ON consent_fields
    WHEN NEW.active = 1 BEGIN
        INSERT INTO consent_holdings (vendor_id, field_key, active_count, consent_id)
        VALUES (NEW.vendor_id, NEW.field_key, 1, NEW.consent_id)
        ON CONFLICT (vendor_id, field_key)
        DO UPDATE SET active_count = active_count + 1, consent_id = NEW.consent_id;
    END""",
    """CREATE TRIGGER consent_holdings_on_end AFTER UPDATE OF active ON consent_fields
    WHEN OLD.active = 1 AND NEW.active = 0 BEGIN
        UPDATE consent_holdings SET
            active_count = active_count - 1,
            consent_id = coalesce((
                SELECT consent_id FROM consent_fields
                WHERE field_key = OLD.field_key AND active = 1 AND vendor_id = OLD.vendor_id
                LIMIT 1
            ), consent_id)
        WHERE vendor_id = OLD.vendor_id AND field_key = OLD.field_key;
        DELETE FROM consent_holdings
        WHERE vendor_id = OLD.vendor_id AND field_key = OLD.field_key AND active_count <= 0;
    END""",
    """CREATE TABLE consent_events (
        id INTEGER PRIMARY KEY,
        consent_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        field_names TEXT NOT NULL DEFAULT '[]',
        detail TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX consent_events_by_consent ON consent_events (consent_id, id)",
    "CREATE TABLE consent_acks_ingested (outbox_id INTEGER PRIMARY KEY)",
    """CREATE TABLE data_requests (
        id TEXT PRIMARY KEY,
        vendor_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('access', 'erasure')),
        language TEXT NOT NULL,
        created INTEGER NOT NULL,
        field_names TEXT NOT NULL,
        receipt_ids TEXT NOT NULL,
        signed TEXT NOT NULL
    )""",
    "CREATE INDEX data_requests_by_vendor ON data_requests (vendor_id, created)",
    # Finding the delivered consent messages whose answers are unread, without reading bodies.
    "CREATE INDEX outbox_by_kind ON outbox (kind, status)",
)

# Owned by wallet/outbox/: request bodies stored once however many rows send them (a broadcast
# sends one body to every vendor), and responses apart from the rows. The rows themselves stay
# small, so claiming and finishing a thousand of them rewrites a few dozen pages, not thousands.
_V6_OUTBOX_BODIES: tuple[str, ...] = (
    """CREATE TABLE outbox_bodies (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        body BLOB NOT NULL
    )""",
    """CREATE TABLE outbox_v6 (
        id INTEGER PRIMARY KEY,
        webhook_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        url TEXT NOT NULL,
        body_id INTEGER NOT NULL REFERENCES outbox_bodies (id),
        signing_kid TEXT NOT NULL,
        status TEXT NOT NULL CHECK (
            status IN ('pending', 'delivering', 'delivered', 'failed', 'disabled')
        ),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        response_status INTEGER,
        created TEXT NOT NULL,
        delivered_at TEXT
    )""",
    # the response kept for a delivered row (a final state: it is written once)
    """CREATE TABLE outbox_responses (
        outbox_id INTEGER PRIMARY KEY,
        body BLOB NOT NULL
    )""",
)
_V6_OUTBOX_INDEXES: tuple[str, ...] = (
    "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
    "CREATE INDEX outbox_by_subject ON outbox (subject, vendor_id)",
    "CREATE INDEX outbox_by_kind ON outbox (kind, status)",
)


def _v6_outbox_bodies(connection: Connection) -> None:
    """Move each outbox body into ``outbox_bodies`` (once per distinct body) and each response
    into ``outbox_responses``, then replace the outbox table by its slimmer form."""
    _run_all(_V6_OUTBOX_BODIES)(connection)
    body_ids: dict[bytes, int] = {}
    rows = connection.execute(
        "SELECT id, webhook_id, kind, subject, vendor_id, url, body, signing_kid, status, "
        "attempts, next_attempt_at, last_error, response_status, response_body, created, "
        "delivered_at FROM outbox ORDER BY id"
    ).fetchall()
    for row in rows:
        body = bytes(row[6])
        body_id = body_ids.get(body)
        if body_id is None:
            cursor = connection.execute(
                "INSERT INTO outbox_bodies (sha256, body) VALUES (?, ?)",
                (hashlib.sha256(body).hexdigest(), body),
            )
            body_id = body_ids[body] = int(cursor.lastrowid)
        connection.execute(
            "INSERT INTO outbox_v6 (id, webhook_id, kind, subject, vendor_id, url, body_id, "
            "signing_kid, status, attempts, next_attempt_at, last_error, response_status, "
            "created, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*row[:6], body_id, *row[7:13], *row[14:]),
        )
        if row[13] is not None:
            connection.execute(
                "INSERT INTO outbox_responses (outbox_id, body) VALUES (?, ?)", (row[0], row[13])
            )
    connection.execute("DROP TABLE outbox")  # its indexes go with it
    connection.execute("ALTER TABLE outbox_v6 RENAME TO outbox")
    _run_all(_V6_OUTBOX_INDEXES)(connection)


# Owned by wallet/outbox/: dead letters. A message the wallet itself could not handle (anything
# unexpected while sending, judging or recording it) gets status `dead` instead of stopping every
# later delivery; the person sees it and can retry it. The outbox table is rebuilt because its
# CHECK constraint names the statuses (SQLite cannot alter a constraint). A delivered answer the
# wallet could not read (offers, acknowledgements) is marked read, so it is not read again on
# every cycle, and noted in `outbox_read_failures` with the reason, until the person retries it.
_V7_DEAD_LETTERS: tuple[str, ...] = (
    """CREATE TABLE outbox_v7 (
        id INTEGER PRIMARY KEY,
        webhook_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        vendor_id TEXT NOT NULL,
        url TEXT NOT NULL,
        body_id INTEGER NOT NULL REFERENCES outbox_bodies (id),
        signing_kid TEXT NOT NULL,
        status TEXT NOT NULL CHECK (
            status IN ('pending', 'delivering', 'delivered', 'failed', 'disabled', 'dead')
        ),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        response_status INTEGER,
        created TEXT NOT NULL,
        delivered_at TEXT
    )""",
    """INSERT INTO outbox_v7 (id, webhook_id, kind, subject, vendor_id, url, body_id, signing_kid,
        status, attempts, next_attempt_at, last_error, response_status, created, delivered_at)
    SELECT id, webhook_id, kind, subject, vendor_id, url, body_id, signing_kid, status, attempts,
        next_attempt_at, last_error, response_status, created, delivered_at FROM outbox""",
    "DROP TABLE outbox",  # its indexes go with it
    "ALTER TABLE outbox_v7 RENAME TO outbox",
    *_V6_OUTBOX_INDEXES,
    """CREATE TABLE outbox_read_failures (
        outbox_id INTEGER PRIMARY KEY,
        reader TEXT NOT NULL CHECK (reader IN ('offers', 'acknowledgements')),
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
)

# Owned by wallet/outbox/: messages about one thing that must reach the vendor in the order they
# were queued. Rows sharing a non-empty `ordering_key` are sent one after the other, in id order
# (wallet/outbox/store.py). The consent books key a consent's disclosure, updates and end notice
# by the consent's id; rows queued before this version get that key from their subject.
_V8_OUTBOX_ORDER: tuple[str, ...] = (
    "ALTER TABLE outbox ADD COLUMN ordering_key TEXT NOT NULL DEFAULT ''",
    """UPDATE outbox SET ordering_key = subject WHERE kind IN (
        'consent.disclosure', 'consent.update', 'consent.revocation', 'consent.expiry'
    )""",
    "CREATE INDEX outbox_by_ordering_key ON outbox (ordering_key, id)",
)

# Owned by wallet/outbox/: a row being sent carries a lease, so that two processes delivering the
# same vault never put each other's messages back in the queue. `lease_owner` is the id of the
# worker sending it, `lease_until` when its lease runs out (epoch seconds, renewed while the
# request is in flight); only a row whose lease ran out is taken up again. Rows left `delivering`
# before this version have no lease (0): the next worker takes them up.
_V9_OUTBOX_LEASES: tuple[str, ...] = (
    "ALTER TABLE outbox ADD COLUMN lease_owner TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE outbox ADD COLUMN lease_until REAL NOT NULL DEFAULT 0",
)

# Owned by wallet/market/: where an intention was cast on a relay (issue 15). `sequence` is its
# message in the relay's intentions stream (removed on withdrawal), `offers_read_to` the last
# sealed-offer message read, `messages_read`/`refused` the counts the flood caps look at.
_V10_RELAY_CASTS: tuple[str, ...] = (
    """CREATE TABLE relay_casts (
        intention_id TEXT NOT NULL,
        relay TEXT NOT NULL,
        subject TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        cast_at TEXT NOT NULL,
        withdrawn_at TEXT,
        offers_read_to INTEGER NOT NULL DEFAULT 0,
        messages_read INTEGER NOT NULL DEFAULT 0,
        refused INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (intention_id, relay)
    )""",
)

# Owned by wallet/vendors/met.py: vendors met on a relay but not pinned (issue 15, deliverable 3).
# A vendor outside the directory whose sealed offer named its metadata URL, whose document was
# fetched and held the key that signed the offers: `metadata` is that checked document (at most
# 64 KiB), `kid`/`fingerprint` its key. `met_vendor_intentions` says which intentions it answered
# (the per-intention cap counts these). Accepting one of its offers moves it to `vendors`.
# `relay_casts.documents_fetched` counts the metadata documents fetched while reading an
# intention's offers on a relay (a cap, so strangers naming slow documents cannot stall it).
_V11_MET_VENDORS: tuple[str, ...] = (
    """CREATE TABLE met_vendors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        metadata_url TEXT NOT NULL,
        kid TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        metadata TEXT NOT NULL,
        met_at TEXT NOT NULL
    )""",
    """CREATE TABLE met_vendor_intentions (
        vendor_id TEXT NOT NULL REFERENCES met_vendors (id) ON DELETE CASCADE,
        intention_id TEXT NOT NULL,
        PRIMARY KEY (intention_id, vendor_id)
    )""",
    "CREATE INDEX met_vendor_intentions_by_vendor ON met_vendor_intentions (vendor_id)",
    "ALTER TABLE relay_casts ADD COLUMN documents_fetched INTEGER NOT NULL DEFAULT 0",
)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "personal data with history and FTS5, settings, activity log",
        _run_all(_V1_PERSONAL_DATA_AND_LOG),
    ),
    Migration(
        2,
        "signing keys, the consumer's terms and agreements, loyalty",
        _run_all(_V2_SIGNING_KEYS + _V2_TERMS + _V2_LOYALTY),
    ),
    Migration(
        3,
        "webhook delivery outbox, vendor directory",
        _run_all(_V3_OUTBOX + _V3_VENDORS),
    ),
    Migration(
        4,
        "intentions, offers, offer rejections, funnel weights",
        _run_all(_V4_INTENTIONS + _V4_OFFERS),
    ),
    Migration(
        5,
        "consents, their fields and history, acknowledgements read, data-subject requests",
        _run_all(_V5_CONSENTS),
    ),
    Migration(6, "outbox bodies stored once, responses apart from the rows", _v6_outbox_bodies),
    Migration(7, "outbox dead letters, answers that could not be read", _run_all(_V7_DEAD_LETTERS)),
    Migration(
        8, "outbox messages about one consent delivered in order", _run_all(_V8_OUTBOX_ORDER)
    ),
    Migration(9, "outbox rows being sent carry a lease", _run_all(_V9_OUTBOX_LEASES)),
    Migration(10, "where intentions were cast on a relay", _run_all(_V10_RELAY_CASTS)),
    Migration(11, "vendors met on a relay, not pinned", _run_all(_V11_MET_VENDORS)),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(connection: Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: Connection) -> list[int]:
    """Bring the database to :data:`LATEST_VERSION`; returns the versions applied."""
    current = schema_version(connection)
    if current > LATEST_VERSION:
        raise UnsupportedVersion(
            f"This vault was created by a newer version of VRM Wallet (database schema {current}; "
            f"this app knows up to {LATEST_VERSION}). Update VRM Wallet to open it; nothing was "
            "changed."
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        with transaction(connection):
            migration.apply(connection)
            connection.execute(f"PRAGMA user_version = {int(migration.version)}")
        applied.append(migration.version)
    return applied
