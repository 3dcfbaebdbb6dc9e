<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityCounts</name>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n offer</numerusform>
            <numerusform>%n offers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other offer(s) declined</source>
        <translation>
            <numerusform>%n other offer declined</numerusform>
            <numerusform>%n other offers declined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queued for %n vendor(s)</source>
        <translation>
            <numerusform>queued for %n vendor</numerusform>
            <numerusform>queued for %n vendors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s) to tell</source>
        <translation>
            <numerusform>%n vendor to tell</numerusform>
            <numerusform>%n vendors to tell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s)</source>
        <translation>
            <numerusform>%n vendor</numerusform>
            <numerusform>%n vendors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) from %1</source>
        <translation>
            <numerusform>%n card from %1</numerusform>
            <numerusform>%n cards from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out</source>
        <translation>
            <numerusform>%n row left out</numerusform>
            <numerusform>%n rows left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n delivered</source>
        <translation>
            <numerusform>%1: %n delivered</numerusform>
            <numerusform>%1: %n delivered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message numerus="yes">
        <source>Your new %1 is on its way to %n vendor(s).</source>
        <translation>
            <numerusform>Your new %1 is on its way to %n vendor.</numerusform>
            <numerusform>Your new %1 is on its way to %n vendors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) expired; their vendors are being told.</source>
        <translation>
            <numerusform>%n consent expired; its vendor is being told.</numerusform>
            <numerusform>%n consents expired; their vendors are being told.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered %n message(s).</source>
        <translation>
            <numerusform>Delivered %n message.</numerusform>
            <numerusform>Delivered %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed answer(s) from vendors.</source>
        <translation>
            <numerusform>%n signed answer from a vendor.</numerusform>
            <numerusform>%n signed answers from vendors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n consent(s) to %1 (.jws, .json and .dpv.json each).</source>
        <translation>
            <numerusform>Exported %n consent to %1 (.jws, .json and .dpv.json).</numerusform>
            <numerusform>Exported %n consents to %1 (.jws, .json and .dpv.json each).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntentionsPage</name>
    <message numerus="yes">
        <source>Sending to %n vendor(s)…</source>
        <translation>
            <numerusform>Sending to %n vendor…</numerusform>
            <numerusform>Sending to %n vendors…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered to %n vendor(s).</source>
        <translation>
            <numerusform>Delivered to %n vendor.</numerusform>
            <numerusform>Delivered to %n vendors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s).</source>
        <translation>
            <numerusform>%n new offer.</numerusform>
            <numerusform>%n new offers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s) from the market.</source>
        <translation>
            <numerusform>%n new offer from the market.</numerusform>
            <numerusform>%n new offers from the market.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrawn. %n vendor(s) will be told.</source>
        <translation>
            <numerusform>Withdrawn. %n vendor will be told.</numerusform>
            <numerusform>Withdrawn. %n vendors will be told.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message numerus="yes">
        <source>%n message(s) to %1 keep failing.</source>
        <translation>
            <numerusform>%n message to %1 keeps failing.</numerusform>
            <numerusform>%n messages to %1 keep failing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) for “%1” wait for your decision.</source>
        <translation>
            <numerusform>%n offer for “%1” waits for your decision.</numerusform>
            <numerusform>%n offers for “%1” wait for your decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) need your attention</source>
        <translation>
            <numerusform>%n thing needs your attention</numerusform>
            <numerusform>%n things need your attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message numerus="yes">
        <source>%n consent(s) to this vendor are still active: revoke them too, so the wallet sends no more updates and the vendor gets a signed revocation.</source>
        <translation>
            <numerusform>%n consent to this vendor is still active: revoke it too, so the wallet sends no more updates and the vendor gets a signed revocation.</numerusform>
            <numerusform>%n consents to this vendor are still active: revoke them too, so the wallet sends no more updates and the vendor gets a signed revocation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <source>The check found %n problem(s); the list above says what to do.</source>
        <translation>
            <numerusform>The check found %n problem; the list above says what to do.</numerusform>
            <numerusform>The check found %n problems; the list above says what to do.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <source>VRM Wallet: %n reminder(s) due</source>
        <translation>
            <numerusform>VRM Wallet: %n reminder due</numerusform>
            <numerusform>VRM Wallet: %n reminders due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndeliveredMessages</name>
    <message numerus="yes">
        <source>%n message(s) queued again; they are sent with the next delivery.</source>
        <translation>
            <numerusform>%n message queued again; it is sent with the next delivery.</numerusform>
            <numerusform>%n messages queued again; they are sent with the next delivery.</numerusform>
        </translation>
    </message>
</context>
</TS>
