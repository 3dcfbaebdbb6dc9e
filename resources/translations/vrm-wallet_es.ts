<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActivityModel</name>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock attempt failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase reset with the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgotten on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault restored from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field value revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field value copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity log verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity log exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms saved as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty card added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty card updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty card deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty cards imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty cards exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty proposal saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty proposal deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase recorded for a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor details refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s changed key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s new key approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor endpoint disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendors imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendors exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages delivered to vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message delivered to a vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message delivery failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message not delivered: endpoint gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention broadcast to vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer ranking weights changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given (data queued for the vendor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor acknowledged (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor answer refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed value queued for a vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor confirmed deletion (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent receipts exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-subject request written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by event, party, field or detail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that no entry was edited, removed or reordered since it was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact: %1 entries verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken at entry #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The current filter hides that entry.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept counter-offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline counter-offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter-offer: answer it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendors that accept your terms, or propose others, appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed on %2 for the terms with SHA-256 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed these terms as your version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You accepted and signed them on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You accepted %1&apos;s counter-offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined %1&apos;s counter-offer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Scannable code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app cannot draw %1 codes; show the number instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDetailsPanel</name>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this consent; the vendor gets a signed notice to delete your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed receipt (.jws)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readable receipt with both signatures (.json)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPV consent record (.json)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;erasure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a GDPR Art. 17 erasure request to this vendor, naming what it got</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages to the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a consent to see its receipt, scope and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termination receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ends in %2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, signed with your key for this vendor (%2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Countersigned by the vendor on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the consent ended before the vendor countersigned it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the vendor (it has not countersigned the receipt yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Received on %1: the vendor confirmed it deleted your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the vendor to confirm it deleted your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data, with the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor countersigned the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value queued for the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor confirmed the new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor confirmed deleting your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s answer refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed by the vendor&apos;s key; kept with the receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentList</name>
    <message>
        <source>All consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show consents with this status only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No consents yet&lt;/h3&gt;&lt;p&gt;When you accept an offer, choose &lt;i&gt;Give consent…&lt;/i&gt; on the Intentions page, or &lt;i&gt;New consent…&lt;/i&gt; here, to let a vendor use the data it needs, for the purposes and the time you choose.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vendor countersigned the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the vendor to countersign the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message>
        <source>&amp;New consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a vendor from your directory a consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver the messages waiting for vendors (data, updates, revocations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every receipt as signed .jws, readable .json and DPV .json, into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vendor directory is empty: add a vendor on the Vendors page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You gave %1 a consent. Your data is on its way, with the signed receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the consent you gave %1 for %2? They are sent a signed notice to stop using your data and delete it, and get no updates from now on. The consent stays here, marked revoked, with its receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked. %1 is being sent a signed revocation notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked. No notice to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new %1 is on its way to %2 vendor(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent to every vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These vendors were not sent the new value:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 consent(s) expired; their vendors are being told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered %1 message(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed answer(s) from vendors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting: the vendor could not be reached; they are retried later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vendor&apos;s answer was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed receipts (*.jws)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the consent receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export every consent receipt into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 consent(s) to %2 (.jws, .json and .dpv.json each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryProgress</name>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <source>Edit field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive: hidden in lists until revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. library_card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several lines are fine, e.g. for an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: use Reveal to show it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Give consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a vendor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kantara purpose category %1; W3C DPV: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Parcel Express Ltd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed on to (name them if you know):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For how long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;In plain words&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Give consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed for the offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed, but not in your vault: add it on My data first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer cannot be fulfilled without it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give a vendor a consent&lt;/h3&gt;&lt;p&gt;Choose the vendor first.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give %1 a consent&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the offer you accepted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the fields you tick are sent, for the purposes you tick, until the end date. You can revoke it at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offer needs %1, which your vault does not hold. Add it on My data, then give the consent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one field to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a vendor to see what you would agree to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldingsModel</name>
    <message>
        <source>%1 holds your %2 under an active consent. Click to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds your %2 under %3 active consents. Click to open one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import loyalty cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which field each column holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cards can be imported; %2 rows are left out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntentionDialog</name>
    <message>
        <source>New intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Trail running shoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. shoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size, colour, anything that matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 120.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. ES or ES-MD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, at most 3 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach my latest terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Maximum price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postal prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery &amp;method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loyalty proposal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntentionsPage</name>
    <message>
        <source>&amp;New intention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No intention selected&lt;/h3&gt;&lt;p&gt;Say what you want, where, by when and for how much with &lt;i&gt;New intention&lt;/i&gt;. Vendors answer with offers; nothing about you is sent beyond what you write.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the intention to your active vendors that deal in its category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop delivering; undelivered copies stay queued for the next broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open to alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your terms attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loyalty proposal attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created your intention for “%1”. Broadcast it to ask vendors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1 vendor(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already had it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery stopped. Undelivered copies stay queued; Broadcast sends them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered to %1 vendor(s); %2 new offer(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be retried later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one criterion must count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You accepted %1&apos;s offer; the vendors will be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn. %1 vendor(s) will be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the signed intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Broadcast again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoyaltyPage</name>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No loyalty cards yet&lt;/h3&gt;&lt;p&gt;Add the cards you carry, or import them from a CSV file or a Google or Apple Wallet pass. Their codes can then be scanned from this screen.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own loyalty program: what you commit to, and what a vendor gives you in return. Intentions carry it; record purchases to follow your progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New proposal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the card “%1” (%2)? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import loyalty cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty files (*.csv *.json *.pkpass.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 cards; %2 rows were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export loyalty cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 cards to %2. The file is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the proposal “%1” and the purchases recorded for it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete proposal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VRM Wallet (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRM Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was locked because the screen was locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was locked after a while without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. Unlock it with the backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous vault was moved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not restored; your vault is unchanged. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery key is shown only this once. Without it a forgotten passphrase means losing the vault. Quit without saving it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembershipCard</name>
    <message>
        <source>Tier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the member number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;oints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Barcode type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode &amp;value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyDataPage</name>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one category only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, labels and values…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your vault holds no personal data yet&lt;/h3&gt;&lt;p&gt;Add the facts you share with companies (your name, email, address, sizes, preferences) once, here. You decide later who gets which of them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field with the key “%1” exists already; edit it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? Its value and all its past values are deleted for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied “%1”; the clipboard is cleared in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>I understand this passphrase is weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least %1 characters; a few random words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is weak: choose a stronger one or tick the box above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message>
        <source>The offer you accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price %1 · delivery %2 · loyalty %3 · history %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers (best first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept offer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give &amp;consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which of your data the vendor of the accepted offer may use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matters most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Who holds which of your data under a consent you gave. Click a ✓ to open the consent, to see its receipt or revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents in force now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active consents that end in the next 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents that reached their end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents you took back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages to vendors not delivered yet (they are retried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers on your open intentions that you have not decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendor holds your data&lt;/h3&gt;&lt;p&gt;When you give a vendor a consent (from an accepted offer on &lt;i&gt;Intentions&lt;/i&gt;, or on &lt;i&gt;Consents&lt;/i&gt;), the fields it may use appear here, one row per vendor.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <source>Tell the vendors?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed &lt;b&gt;%1&lt;/b&gt;. These vendors hold it under a consent you gave. Send them the new value? Each gets it signed, with its consent receipt, and only for that consent&apos;s purposes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (consent of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, consent %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send the new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: whichever vendor accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the whole validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5 (%) or 2 (×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I commit to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In return for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reward value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalRow</name>
    <message>
        <source>This period: %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today is outside this proposal&apos;s validity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchases recorded in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record purchase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1× points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I commit to %1 %2 in %3 with %4, for %5. Valid %6 – %7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the amount like 12.50.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCodeLabel</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Ask for erasure (GDPR Art. 17)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask what they hold (GDPR Art. 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; to erase the personal data you gave it through this wallet, naming the fields (never their values) and your consent receipts. It is signed with the key those receipts name, so the vendor can check it comes from you. The wallet keeps a copy; you send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; what personal data it holds about you and why. The wallet keeps a copy; you send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter appears here once written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;e-mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save signed JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vendor publishes no e-mail address; its contact is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 consent(s) to this vendor are still active: revoke them too, so the wallet sends no more updates and the vendor gets a signed revocation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter is on the clipboard; it is cleared in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No e-mail app could be opened; copy the letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the signed request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenLockWatcher</name>
    <message>
        <source>This build of Qt has no D-Bus support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop session bus (D-Bus) was found, so the screen lock cannot be noticed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking and clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock when the screen locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear copied values after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember on this device (unlock with the OS keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is encrypted like the vault and opens with the same passphrase or recovery key. Keep one away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads every page of the vault and checks the header, the database, the activity log and the outbox, without changing anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase. You are still asked for it every two weeks so you do not forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device now remembers the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device no longer remembers the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRM Wallet backup (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the backup %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current vault?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault will be locked, and the backup restored in its place.

The current vault is not deleted: it will be moved aside to
%1

Then unlock with the backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 checks passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check found %1 problem(s); the list above says what to do.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: type a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the preview and of your free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The standard agreement (IEEE 7012 roster) you proffer to vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No standard agreement (clauses only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clause in your own words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard clauses added to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-text clauses (kept as you write them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign these terms and keep them as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected version as signed JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the selected version into the clause picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an agreement or clauses on the left to see your terms here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as your saved version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved version %1. SHA-256: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3 clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: %1
Signed by key: %2
Key id (kid): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save two versions to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences in the clauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported version %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndeliveredMessages</name>
    <message>
        <source>Messages that could not be delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again the selected messages the wallet could not handle (all of them when none is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting behind one that could not be handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 message(s) queued again; they are sent with the next delivery.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock with this device&apos;s keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the recovery key you saved when you created the vault, then choose a new passphrase. Your data stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set new passphrase and unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused key: remove and add again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key change pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key, not trusted until you approve it: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VendorsPage</name>
    <message>
        <source>Vendors you send intentions to. Each vendor&apos;s key is pinned when you add it; if it ever changes, nothing from the new key is trusted until you approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor address, e.g. https://shop.example or its vrm-vendor.json URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add from URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendors yet&lt;/h3&gt;&lt;p&gt;Type a vendor&apos;s address above and choose &lt;i&gt;Add from URL&lt;/i&gt;, or import a vendor list.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove new key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the new key the selected vendor presented (shows both fingerprints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the vendor&apos;s details from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in your vendors with this key; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: you did not trust the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT key than the one you pinned, so it was not trusted. If the vendor confirms the change through another channel, select it and choose Approve new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now uses its new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 (%2) from your vendors? Messages not yet delivered to it are cancelled, and its key is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 undelivered messages were cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a vendor list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor lists (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 new and %2 updated vendors; %3 refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export your vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor lists (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 vendors to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember on this device (OS keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to VRM Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your personal data stays in an encrypted vault on this computer. Choose a passphrase to lock it: a few random words are easy to remember and hard to guess. Nobody can reset it for you, so the next step gives you a recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase; it is still asked now and then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device could not remember the vault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way back into your vault. Print it, write it down or save it somewhere safe, away from this computer. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (readable only by you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRM Wallet recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this safe: it unlocks your vault if you forget your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>My data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
