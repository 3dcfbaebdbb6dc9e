<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>ActivityCounts</name>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n offerta</numerusform>
            <numerusform>%n offerte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other offer(s) declined</source>
        <translation>
            <numerusform>%n altra offerta rifiutata</numerusform>
            <numerusform>%n altre offerte rifiutate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queued for %n vendor(s)</source>
        <translation>
            <numerusform>in coda per %n venditore</numerusform>
            <numerusform>in coda per %n venditori</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s) to tell</source>
        <translation>
            <numerusform>%n venditore da avvisare</numerusform>
            <numerusform>%n venditori da avvisare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s)</source>
        <translation>
            <numerusform>%n venditore</numerusform>
            <numerusform>%n venditori</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n dato</numerusform>
            <numerusform>%n dati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) from %1</source>
        <translation>
            <numerusform>%n carta da %1</numerusform>
            <numerusform>%n carte da %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out</source>
        <translation>
            <numerusform>%n riga scartata</numerusform>
            <numerusform>%n righe scartate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n delivered</source>
        <translation>
            <numerusform>%1: %n consegnato</numerusform>
            <numerusform>%1: %n consegnati</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Completed</source>
        <translation>Completato</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>Non completato</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Soggetto</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <source>Entry #%1 (%2)</source>
        <translation>Voce n. %1 (%2)</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Cassaforte creata</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>Cassaforte sbloccata</translation>
    </message>
    <message>
        <source>Unlock attempt failed</source>
        <translation>Tentativo di sblocco non riuscito</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>Cassaforte bloccata</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Passphrase cambiata</translation>
    </message>
    <message>
        <source>Passphrase reset with the recovery key</source>
        <translation>Passphrase reimpostata con la chiave di recupero</translation>
    </message>
    <message>
        <source>Remembered on this device</source>
        <translation>Ricordata su questo dispositivo</translation>
    </message>
    <message>
        <source>Forgotten on this device</source>
        <translation>Dimenticata su questo dispositivo</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>Backup creato</translation>
    </message>
    <message>
        <source>Vault restored from a backup</source>
        <translation>Cassaforte ripristinata da un backup</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Impostazioni modificate</translation>
    </message>
    <message>
        <source>Field added</source>
        <translation>Campo aggiunto</translation>
    </message>
    <message>
        <source>Field updated</source>
        <translation>Campo aggiornato</translation>
    </message>
    <message>
        <source>Field deleted</source>
        <translation>Campo eliminato</translation>
    </message>
    <message>
        <source>Field value revealed</source>
        <translation>Valore del campo mostrato</translation>
    </message>
    <message>
        <source>Field value copied</source>
        <translation>Valore del campo copiato</translation>
    </message>
    <message>
        <source>Fields imported</source>
        <translation>Campi importati</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Dati esportati</translation>
    </message>
    <message>
        <source>Activity log verified</source>
        <translation>Registro attività verificato</translation>
    </message>
    <message>
        <source>Activity log exported</source>
        <translation>Registro attività esportato</translation>
    </message>
    <message>
        <source>Terms saved as a new version</source>
        <translation>Condizioni salvate come nuova versione</translation>
    </message>
    <message>
        <source>Terms exported</source>
        <translation>Condizioni esportate</translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms stored</source>
        <translation>Accettazione delle tue condizioni da parte del venditore salvata</translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms refused</source>
        <translation>Accettazione delle tue condizioni da parte del venditore rifiutata</translation>
    </message>
    <message>
        <source>Loyalty card added</source>
        <translation>Carta fedeltà aggiunta</translation>
    </message>
    <message>
        <source>Loyalty card updated</source>
        <translation>Carta fedeltà aggiornata</translation>
    </message>
    <message>
        <source>Loyalty card deleted</source>
        <translation>Carta fedeltà eliminata</translation>
    </message>
    <message>
        <source>Loyalty cards imported</source>
        <translation>Carte fedeltà importate</translation>
    </message>
    <message>
        <source>Loyalty cards exported</source>
        <translation>Carte fedeltà esportate</translation>
    </message>
    <message>
        <source>Loyalty proposal saved</source>
        <translation>Proposta fedeltà salvata</translation>
    </message>
    <message>
        <source>Loyalty proposal deleted</source>
        <translation>Proposta fedeltà eliminata</translation>
    </message>
    <message>
        <source>Purchase recorded for a proposal</source>
        <translation>Acquisto registrato per una proposta</translation>
    </message>
    <message>
        <source>Vendor added</source>
        <translation>Venditore aggiunto</translation>
    </message>
    <message>
        <source>Vendor details refreshed</source>
        <translation>Dati del venditore aggiornati</translation>
    </message>
    <message>
        <source>Vendor&apos;s changed key refused</source>
        <translation>Chiave cambiata del venditore rifiutata</translation>
    </message>
    <message>
        <source>Vendor&apos;s new key approved</source>
        <translation>Nuova chiave del venditore approvata</translation>
    </message>
    <message>
        <source>Vendor endpoint disabled</source>
        <translation>Indirizzo del venditore disattivato</translation>
    </message>
    <message>
        <source>Vendor removed</source>
        <translation>Venditore rimosso</translation>
    </message>
    <message>
        <source>Vendors imported</source>
        <translation>Venditori importati</translation>
    </message>
    <message>
        <source>Vendors exported</source>
        <translation>Venditori esportati</translation>
    </message>
    <message>
        <source>Messages delivered to vendors</source>
        <translation>Messaggi consegnati ai venditori</translation>
    </message>
    <message>
        <source>Message delivered to a vendor</source>
        <translation>Messaggio consegnato a un venditore</translation>
    </message>
    <message>
        <source>Message delivery failed</source>
        <translation>Consegna del messaggio non riuscita</translation>
    </message>
    <message>
        <source>Message not delivered: endpoint gone</source>
        <translation>Messaggio non consegnato: indirizzo non più esistente</translation>
    </message>
    <message>
        <source>Intention created</source>
        <translation>Intenzione creata</translation>
    </message>
    <message>
        <source>Intention broadcast to vendors</source>
        <translation>Intenzione inviata ai venditori</translation>
    </message>
    <message>
        <source>Intention withdrawn</source>
        <translation>Intenzione ritirata</translation>
    </message>
    <message>
        <source>Intention expired</source>
        <translation>Intenzione scaduta</translation>
    </message>
    <message>
        <source>Intention exported</source>
        <translation>Intenzione esportata</translation>
    </message>
    <message>
        <source>Offers received</source>
        <translation>Offerte ricevute</translation>
    </message>
    <message>
        <source>Offer refused</source>
        <translation>Offerta rifiutata</translation>
    </message>
    <message>
        <source>Offer accepted</source>
        <translation>Offerta accettata</translation>
    </message>
    <message>
        <source>Offer ranking weights changed</source>
        <translation>Pesi per la classifica delle offerte modificati</translation>
    </message>
    <message>
        <source>Consent given (data queued for the vendor)</source>
        <translation>Consenso dato (dati in coda per il venditore)</translation>
    </message>
    <message>
        <source>Vendor acknowledged (signed)</source>
        <translation>Conferma del venditore (firmata)</translation>
    </message>
    <message>
        <source>Vendor answer refused</source>
        <translation>Risposta del venditore rifiutata</translation>
    </message>
    <message>
        <source>Changed value queued for a vendor</source>
        <translation>Valore modificato in coda per un venditore</translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation>Consenso revocato</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consenso scaduto</translation>
    </message>
    <message>
        <source>Vendor confirmed deletion (signed)</source>
        <translation>Il venditore ha confermato la cancellazione (firmata)</translation>
    </message>
    <message>
        <source>Consent receipts exported</source>
        <translation>Ricevute di consenso esportate</translation>
    </message>
    <message>
        <source>Data-subject request written</source>
        <translation>Richiesta dell&apos;interessato scritta</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>All events</source>
        <translation>Tutti gli eventi</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Cassaforte</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Dati personali</translation>
    </message>
    <message>
        <source>My terms</source>
        <translation>Le mie condizioni</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fedeltà</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Filter by event, party, field or detail…</source>
        <translation>Filtra per evento, soggetto, campo o dettaglio…</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>&amp;Verifica integrità</translation>
    </message>
    <message>
        <source>Check that no entry was edited, removed or reordered since it was written</source>
        <translation>Controlla che nessuna voce sia stata modificata, rimossa o riordinata dopo la scrittura</translation>
    </message>
    <message>
        <source>Intact: %1 entries verified.</source>
        <translation>Integro: %1 voci verificate.</translation>
    </message>
    <message>
        <source>Broken at entry #%1: %2</source>
        <translation>Interrotto alla voce n. %1: %2</translation>
    </message>
    <message>
        <source>(The current filter hides that entry.)</source>
        <translation>(Il filtro attuale nasconde quella voce.)</translation>
    </message>
</context>
<context>
    <name>ActivityWords</name>
    <message>
        <source>intention</source>
        <translation>intenzione</translation>
    </message>
    <message>
        <source>intention withdrawn</source>
        <translation>intenzione ritirata</translation>
    </message>
    <message>
        <source>your choice of offer</source>
        <translation>la tua scelta dell&apos;offerta</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>offerte</translation>
    </message>
    <message>
        <source>your terms</source>
        <translation>le tue condizioni</translation>
    </message>
    <message>
        <source>consent given</source>
        <translation>consenso dato</translation>
    </message>
    <message>
        <source>data updated</source>
        <translation>dati aggiornati</translation>
    </message>
    <message>
        <source>consent revoked</source>
        <translation>consenso revocato</translation>
    </message>
    <message>
        <source>consent expired</source>
        <translation>consenso scaduto</translation>
    </message>
    <message>
        <source>proposal #%1 (%2)</source>
        <translation>proposta n. %1 (%2)</translation>
    </message>
    <message>
        <source>access to the data</source>
        <translation>accesso ai dati</translation>
    </message>
    <message>
        <source>erasure of the data</source>
        <translation>cancellazione dei dati</translation>
    </message>
    <message>
        <source>letter in English</source>
        <translation>lettera in inglese</translation>
    </message>
    <message>
        <source>letter in Spanish</source>
        <translation>lettera in spagnolo</translation>
    </message>
    <message>
        <source>letter in Italian</source>
        <translation>lettera in italiano</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>nessuna risposta entro %1 s</translation>
    </message>
    <message>
        <source>purposes %1</source>
        <translation>finalità %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versione %1</translation>
    </message>
    <message>
        <source>accepts version %1</source>
        <translation>accetta la versione %1</translation>
    </message>
    <message>
        <source>card #%1</source>
        <translation>carta n. %1</translation>
    </message>
    <message>
        <source>proposal #%1</source>
        <translation>proposta n. %1</translation>
    </message>
    <message>
        <source>accepts your terms</source>
        <translation>accetta le tue condizioni</translation>
    </message>
    <message>
        <source>notice to the vendor queued</source>
        <translation>avviso al venditore in coda</translation>
    </message>
    <message>
        <source>cast to a relay</source>
        <translation>diffusa tramite un relay</translation>
    </message>
    <message>
        <source>the vendor says this address is gone for good</source>
        <translation>il venditore dice che questo indirizzo non esiste più</translation>
    </message>
    <message>
        <source>current passphrase was wrong</source>
        <translation>la passphrase attuale era sbagliata</translation>
    </message>
    <message>
        <source>no secure keyring</source>
        <translation>nessun portachiavi sicuro</translation>
    </message>
    <message>
        <source>with the passphrase</source>
        <translation>con la passphrase</translation>
    </message>
    <message>
        <source>with the recovery key</source>
        <translation>con la chiave di recupero</translation>
    </message>
    <message>
        <source>from this device&apos;s keyring</source>
        <translation>dal portachiavi di questo dispositivo</translation>
    </message>
    <message>
        <source>wrong passphrase</source>
        <translation>passphrase sbagliata</translation>
    </message>
    <message>
        <source>wrong recovery key</source>
        <translation>chiave di recupero sbagliata</translation>
    </message>
    <message>
        <source>mistyped recovery key</source>
        <translation>chiave di recupero scritta male</translation>
    </message>
    <message>
        <source>the vendor confirmed receiving the data</source>
        <translation>il venditore ha confermato di aver ricevuto i dati</translation>
    </message>
    <message>
        <source>the vendor confirmed the update</source>
        <translation>il venditore ha confermato l&apos;aggiornamento</translation>
    </message>
    <message>
        <source>the vendor confirmed the consent ended</source>
        <translation>il venditore ha confermato la fine del consenso</translation>
    </message>
    <message>
        <source>lock after this long unused</source>
        <translation>blocca dopo questo tempo di inattività</translation>
    </message>
    <message>
        <source>lock with the screen</source>
        <translation>blocca con lo schermo</translation>
    </message>
    <message>
        <source>clear copied values after</source>
        <translation>svuota i valori copiati dopo</translation>
    </message>
    <message>
        <source>reminder before an end</source>
        <translation>promemoria prima di una scadenza</translation>
    </message>
    <message>
        <source>market relay</source>
        <translation>relay del mercato</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programma</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>venditore</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>numero di socio</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>livello</translation>
    </message>
    <message>
        <source>points</source>
        <translation>punti</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>data di scadenza</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>note</translation>
    </message>
    <message>
        <source>barcode type</source>
        <translation>tipo di codice</translation>
    </message>
    <message>
        <source>barcode value</source>
        <translation>valore del codice</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importo</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accordo</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Tua versione</translation>
    </message>
    <message>
        <source>Vendor signed</source>
        <translation>Firmato dal venditore</translation>
    </message>
    <message>
        <source>Si&amp;gnature details</source>
        <translation>Dettagli della &amp;firma</translation>
    </message>
    <message>
        <source>Show the hash of the terms signed and the vendor&apos;s signing key</source>
        <translation>Mostra l&apos;hash delle condizioni firmate e la chiave di firma del venditore</translation>
    </message>
    <message>
        <source>&amp;Accept counter-offer</source>
        <translation>&amp;Accetta la controproposta</translation>
    </message>
    <message>
        <source>&amp;Decline counter-offer</source>
        <translation>&amp;Rifiuta la controproposta</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in vigore</translation>
    </message>
    <message>
        <source>counter-offer: answer it</source>
        <translation>controproposta: rispondi</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rifiutato</translation>
    </message>
    <message>
        <source>Vendors that accept your terms, or propose others, appear here.</source>
        <translation>Qui compaiono i venditori che accettano le tue condizioni o ne propongono altre.</translation>
    </message>
    <message>
        <source>SHA-256 of the terms signed: %1
Vendor&apos;s key id (kid): %2</source>
        <translation>SHA-256 delle condizioni firmate: %1
Id. della chiave del venditore (kid): %2</translation>
    </message>
    <message>
        <source>%1 signed your terms on %2.</source>
        <translation>%1 ha firmato le tue condizioni in data %2.</translation>
    </message>
    <message>
        <source>You signed these terms as your version %1.</source>
        <translation>Hai firmato queste condizioni come tua versione %1.</translation>
    </message>
    <message>
        <source>You accepted and signed them on %1.</source>
        <translation>Le hai accettate e firmate il %1.</translation>
    </message>
    <message>
        <source>You accepted %1&apos;s counter-offer.</source>
        <translation>Hai accettato la controproposta di %1.</translation>
    </message>
    <message>
        <source>You declined %1&apos;s counter-offer.</source>
        <translation>Hai rifiutato la controproposta di %1.</translation>
    </message>
</context>
<context>
    <name>BroadcastChoices</name>
    <message>
        <source>Send to my &amp;vendors</source>
        <translation>Invia ai miei &amp;venditori</translation>
    </message>
    <message>
        <source>Deliver it to the vendors in your directory that deal in its category</source>
        <translation>Consegnarla ai venditori del tuo elenco che trattano la sua categoria</translation>
    </message>
    <message>
        <source>Cast to the &amp;market</source>
        <translation>Lancia sul &amp;mercato</translation>
    </message>
    <message>
        <source>Publish it on the market relay, where vendors you never met can answer with offers only you can read</source>
        <translation>Pubblicarla sul relay del mercato, dove venditori che non hai mai incontrato possono rispondere con offerte che solo tu puoi leggere</translation>
    </message>
    <message>
        <source>Market: connected; offers appear here as vendors send them.</source>
        <translation>Mercato: connesso; le offerte compaiono qui man mano che i venditori le inviano.</translation>
    </message>
    <message>
        <source>Market: connecting to the relay…</source>
        <translation>Mercato: connessione al relay…</translation>
    </message>
    <message>
        <source>Market: the relay cannot be reached; trying again in %1 s. Nothing is lost: casts wait here and offers wait on the relay.</source>
        <translation>Mercato: il relay non è raggiungibile; nuovo tentativo tra %1 s. Non si perde nulla: ciò che lanci attende qui e le offerte attendono sul relay.</translation>
    </message>
    <message>
        <source>Market: no relay is set, so intentions go to your vendors only.</source>
        <translation>Mercato: nessun relay impostato, quindi le intenzioni vanno solo ai tuoi venditori.</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working…</source>
        <translation>Elaborazione…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambia passphrase</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Passphrase attuale:</translation>
    </message>
</context>
<context>
    <name>ClauseRow</name>
    <message>
        <source>A whole number from %1 to %2</source>
        <translation>Un numero intero da %1 a %2</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Scannable code: %1</source>
        <translation>Codice da scansionare: %1</translation>
    </message>
    <message>
        <source>This app cannot draw %1 codes; show the number instead.</source>
        <translation>Questa app non sa disegnare codici %1; mostra il numero.</translation>
    </message>
</context>
<context>
    <name>ConsentDetailsPanel</name>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revoca…</translation>
    </message>
    <message>
        <source>End this consent; the vendor gets a signed notice to delete your data</source>
        <translation>Termina questo consenso; il venditore riceve un avviso firmato di cancellare i tuoi dati</translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation>Rin&amp;nova…</translation>
    </message>
    <message>
        <source>Give the same data for the same purposes and as long again, with a new receipt</source>
        <translation>Dai di nuovo gli stessi dati per gli stessi scopi e per lo stesso tempo, con una nuova ricevuta</translation>
    </message>
    <message>
        <source>E&amp;xport receipt</source>
        <translation>E&amp;sporta ricevuta</translation>
    </message>
    <message>
        <source>Signed receipt (.jws)…</source>
        <translation>Ricevuta firmata (.jws)…</translation>
    </message>
    <message>
        <source>Readable receipt with both signatures (.json)…</source>
        <translation>Ricevuta leggibile con entrambe le firme (.json)…</translation>
    </message>
    <message>
        <source>DPV consent record (.json)…</source>
        <translation>Registro del consenso DPV (.json)…</translation>
    </message>
    <message>
        <source>Request &amp;erasure…</source>
        <translation>Richiedi la &amp;cancellazione…</translation>
    </message>
    <message>
        <source>Write a GDPR Art. 17 erasure request to this vendor, naming what it got</source>
        <translation>Scrivi a questo venditore una richiesta di cancellazione ai sensi dell&apos;art. 17 GDPR, indicando cosa ha ricevuto</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Messages to the vendor</source>
        <translation>Messaggi al venditore</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Cosa è successo</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Select a consent to see its receipt, scope and history.</source>
        <translation>Seleziona un consenso per vederne ricevuta, ambito e cronologia.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Condivisi</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Finalità</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Dato il</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Fino al</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation>Comunicati a</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ricevuta</translation>
    </message>
    <message>
        <source>Vendor&apos;s signature</source>
        <translation>Firma del venditore</translation>
    </message>
    <message>
        <source>Termination receipt</source>
        <translation>Ricevuta di cessazione</translation>
    </message>
    <message>
        <source>%1 (ends in %2 days)</source>
        <translation>%1 (termina tra %2 giorni)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 il %2</translation>
    </message>
    <message>
        <source>%1, signed with your key for this vendor (%2…)</source>
        <translation>%1, firmata con la tua chiave per questo venditore (%2…)</translation>
    </message>
    <message>
        <source>✓ Countersigned by the vendor on %1</source>
        <translation>✓ Controfirmata dal venditore il %1</translation>
    </message>
    <message>
        <source>None: the consent ended before the vendor countersigned it</source>
        <translation>Nessuna: il consenso è terminato prima che il venditore lo controfirmasse</translation>
    </message>
    <message>
        <source>Waiting for the vendor (it has not countersigned the receipt yet)</source>
        <translation>In attesa del venditore (non ha ancora controfirmato la ricevuta)</translation>
    </message>
    <message>
        <source>✓ Received on %1: the vendor confirmed it deleted your data</source>
        <translation>✓ Ricevuta il %1: il venditore ha confermato di aver cancellato i tuoi dati</translation>
    </message>
    <message>
        <source>None: %1</source>
        <translation>Nessuna: %1</translation>
    </message>
    <message>
        <source>Waiting for the vendor to confirm it deleted your data</source>
        <translation>In attesa che il venditore confermi di aver cancellato i tuoi dati</translation>
    </message>
    <message>
        <source>Your data, with the receipt</source>
        <translation>I tuoi dati, con la ricevuta</translation>
    </message>
    <message>
        <source>Updated value</source>
        <translation>Valore aggiornato</translation>
    </message>
    <message>
        <source>Revocation notice</source>
        <translation>Avviso di revoca</translation>
    </message>
    <message>
        <source>Expiry notice</source>
        <translation>Avviso di scadenza</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>consegnato il %1</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nuovo tentativo</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in coda</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>in consegna</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>consegnato</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>non consegnato</translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation>venditore disattivato</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consenso dato</translation>
    </message>
    <message>
        <source>Vendor countersigned the receipt</source>
        <translation>Il venditore ha controfirmato la ricevuta</translation>
    </message>
    <message>
        <source>New value queued for the vendor</source>
        <translation>Nuovo valore in coda per il venditore</translation>
    </message>
    <message>
        <source>Vendor confirmed the new value</source>
        <translation>Il venditore ha confermato il nuovo valore</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocato</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Vendor confirmed deleting your data</source>
        <translation>Il venditore ha confermato di aver cancellato i tuoi dati</translation>
    </message>
    <message>
        <source>Vendor&apos;s answer refused</source>
        <translation>Risposta del venditore rifiutata</translation>
    </message>
    <message>
        <source>signed by the vendor&apos;s key; kept with the receipt</source>
        <translation>firmato con la chiave del venditore; conservato con la ricevuta</translation>
    </message>
</context>
<context>
    <name>ConsentList</name>
    <message>
        <source>All consents</source>
        <translation>Tutti i consensi</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivi</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduti</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocati</translation>
    </message>
    <message>
        <source>Show consents with this status only</source>
        <translation>Mostra solo i consensi con questo stato</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No consents yet&lt;/h3&gt;&lt;p&gt;When you accept an offer, choose &lt;i&gt;Give consent…&lt;/i&gt; on the Intentions page, or &lt;i&gt;New consent…&lt;/i&gt; here, to let a vendor use the data it needs, for the purposes and the time you choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ancora nessun consenso&lt;/h3&gt;&lt;p&gt;Quando accetti un&apos;offerta, scegli &lt;i&gt;Dai il consenso…&lt;/i&gt; nella pagina Intenzioni, oppure &lt;i&gt;Nuovo consenso…&lt;/i&gt; qui, per permettere a un venditore di usare i dati che gli servono, per le finalità e il tempo che scegli tu.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ConsentRenewal</name>
    <message>
        <source>Give %1 %2 again, for the same purposes and as long as before? A new consent with a new signed receipt starts now; the current one still ends on its date.</source>
        <translation>Dare di nuovo a %1 %2, per gli stessi scopi e per lo stesso tempo di prima? Un nuovo consenso con una nuova ricevuta firmata inizia ora; quello attuale termina comunque alla sua data.</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Rinnova il consenso</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Rinnova</translation>
    </message>
    <message>
        <source>Renewed. %1 is being sent the new receipt.</source>
        <translation>Rinnovato. A %1 viene inviata la nuova ricevuta.</translation>
    </message>
</context>
<context>
    <name>ConsentSummary</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <source>%1 may use your %2 %3, until %4. Nothing else is shared. When the consent ends or you revoke it, they must delete it; you keep a receipt signed by both of you.</source>
        <translation>%1 può usare %2 %3, fino a %4. Nient&apos;altro viene condiviso. Quando il consenso termina o lo revochi, deve cancellarli; tu conservi una ricevuta firmata da entrambe le parti.</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Revoked</source>
        <translation>Revocato</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>In scadenza</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Dato il</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Scade</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Revocato il %1</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Scaduto il %1</translation>
    </message>
    <message>
        <source>The vendor countersigned the receipt.</source>
        <translation>Il venditore ha controfirmato la ricevuta.</translation>
    </message>
    <message>
        <source>Waiting for the vendor to countersign the receipt.</source>
        <translation>In attesa che il venditore controfirmi la ricevuta.</translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message>
        <source>&amp;New consent…</source>
        <translation>&amp;Nuovo consenso…</translation>
    </message>
    <message>
        <source>Give a vendor from your directory a consent</source>
        <translation>Dai un consenso a un venditore del tuo elenco</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Invia ora</translation>
    </message>
    <message>
        <source>Deliver the messages waiting for vendors (data, updates, revocations)</source>
        <translation>Consegna i messaggi in attesa per i venditori (dati, aggiornamenti, revoche)</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>Esporta &amp;tutto…</translation>
    </message>
    <message>
        <source>Every receipt as signed .jws, readable .json and DPV .json, into a folder</source>
        <translation>Ogni ricevuta come .jws firmato, .json leggibile e .json DPV, in una cartella</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostra:</translation>
    </message>
    <message>
        <source>Your vendor directory is empty: add a vendor on the Vendors page.</source>
        <translation>Il tuo elenco di venditori è vuoto: aggiungi un venditore nella pagina Venditori.</translation>
    </message>
    <message>
        <source>You gave %1 a consent. Your data is on its way, with the signed receipt.</source>
        <translation>Hai dato un consenso a %1. I tuoi dati sono in viaggio, con la ricevuta firmata.</translation>
    </message>
    <message>
        <source>Revoke consent</source>
        <translation>Revoca consenso</translation>
    </message>
    <message>
        <source>Revoke the consent you gave %1 for %2? They are sent a signed notice to stop using your data and delete it, and get no updates from now on. The consent stays here, marked revoked, with its receipt.</source>
        <translation>Revocare il consenso dato a %1 per %2? Riceverà un avviso firmato di smettere di usare i tuoi dati e di cancellarli, e da ora non riceverà più aggiornamenti. Il consenso resta qui, segnato come revocato, con la sua ricevuta.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoca</translation>
    </message>
    <message>
        <source>Revoked. %1 is being sent a signed revocation notice.</source>
        <translation>Revocato. A %1 viene inviato un avviso di revoca firmato.</translation>
    </message>
    <message>
        <source>Revoked. No notice to %1: %2.</source>
        <translation>Revocato. Nessun avviso a %1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Your new %1 is on its way to %n vendor(s).</source>
        <translation>
            <numerusform>Il tuo nuovo %1 è in viaggio verso %n venditore.</numerusform>
            <numerusform>Il tuo nuovo %1 è in viaggio verso %n venditori.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) expired; their vendors are being told.</source>
        <translation>
            <numerusform>%n consenso è scaduto; il suo venditore viene avvisato.</numerusform>
            <numerusform>%n consensi sono scaduti; i loro venditori vengono avvisati.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered %n message(s).</source>
        <translation>
            <numerusform>Consegnato %n messaggio.</numerusform>
            <numerusform>Consegnati %n messaggi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed answer(s) from vendors.</source>
        <translation>
            <numerusform>%n risposta firmata dai venditori.</numerusform>
            <numerusform>%n risposte firmate dai venditori.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n consent(s) to %1 (.jws, .json and .dpv.json each).</source>
        <translation>
            <numerusform>Esportato %n consenso in %1 (.jws, .json e .dpv.json).</numerusform>
            <numerusform>Esportati %n consensi in %1 (.jws, .json e .dpv.json ciascuno).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent to every vendor</source>
        <translation>Non inviato a tutti i venditori</translation>
    </message>
    <message>
        <source>These vendors were not sent the new value:
%1</source>
        <translation>Questi venditori non hanno ricevuto il nuovo valore:
%1</translation>
    </message>
    <message>
        <source>%1 waiting: the vendor could not be reached; they are retried later.</source>
        <translation>In attesa: %1; il venditore non era raggiungibile, si riprova più tardi.</translation>
    </message>
    <message>
        <source>%1 could not be delivered.</source>
        <translation>Non consegnabili: %1.</translation>
    </message>
    <message>
        <source>A vendor&apos;s answer was refused: %1</source>
        <translation>La risposta di un venditore è stata rifiutata: %1</translation>
    </message>
    <message>
        <source>Signed receipts (*.jws)</source>
        <translation>Ricevute firmate (*.jws)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the consent receipt</source>
        <translation>Esporta la ricevuta del consenso</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Esportato in %1.</translation>
    </message>
    <message>
        <source>Export every consent receipt into</source>
        <translation>Esporta tutte le ricevute di consenso in</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consenso</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <source>This consent is already {status}; only an active consent can be revoked.</source>
        <translation>Questo consenso è già {status}; si può revocare solo un consenso attivo.</translation>
    </message>
    <message>
        <source>Choose at least one field to share.</source>
        <translation>Scegli almeno un dato da condividere.</translation>
    </message>
    <message>
        <source>Each field can be chosen once.</source>
        <translation>Ogni dato si può scegliere una sola volta.</translation>
    </message>
    <message>
        <source>Choose at least one purpose.</source>
        <translation>Scegli almeno una finalità.</translation>
    </message>
    <message>
        <source>Each purpose can be chosen once.</source>
        <translation>Ogni finalità si può scegliere una sola volta.</translation>
    </message>
    <message>
        <source>A consent lasts from 1 to {days} days.</source>
        <translation>Un consenso dura da 1 a {days} giorni.</translation>
    </message>
    <message>
        <source>That offer is from another vendor.</source>
        <translation>Quell&apos;offerta è di un altro venditore.</translation>
    </message>
    <message>
        <source>Consent is given for an accepted offer; accept it first.</source>
        <translation>Il consenso si dà per un&apos;offerta accettata; accettala prima.</translation>
    </message>
    <message>
        <source>There is no consent {id}.</source>
        <translation>Non esiste il consenso {id}.</translation>
    </message>
    <message>
        <source>The consent is {status}; only an active consent can be renewed. Give a new consent instead.</source>
        <translation>Il consenso è {status}; si può rinnovare solo un consenso attivo. Dai invece un nuovo consenso.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>scaduto</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocato</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>non è un numero finito</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>deve essere 0 o più</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>deve essere un numero</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>non è un numero</translation>
    </message>
    <message>
        <source>bad points balance {text}: {reason}</source>
        <translation>saldo punti non valido {text}: {reason}</translation>
    </message>
    <message>
        <source>bad expiry date {text}: use YYYY-MM-DD</source>
        <translation>data di scadenza non valida {text}: usa AAAA-MM-GG</translation>
    </message>
    <message>
        <source>missing member number</source>
        <translation>manca il numero di socio</translation>
    </message>
    <message>
        <source>missing program</source>
        <translation>manca il programma</translation>
    </message>
    <message>
        <source>This offer breaks your intention: {reason}</source>
        <translation>Questa offerta non rispetta la tua intenzione: {reason}</translation>
    </message>
    <message>
        <source>it has expired.</source>
        <translation>è scaduta.</translation>
    </message>
    <message>
        <source>It answers another intention.</source>
        <translation>Risponde a un&apos;altra intenzione.</translation>
    </message>
    <message>
        <source>the vendor does not accept your terms.</source>
        <translation>il venditore non accetta le tue condizioni.</translation>
    </message>
    <message>
        <source>There is no offer {id}.</source>
        <translation>Non esiste l&apos;offerta {id}.</translation>
    </message>
    <message>
        <source>Give either the backup&apos;s passphrase or its recovery key.</source>
        <translation>Indica la passphrase del backup oppure la sua chiave di recupero.</translation>
    </message>
    <message>
        <source>{folder} is not empty and holds no vault; restore into an empty or new folder instead. Nothing was changed.</source>
        <translation>{folder} non è vuota e non contiene alcuna cassaforte; ripristina in una cartella vuota o nuova. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>The backup file {file} does not exist.</source>
        <translation>Il file di backup {file} non esiste.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a backup file.</source>
        <translation>{file} è una cartella, non un file di backup.</translation>
    </message>
    <message>
        <source>{file} is not a VRM Wallet backup (unexpected contents).</source>
        <translation>{file} non è un backup di VRM Wallet (contenuto inatteso).</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; the passphrase was not changed.</source>
        <translation>La passphrase attuale è sbagliata; non è stata cambiata.</translation>
    </message>
    <message>
        <source>A recovery key has {expected} letters and digits; this one has {given}. Check that you copied all 8 groups.</source>
        <translation>Una chiave di recupero ha {expected} lettere e cifre; questa ne ha {given}. Controlla di aver copiato tutti gli 8 gruppi.</translation>
    </message>
    <message>
        <source>The recovery key contains characters that cannot be part of a recovery key.</source>
        <translation>La chiave di recupero contiene caratteri che non possono far parte di una chiave di recupero.</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its checksum does not match.</source>
        <translation>La chiave di recupero contiene un errore di battitura: il suo codice di controllo non corrisponde.</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Nothing was changed; check Caps Lock and the keyboard layout, or use your recovery key.</source>
        <translation>La passphrase è sbagliata. Non è stato cambiato nulla; controlla il Bloc Maiusc e il layout della tastiera, oppure usa la tua chiave di recupero.</translation>
    </message>
    <message>
        <source>This recovery key does not belong to this vault. Nothing was changed.</source>
        <translation>Questa chiave di recupero non appartiene a questa cassaforte. Non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>No OS keyring was found. Install and unlock a Secret Service (GNOME Keyring or KWallet) to use this option.</source>
        <translation>Nessun portachiavi di sistema trovato. Installa e sblocca un Secret Service (GNOME Keyring o KWallet) per usare questa opzione.</translation>
    </message>
    <message>
        <source>The OS keyring is disabled for this program (null keyring backend).</source>
        <translation>Il portachiavi di sistema è disattivato per questo programma.</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate or handshake was refused</source>
        <translation>il certificato TLS del server o la negoziazione sono stati rifiutati</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>la negoziazione TLS non è riuscita</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be resolved</source>
        <translation>non è stato possibile risolvere il nome del server</translation>
    </message>
    <message>
        <source>the connection was refused (nothing is listening)</source>
        <translation>la connessione è stata rifiutata (nessuno è in ascolto)</translation>
    </message>
    <message>
        <source>could not connect to the server</source>
        <translation>impossibile connettersi al server</translation>
    </message>
    <message>
        <source>the URL is not valid</source>
        <translation>l&apos;URL non è valido</translation>
    </message>
    <message>
        <source>the connection failed or was closed early</source>
        <translation>la connessione non è riuscita o si è chiusa troppo presto</translation>
    </message>
</context>
<context>
    <name>CoreErrorKind</name>
    <message>
        <source>There is no vault here.</source>
        <translation>Qui non c&apos;è nessuna cassaforte.</translation>
    </message>
    <message>
        <source>A vault already exists there.</source>
        <translation>Lì esiste già una cassaforte.</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it first.</source>
        <translation>La cassaforte è bloccata; sbloccala prima.</translation>
    </message>
    <message>
        <source>The passphrase does not open this vault.</source>
        <translation>La passphrase non apre questa cassaforte.</translation>
    </message>
    <message>
        <source>The recovery key does not open this vault, or has a typo.</source>
        <translation>La chiave di recupero non apre questa cassaforte, o contiene un errore di battitura.</translation>
    </message>
    <message>
        <source>The vault&apos;s header cannot be read, or asks for unsafe settings.</source>
        <translation>L&apos;intestazione della cassaforte non è leggibile, o chiede impostazioni non sicure.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of VRM Wallet.</source>
        <translation>Questa cassaforte è stata scritta da una versione più recente di VRM Wallet.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged; restore it from a backup.</source>
        <translation>Il database della cassaforte è danneggiato; ripristinalo da un backup.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>Il disco è pieno: non è stato salvato nulla. Libera spazio e riprova.</translation>
    </message>
    <message>
        <source>This computer&apos;s secure keyring is not available.</source>
        <translation>Il portachiavi sicuro di questo computer non è disponibile.</translation>
    </message>
    <message>
        <source>This value is not accepted; check what you typed.</source>
        <translation>Questo valore non è accettato; controlla ciò che hai scritto.</translation>
    </message>
    <message>
        <source>That item no longer exists.</source>
        <translation>Quell&apos;elemento non esiste più.</translation>
    </message>
    <message>
        <source>This backup file cannot be used: it is missing, damaged or not a backup.</source>
        <translation>Questo file di backup non si può usare: manca, è danneggiato o non è un backup.</translation>
    </message>
    <message>
        <source>A vendor&apos;s public key is not valid.</source>
        <translation>La chiave pubblica di un venditore non è valida.</translation>
    </message>
    <message>
        <source>A signature does not match: the message was not accepted.</source>
        <translation>Una firma non corrisponde: il messaggio non è stato accettato.</translation>
    </message>
    <message>
        <source>The vendor could not be reached, or its answer was not usable.</source>
        <translation>Non è stato possibile raggiungere il venditore, o la sua risposta non era utilizzabile.</translation>
    </message>
    <message>
        <source>That could not be done.</source>
        <translation>Non è stato possibile farlo.</translation>
    </message>
</context>
<context>
    <name>DeliveryProgress</name>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>DeliveryStatus</name>
    <message>
        <source>queued</source>
        <translation>in coda</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nuovo tentativo</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>in consegna</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>consegnato</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disattivato</translation>
    </message>
    <message>
        <source>not handled: see Activity</source>
        <translation>non gestito: vedi Attività</translation>
    </message>
</context>
<context>
    <name>DesktopGroup</name>
    <message>
        <source>Appearance and desktop</source>
        <translation>Aspetto e desktop</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspetto</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Come il sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiaro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuro</translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation>Mostra un&apos;icona nell&apos;area di notifica</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Aspetto:</translation>
    </message>
    <message>
        <source>This desktop shows no system tray.</source>
        <translation>Questo desktop non mostra un&apos;area di notifica.</translation>
    </message>
    <message>
        <source>Closing the window keeps VRM Wallet running in the tray, with its reminders; the vault still locks by itself as set below. Quit from the icon&apos;s menu.</source>
        <translation>Chiudendo la finestra, VRM Wallet resta attivo nell&apos;area di notifica, con i suoi promemoria; la cassaforte si blocca comunque da sola come impostato più sotto. Per uscire usa il menu dell&apos;icona.</translation>
    </message>
    <message>
        <source>Closing the window quits VRM Wallet and locks the vault.</source>
        <translation>Chiudendo la finestra, VRM Wallet si chiude e blocca la cassaforte.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <source>Edit field</source>
        <translation>Modifica campo</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Aggiungi campo</translation>
    </message>
    <message>
        <source>Sensitive: hidden in lists until revealed</source>
        <translation>Riservato: nascosto negli elenchi finché non lo mostri</translation>
    </message>
    <message>
        <source>Custom field…</source>
        <translation>Campo personalizzato…</translation>
    </message>
    <message>
        <source>e.g. library_card</source>
        <translation>es. tessera_biblioteca</translation>
    </message>
    <message>
        <source>Several lines are fine, e.g. for an address</source>
        <translation>Puoi usare più righe, ad esempio per un indirizzo</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Campo:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>C&amp;hiave:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etichetta:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valore:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>Ca&amp;tegoria:</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation>Cronologia di “%1”</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificato</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Show values</source>
        <translation>Mostra valori</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Hidden: use Reveal to show it</source>
        <translation>Nascosto: usa Mostra per vederlo</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Give consent</source>
        <translation>Dai il consenso</translation>
    </message>
    <message>
        <source>Choose a vendor…</source>
        <translation>Scegli un venditore…</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Venditore:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Why they ask</source>
        <translation>Perché lo chiedono</translation>
    </message>
    <message>
        <source>What they may use</source>
        <translation>Cosa possono usare</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalità</translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation>In parole semplici</translation>
    </message>
    <message>
        <source>Kantara purpose category %1; W3C DPV: %2</source>
        <translation>Categoria di finalità Kantara %1; W3C DPV: %2</translation>
    </message>
    <message>
        <source>e.g. Parcel Express Ltd</source>
        <translation>es. Parcel Express Srl</translation>
    </message>
    <message>
        <source>Passed on to (name them if you know):</source>
        <translation>Comunicati a (indicali se li conosci):</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Per cosa</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Giorni</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Fino al</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>until</source>
        <translation>fino al</translation>
    </message>
    <message>
        <source>For how long</source>
        <translation>Per quanto tempo</translation>
    </message>
    <message>
        <source>&lt;b&gt;In plain words&lt;/b&gt;</source>
        <translation>&lt;b&gt;In parole semplici&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Give consent</source>
        <translation>&amp;Dai il consenso</translation>
    </message>
    <message>
        <source>Optional: the offer can be fulfilled without it</source>
        <translation>Facoltativo: l&apos;offerta si può soddisfare anche senza</translation>
    </message>
    <message>
        <source>Needed for the offer</source>
        <translation>Necessario per l&apos;offerta</translation>
    </message>
    <message>
        <source>Needed, but not in your vault: add it on My data first</source>
        <translation>Necessario, ma non presente nella tua cassaforte: aggiungilo prima in I miei dati</translation>
    </message>
    <message>
        <source>Not in your vault</source>
        <translation>Non presente nella tua cassaforte</translation>
    </message>
    <message>
        <source>The offer cannot be fulfilled without it</source>
        <translation>Senza questo dato l&apos;offerta non può essere evasa</translation>
    </message>
    <message>
        <source>Needed for the offer: %1</source>
        <translation>Necessario per l&apos;offerta: %1</translation>
    </message>
    <message>
        <source>Optional: %1</source>
        <translation>Facoltativo: %1</translation>
    </message>
    <message>
        <source>Optional (no reason given)</source>
        <translation>Facoltativo (nessun motivo indicato)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give a vendor a consent&lt;/h3&gt;&lt;p&gt;Choose the vendor first.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dai un consenso a un venditore&lt;/h3&gt;&lt;p&gt;Per prima cosa scegli il venditore.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give %1 a consent&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Dai un consenso a %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>For the offer you accepted: %1</source>
        <translation>Per l&apos;offerta che hai accettato: %1</translation>
    </message>
    <message>
        <source>Only the fields you tick are sent, for the purposes you tick, until the end date. You can revoke it at any time.</source>
        <translation>Vengono inviati solo i campi che spunti, per le finalità che spunti, fino alla data di fine. Puoi revocarlo in qualsiasi momento.</translation>
    </message>
    <message>
        <source>The offer needs %1, which your vault does not hold. Add it on My data, then give the consent again.</source>
        <translation>L&apos;offerta richiede %1, che la tua cassaforte non contiene. Aggiungilo in I miei dati, poi dai di nuovo il consenso.</translation>
    </message>
    <message>
        <source>Tick at least one field to share.</source>
        <translation>Spunta almeno un campo da condividere.</translation>
    </message>
    <message>
        <source>Tick at least one purpose.</source>
        <translation>Spunta almeno una finalità.</translation>
    </message>
    <message>
        <source>Choose a vendor to see what you would agree to.</source>
        <translation>Scegli un venditore per vedere a cosa acconsentiresti.</translation>
    </message>
</context>
<context>
    <name>HoldingsModel</name>
    <message>
        <source>%1 holds your %2 under an active consent. Click to open it.</source>
        <translation>%1 conserva il tuo dato %2 in base a un consenso attivo. Fai clic per aprirlo.</translation>
    </message>
    <message>
        <source>%1 holds your %2 under %3 active consents. Click to open one.</source>
        <translation>%1 conserva il tuo dato %2 in base a %3 consensi attivi. Fai clic per aprirne uno.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&lt;h2&gt;What needs your attention&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ciò che richiede la tua attenzione&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>What needs your attention</source>
        <translation>Ciò che richiede la tua attenzione</translation>
    </message>
    <message>
        <source>Nothing needs your attention. Consents and loyalty cards about to end, offers waiting for your decision, messages that keep failing and vendors that have not confirmed the end of a consent show here.</source>
        <translation>Niente richiede la tua attenzione. Qui compaiono i consensi e le carte fedeltà in scadenza, le offerte che attendono la tua decisione, i messaggi che continuano a non arrivare e i venditori che non hanno confermato la fine di un consenso.</translation>
    </message>
    <message>
        <source>Say what you want: &amp;new intention…</source>
        <translation>Di&apos; cosa vuoi: &amp;nuova intenzione…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import loyalty cards</source>
        <translation>Importa carte fedeltà</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Perché è esclusa</translation>
    </message>
    <message>
        <source>Which field each column holds:</source>
        <translation>Quale campo contiene ogni colonna:</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 cards can be imported; %2 rows are left out:</source>
        <translation>Carte importabili: %1; righe escluse: %2:</translation>
    </message>
    <message>
        <source>Import %1 cards</source>
        <translation>Importa %1 carte</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignora)</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
</context>
<context>
    <name>IntentionChecks</name>
    <message>
        <source>item</source>
        <translation>articolo</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoria</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantità</translation>
    </message>
    <message>
        <source>maximum price</source>
        <translation>prezzo massimo</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>valuta</translation>
    </message>
    <message>
        <source>region</source>
        <translation>regione</translation>
    </message>
    <message>
        <source>postal prefix</source>
        <translation>prefisso postale</translation>
    </message>
    <message>
        <source>deliver by</source>
        <translation>consegna entro il</translation>
    </message>
    <message>
        <source>delivery method</source>
        <translation>modalità di consegna</translation>
    </message>
    <message>
        <source>valid for (days)</source>
        <translation>valida per (giorni)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>non può essere vuoto</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>è troppo lungo</translation>
    </message>
    <message>
        <source>is not in the expected form</source>
        <translation>non ha la forma prevista</translation>
    </message>
    <message>
        <source>is not one of the choices</source>
        <translation>non è una delle opzioni</translation>
    </message>
    <message>
        <source>is too small</source>
        <translation>è troppo piccolo</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>è troppo grande</translation>
    </message>
    <message>
        <source>has too many entries</source>
        <translation>ha troppe voci</translation>
    </message>
    <message>
        <source>is not valid</source>
        <translation>non è valido</translation>
    </message>
    <message>
        <source>write a number such as 120 or 119.95</source>
        <translation>scrivi un numero come 120 o 119.95</translation>
    </message>
    <message>
        <source>use a three-letter ISO 4217 code such as EUR</source>
        <translation>usa un codice ISO 4217 di tre lettere, come EUR</translation>
    </message>
    <message>
        <source>use a coarse region such as ES or ES-MD</source>
        <translation>indica una regione ampia, come ES o ES-MD</translation>
    </message>
    <message>
        <source>at most the first 3 letters or digits of a postal code</source>
        <translation>al massimo le prime 3 lettere o cifre di un codice postale</translation>
    </message>
</context>
<context>
    <name>IntentionDialog</name>
    <message>
        <source>New intention</source>
        <translation>Nuova intenzione</translation>
    </message>
    <message>
        <source>e.g. Trail running shoes</source>
        <translation>es. Scarpe da trail running</translation>
    </message>
    <message>
        <source>e.g. shoes</source>
        <translation>es. scarpe</translation>
    </message>
    <message>
        <source>Size, colour, anything that matters</source>
        <translation>Taglia, colore, tutto ciò che conta</translation>
    </message>
    <message>
        <source>e.g. 120.00</source>
        <translation>es. 120.00</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>optional, e.g. ES or ES-MD</source>
        <translation>facoltativa, es. IT o IT-MI</translation>
    </message>
    <message>
        <source>optional, at most 3 characters</source>
        <translation>facoltativo, al massimo 3 caratteri</translation>
    </message>
    <message>
        <source>by</source>
        <translation>entro il</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>Consegna entro il</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Qualsiasi</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>Ritiro</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digitale</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Open to alternatives</source>
        <translation>Aperto ad alternative</translation>
    </message>
    <message>
        <source>Attach my latest terms</source>
        <translation>Allega le mie condizioni più recenti</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuna</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Articolo:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Quantità:</translation>
    </message>
    <message>
        <source>&amp;Maximum price:</source>
        <translation>Prezzo &amp;massimo:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Regione:</translation>
    </message>
    <message>
        <source>&amp;Postal prefix:</source>
        <translation>&amp;Prefisso postale:</translation>
    </message>
    <message>
        <source>Deliver:</source>
        <translation>Consegna:</translation>
    </message>
    <message>
        <source>Delivery &amp;method:</source>
        <translation>M&amp;odalità di consegna:</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Valida per:</translation>
    </message>
    <message>
        <source>&amp;Loyalty proposal:</source>
        <translation>Proposta &amp;fedeltà:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
</context>
<context>
    <name>IntentionRecord</name>
    <message>
        <source>not sent yet</source>
        <translation>non ancora inviata</translation>
    </message>
    <message>
        <source>sent, waiting for offers</source>
        <translation>inviata, in attesa di offerte</translation>
    </message>
    <message>
        <source>offers in</source>
        <translation>offerte arrivate</translation>
    </message>
    <message>
        <source>offer accepted</source>
        <translation>offerta accettata</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>scaduta</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirata</translation>
    </message>
    <message>
        <source>%1 (withdrawn there)</source>
        <translation>%1 (ritirata lì)</translation>
    </message>
    <message>
        <source>%1 (answers read: %2)</source>
        <translation>%1 (risposte lette: %2)</translation>
    </message>
    <message>
        <source>any way</source>
        <translation>in qualsiasi modo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Articolo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Al massimo</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>Consegna entro il</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valida fino al</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>open to alternatives</source>
        <translation>aperta ad alternative</translation>
    </message>
    <message>
        <source>your terms attached</source>
        <translation>con le tue condizioni allegate</translation>
    </message>
    <message>
        <source>loyalty proposal attached</source>
        <translation>con proposta fedeltà allegata</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Inoltre</translation>
    </message>
    <message>
        <source>On the market</source>
        <translation>Sul mercato</translation>
    </message>
</context>
<context>
    <name>IntentionsPage</name>
    <message>
        <source>&amp;New intention…</source>
        <translation>&amp;Nuova intenzione…</translation>
    </message>
    <message>
        <source>Your intentions</source>
        <translation>Le tue intenzioni</translation>
    </message>
    <message>
        <source>The intention chosen</source>
        <translation>L&apos;intenzione scelta</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No intention selected&lt;/h3&gt;&lt;p&gt;Say what you want, where, by when and for how much with &lt;i&gt;New intention&lt;/i&gt;. Vendors answer with offers; nothing about you is sent beyond what you write.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nessuna intenzione selezionata&lt;/h3&gt;&lt;p&gt;Di&apos; cosa vuoi, dove, entro quando e a quale prezzo con &lt;i&gt;Nuova intenzione&lt;/i&gt;. I venditori rispondono con offerte; di te non viene inviato nulla oltre a ciò che scrivi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation>&amp;Invia</translation>
    </message>
    <message>
        <source>Send the intention to your active vendors that deal in its category</source>
        <translation>Invia l&apos;intenzione ai tuoi venditori attivi che trattano la sua categoria</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Stop delivering; undelivered copies stay queued for the next broadcast</source>
        <translation>Interrompe la consegna; le copie non consegnate restano in coda per il prossimo invio</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Ritira…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Casting it to the market…</source>
        <translation>Lancio sul mercato in corso…</translation>
    </message>
    <message numerus="yes">
        <source>Sending to %n vendor(s)…</source>
        <translation>
            <numerusform>Invio a %n venditore…</numerusform>
            <numerusform>Invio a %n venditori…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered to %n vendor(s).</source>
        <translation>
            <numerusform>Consegnata a %n venditore.</numerusform>
            <numerusform>Consegnata a %n venditori.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s).</source>
        <translation>
            <numerusform>%n nuova offerta.</numerusform>
            <numerusform>%n nuove offerte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cast to the market. Offers appear here as they arrive.</source>
        <translation>Lanciata sul mercato. Le offerte compaiono qui man mano che arrivano.</translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s) from the market.</source>
        <translation>
            <numerusform>%n nuova offerta dal mercato.</numerusform>
            <numerusform>%n nuove offerte dal mercato.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrawn. %n vendor(s) will be told.</source>
        <translation>
            <numerusform>Ritirata. %n venditore verrà avvisato.</numerusform>
            <numerusform>Ritirata. %n venditori verranno avvisati.</numerusform>
        </translation>
    </message>
    <message>
        <source>Created your intention for “%1”. Broadcast it to ask vendors.</source>
        <translation>Hai creato la tua intenzione per “%1”. Inviala per chiedere ai venditori.</translation>
    </message>
    <message>
        <source>%1 already had it.</source>
        <translation>Già ricevuta da: %1.</translation>
    </message>
    <message>
        <source>Delivery stopped. Undelivered copies stay queued; Broadcast sends them.</source>
        <translation>Consegna interrotta. Le copie non consegnate restano in coda; Invia le spedisce.</translation>
    </message>
    <message>
        <source>%1 could not be reached.</source>
        <translation>Non raggiungibili: %1.</translation>
    </message>
    <message>
        <source>%1 will be retried later.</source>
        <translation>Da riprovare più tardi: %1.</translation>
    </message>
    <message>
        <source>At least one criterion must count.</source>
        <translation>Almeno un criterio deve contare.</translation>
    </message>
    <message>
        <source>You accepted %1&apos;s offer; the vendors will be told.</source>
        <translation>Hai accettato l&apos;offerta di %1; i venditori saranno avvisati.</translation>
    </message>
    <message>
        <source>&amp;Broadcast again</source>
        <translation>&amp;Invia di nuovo</translation>
    </message>
    <message>
        <source>Export the signed intention</source>
        <translation>Esporta l&apos;intenzione firmata</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Esportata in %1.</translation>
    </message>
</context>
<context>
    <name>LoyaltyPage</name>
    <message>
        <source>Cards</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation>Le mie proposte</translation>
    </message>
    <message>
        <source>&amp;Add card…</source>
        <translation>&amp;Aggiungi carta…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Loyalty cards</source>
        <translation>Carte fedeltà</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No loyalty cards yet&lt;/h3&gt;&lt;p&gt;Add the cards you carry, or import them from a CSV file or a Google or Apple Wallet pass. Their codes can then be scanned from this screen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ancora nessuna carta fedeltà&lt;/h3&gt;&lt;p&gt;Aggiungi le carte che porti con te, oppure importale da un file CSV o da un pass di Google o Apple Wallet. I loro codici si potranno poi scansionare da questa schermata.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your own loyalty program: what you commit to, and what a vendor gives you in return. Intentions carry it; record purchases to follow your progress.</source>
        <translation>Il tuo programma fedeltà: cosa ti impegni a fare e cosa ti dà in cambio un venditore. Le intenzioni lo portano con sé; registra gli acquisti per seguire i tuoi progressi.</translation>
    </message>
    <message>
        <source>&amp;New proposal…</source>
        <translation>&amp;Nuova proposta…</translation>
    </message>
    <message>
        <source>Delete the card “%1” (%2)? This cannot be undone.</source>
        <translation>Eliminare la carta “%1” (%2)? L&apos;operazione non si può annullare.</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Elimina carta</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Import loyalty cards</source>
        <translation>Importa carte fedeltà</translation>
    </message>
    <message>
        <source>Loyalty files (*.csv *.json *.pkpass.json);;All files (*)</source>
        <translation>File fedeltà (*.csv *.json *.pkpass.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Imported %1 cards; %2 rows were left out.</source>
        <translation>Carte importate: %1; righe escluse: %2.</translation>
    </message>
    <message>
        <source>Export loyalty cards</source>
        <translation>Esporta carte fedeltà</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 cards to %2. The file is not encrypted.</source>
        <translation>Carte esportate: %1, in %2. Il file non è cifrato.</translation>
    </message>
    <message>
        <source>Delete the proposal “%1” and the purchases recorded for it?</source>
        <translation>Eliminare la proposta “%1” e gli acquisti registrati per essa?</translation>
    </message>
    <message>
        <source>Delete proposal</source>
        <translation>Elimina proposta</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>VRM Wallet (demo)</source>
        <translation>VRM Wallet (demo)</translation>
    </message>
    <message>
        <source>VRM Wallet</source>
        <translation>VRM Wallet</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Cassaforte</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Blocca</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>The vault was locked because the screen was locked.</source>
        <translation>La cassaforte è stata bloccata perché lo schermo è stato bloccato.</translation>
    </message>
    <message>
        <source>The vault was locked after a while without use.</source>
        <translation>La cassaforte è stata bloccata dopo un periodo di inattività.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Ripristino del backup…</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock it with the backup&apos;s passphrase.</source>
        <translation>Il backup è stato ripristinato. Sbloccalo con la passphrase del backup.</translation>
    </message>
    <message>
        <source>The previous vault was moved to %1.</source>
        <translation>La cassaforte precedente è stata spostata in %1.</translation>
    </message>
    <message>
        <source>The backup was not restored; your vault is unchanged. %1</source>
        <translation>Il backup non è stato ripristinato; la tua cassaforte è invariata. %1</translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation>Chiave di recupero non salvata</translation>
    </message>
    <message>
        <source>Your recovery key is shown only this once. Without it a forgotten passphrase means losing the vault. Quit without saving it?</source>
        <translation>La tua chiave di recupero viene mostrata solo questa volta. Senza di essa, se dimentichi la passphrase perdi la cassaforte. Uscire senza salvarla?</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Esci comunque</translation>
    </message>
</context>
<context>
    <name>MembershipCard</name>
    <message>
        <source>Tier: %1</source>
        <translation>Livello: %1</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>Punti: %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Scade il %1</translation>
    </message>
    <message>
        <source>Member number: %1</source>
        <translation>Numero di socio: %1</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Scaduta il %1</translation>
    </message>
    <message>
        <source>Expires soon: %1</source>
        <translation>Scade presto: %1</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Show at the till</source>
        <translation>Mostra alla cassa</translation>
    </message>
    <message>
        <source>Show the code full-screen for the cashier&apos;s scanner (Enter on a card)</source>
        <translation>Mostra il codice a schermo intero per il lettore della cassa (Invio su una carta)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Elimina…</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation>Modifica carta</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Aggiungi carta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation>AAAA-MM-GG, oppure vuoto</translation>
    </message>
    <message>
        <source>empty: the member number</source>
        <translation>vuoto: il numero di socio</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programma:</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Venditore:</translation>
    </message>
    <message>
        <source>&amp;Member number:</source>
        <translation>&amp;Numero di socio:</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Livello:</translation>
    </message>
    <message>
        <source>P&amp;oints:</source>
        <translation>P&amp;unti:</translation>
    </message>
    <message>
        <source>&amp;Expiry:</source>
        <translation>&amp;Scadenza:</translation>
    </message>
    <message>
        <source>&amp;Barcode type:</source>
        <translation>&amp;Tipo di codice a barre:</translation>
    </message>
    <message>
        <source>Barcode &amp;value:</source>
        <translation>Valore del &amp;codice:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>The code will read: %1</source>
        <translation>Il codice leggerà: %1</translation>
    </message>
</context>
<context>
    <name>MyDataPage</name>
    <message>
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <source>Show one category only</source>
        <translation>Mostra una sola categoria</translation>
    </message>
    <message>
        <source>Search names, labels and values…</source>
        <translation>Cerca nomi, etichette e valori…</translation>
    </message>
    <message>
        <source>&amp;Add field…</source>
        <translation>&amp;Aggiungi campo…</translation>
    </message>
    <message>
        <source>No field matches this filter.</source>
        <translation>Nessun campo corrisponde a questo filtro.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your vault holds no personal data yet&lt;/h3&gt;&lt;p&gt;Add the facts you share with companies (your name, email, address, sizes, preferences) once, here. You decide later who gets which of them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;La tua cassaforte non contiene ancora dati personali&lt;/h3&gt;&lt;p&gt;Aggiungi qui, una volta sola, le informazioni che condividi con le aziende (nome, email, indirizzo, taglie, preferenze). Più avanti decidi tu chi riceve quali.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add your first field…</source>
        <translation>Aggiungi il tuo primo campo…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>Mo&amp;stra</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Copia valore</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>C&amp;ronologia…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Elimina…</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Nascondi</translation>
    </message>
    <message>
        <source>A field with the key “%1” exists already; edit it instead.</source>
        <translation>Esiste già un campo con la chiave “%1”; modifica quello.</translation>
    </message>
    <message>
        <source>Delete “%1”? Its value and all its past values are deleted for good.</source>
        <translation>Eliminare “%1”? Il suo valore e tutti i valori precedenti vengono eliminati per sempre.</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Elimina campo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Copied “%1”; the clipboard is cleared in %2 s.</source>
        <translation>“%1” copiato; gli appunti vengono svuotati tra %2 s.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>I understand this passphrase is weak</source>
        <translation>Sono consapevole che questa passphrase è debole</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nuova passphrase:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ripetila:</translation>
    </message>
    <message>
        <source>Use at least %1 characters; a few random words work well.</source>
        <translation>Usa almeno %1 caratteri; qualche parola a caso funziona bene.</translation>
    </message>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation>Digita di nuovo la passphrase per confermarla.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Le due passphrase sono diverse.</translation>
    </message>
    <message>
        <source>This passphrase is weak: choose a stronger one or tick the box above.</source>
        <translation>Questa passphrase è debole: scegline una più robusta o spunta la casella qui sopra.</translation>
    </message>
</context>
<context>
    <name>OfferDetails</name>
    <message>
        <source>delivered to you</source>
        <translation>consegnato a te</translation>
    </message>
    <message>
        <source>picked up by you</source>
        <translation>ritirato da te</translation>
    </message>
    <message>
        <source>sent digitally</source>
        <translation>inviato in formato digitale</translation>
    </message>
    <message>
        <source>Accepts your terms</source>
        <translation>Accetta le tue condizioni</translation>
    </message>
    <message>
        <source>Proposes its own terms instead of yours</source>
        <translation>Propone le proprie condizioni al posto delle tue</translation>
    </message>
    <message>
        <source>Does not accept your terms</source>
        <translation>Non accetta le tue condizioni</translation>
    </message>
    <message>
        <source>You sent no terms</source>
        <translation>Non hai inviato condizioni</translation>
    </message>
    <message>
        <source>Accepts your loyalty proposal</source>
        <translation>Accetta la tua proposta fedeltà</translation>
    </message>
    <message>
        <source>Does not accept your loyalty proposal</source>
        <translation>Non accetta la tua proposta fedeltà</translation>
    </message>
    <message>
        <source>You sent no loyalty proposal</source>
        <translation>Non hai inviato una proposta fedeltà</translation>
    </message>
    <message>
        <source>You accepted this offer</source>
        <translation>Hai accettato questa offerta</translation>
    </message>
    <message>
        <source>Declined: you accepted another offer</source>
        <translation>Rifiutata: hai accettato un&apos;altra offerta</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Non ancora deciso</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Niente</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obbligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prezzo</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>consegna</translation>
    </message>
    <message>
        <source>loyalty</source>
        <translation>fedeltà</translation>
    </message>
    <message>
        <source>history</source>
        <translation>storico</translation>
    </message>
    <message>
        <source>%1 %2 (counts %3 %)</source>
        <translation>%1 %2 (conta il %3 %)</translation>
    </message>
    <message>
        <source>%1 of 1: %2</source>
        <translation>%1 su 1: %2</translation>
    </message>
    <message>
        <source>%1 — not in your directory (met on the market)</source>
        <translation>%1 — non è nel tuo elenco (incontrato sul mercato)</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Impronta della chiave</translation>
    </message>
    <message>
        <source>%1 (an alternative to what you asked for)</source>
        <translation>%1 (un&apos;alternativa a ciò che hai chiesto)</translation>
    </message>
    <message>
        <source>%1 (quantity: %2)</source>
        <translation>%1 (quantità: %2)</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, entro il %2</translation>
    </message>
    <message>
        <source>Accepting also adds this vendor to your directory with the key above; check its fingerprint with the vendor if you can.</source>
        <translation>Accettando aggiungi anche questo venditore al tuo elenco con la chiave qui sopra; se puoi, verifica la sua impronta con il venditore.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Articolo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prezzo</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Your terms</source>
        <translation>Le tue condizioni</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fedeltà</translation>
    </message>
    <message>
        <source>Will ask for</source>
        <translation>Chiederà</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Selected offer</source>
        <translation>Offerta selezionata</translation>
    </message>
    <message>
        <source>Accepting tells this vendor yes and the others no. The data above is only asked for: you choose what to give, and for how long, in the consent that follows.</source>
        <translation>Accettare dice sì a questo venditore e no agli altri. I dati qui sopra sono solo richiesti: scegli tu cosa dare, e per quanto tempo, nel consenso che segue.</translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message>
        <source>The offer you accepted</source>
        <translation>L&apos;offerta che hai accettato</translation>
    </message>
    <message>
        <source>price %1 · delivery %2 · loyalty %3 · history %4</source>
        <translation>prezzo %1 · consegna %2 · fedeltà %3 · storico %4</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accettata</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rifiutata</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Articolo</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prezzo</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>Consegna entro</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Why removed</source>
        <translation>Perché esclusa</translation>
    </message>
    <message>
        <source>Offers (best first)</source>
        <translation>Offerte (migliori prima)</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Escluse</translation>
    </message>
    <message>
        <source>&amp;Accept offer…</source>
        <translation>&amp;Accetta l&apos;offerta…</translation>
    </message>
    <message>
        <source>Give &amp;consent…</source>
        <translation>Dai il &amp;consenso…</translation>
    </message>
    <message>
        <source>Choose which of your data the vendor of the accepted offer may use</source>
        <translation>Scegli quali dei tuoi dati può usare il venditore dell&apos;offerta accettata</translation>
    </message>
    <message>
        <source>What matters most</source>
        <translation>Cosa conta di più</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fedeltà</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Storico</translation>
    </message>
    <message>
        <source>Each offer&apos;s score, from 0 to 1 (best): how it compares with the others on price, delivery date, your loyalty proposal and your history with the vendor, each counting as much as you set here.</source>
        <translation>Il punteggio di ogni offerta, da 0 a 1 (la migliore): come si confronta con le altre per prezzo, data di consegna, la tua proposta fedeltà e il tuo storico con il venditore, ciascuno con il peso che imposti qui.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Who holds which of your data under a consent you gave. Click a ✓ to open the consent, to see its receipt or revoke it.</source>
        <translation>Chi conserva quali tuoi dati in base a un consenso che hai dato. Fai clic su un ✓ per aprire il consenso, vederne la ricevuta o revocarlo.</translation>
    </message>
    <message>
        <source>Active consents</source>
        <translation>Consensi attivi</translation>
    </message>
    <message>
        <source>Consents in force now</source>
        <translation>Consensi in vigore ora</translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation>In scadenza entro 7 giorni</translation>
    </message>
    <message>
        <source>Active consents that end in the next 7 days</source>
        <translation>Consensi attivi che terminano nei prossimi 7 giorni</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduti</translation>
    </message>
    <message>
        <source>Consents that reached their end date</source>
        <translation>Consensi che hanno raggiunto la data di fine</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocati</translation>
    </message>
    <message>
        <source>Consents you took back</source>
        <translation>Consensi che hai ritirato</translation>
    </message>
    <message>
        <source>Waiting to be delivered</source>
        <translation>In attesa di consegna</translation>
    </message>
    <message>
        <source>Messages to vendors not delivered yet (they are retried)</source>
        <translation>Messaggi ai venditori non ancora consegnati (vengono ritentati)</translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation>Offerte aperte</translation>
    </message>
    <message>
        <source>Offers on your open intentions that you have not decided on</source>
        <translation>Offerte sulle tue intenzioni aperte su cui non hai ancora deciso</translation>
    </message>
    <message>
        <source>Vendors and the fields they hold</source>
        <translation>I venditori e i campi che detengono</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendor holds your data&lt;/h3&gt;&lt;p&gt;When you give a vendor a consent (from an accepted offer on &lt;i&gt;Intentions&lt;/i&gt;, or on &lt;i&gt;Consents&lt;/i&gt;), the fields it may use appear here, one row per vendor.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nessun venditore conserva i tuoi dati&lt;/h3&gt;&lt;p&gt;Quando dai un consenso a un venditore (da un&apos;offerta accettata in &lt;i&gt;Intenzioni&lt;/i&gt;, oppure in &lt;i&gt;Consensi&lt;/i&gt;), qui compaiono i campi che può usare, una riga per venditore.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Mostra o nascondi ciò che hai digitato</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Nascondi</translation>
    </message>
</context>
<context>
    <name>PiiCategory</name>
    <message>
        <source>Biographical</source>
        <translation>Biografici</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Biometric</source>
        <translation>Biometrici</translation>
    </message>
    <message>
        <source>Communications/Social</source>
        <translation>Comunicazioni/Social</translation>
    </message>
    <message>
        <source>Network/Service</source>
        <translation>Rete/Servizio</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>Finanziari</translation>
    </message>
    <message>
        <source>Official/Government Identifiers</source>
        <translation>Identificativi ufficiali</translation>
    </message>
    <message>
        <source>Government Services</source>
        <translation>Servizi pubblici</translation>
    </message>
    <message>
        <source>Judicial</source>
        <translation>Giudiziari</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Beni</translation>
    </message>
    <message>
        <source>Employee Personal Information</source>
        <translation>Dati lavorativi</translation>
    </message>
    <message>
        <source>Psychological/Attitudinal</source>
        <translation>Psicologici/Atteggiamenti</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Appartenenza</translation>
    </message>
    <message>
        <source>Behavioral</source>
        <translation>Comportamento</translation>
    </message>
    <message>
        <source>Profiling</source>
        <translation>Profilazione</translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <source>Tell the vendors?</source>
        <translation>Avvisare i venditori?</translation>
    </message>
    <message>
        <source>You changed &lt;b&gt;%1&lt;/b&gt;. These vendors hold it under a consent you gave. Send them the new value? Each gets it signed, with its consent receipt, and only for that consent&apos;s purposes.</source>
        <translation>Hai modificato &lt;b&gt;%1&lt;/b&gt;. Questi venditori lo conservano in base a un consenso che hai dato. Inviare loro il nuovo valore? Ciascuno lo riceve firmato, con la sua ricevuta di consenso, e solo per le finalità di quel consenso.</translation>
    </message>
    <message>
        <source> (consent of %1)</source>
        <translation> (consenso di %1)</translation>
    </message>
    <message>
        <source>%1, consent %2</source>
        <translation>%1, consenso %2</translation>
    </message>
    <message>
        <source>&amp;Send the new value</source>
        <translation>&amp;Invia il nuovo valore</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Non inviare</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Edit proposal</source>
        <translation>Modifica proposta</translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation>Nuova proposta</translation>
    </message>
    <message>
        <source>empty: whichever vendor accepts</source>
        <translation>vuoto: qualunque venditore accetti</translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation>Numero di acquisti</translation>
    </message>
    <message>
        <source>Amount spent</source>
        <translation>Importo speso</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>All&apos;anno</translation>
    </message>
    <message>
        <source>Over the whole validity</source>
        <translation>Per tutta la validità</translation>
    </message>
    <message>
        <source>Percent discount</source>
        <translation>Sconto percentuale</translation>
    </message>
    <message>
        <source>Free delivery</source>
        <translation>Consegna gratuita</translation>
    </message>
    <message>
        <source>Price match</source>
        <translation>Allineamento del prezzo</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>Moltiplicatore di punti</translation>
    </message>
    <message>
        <source>e.g. 5 (%) or 2 (×)</source>
        <translation>es. 5 (%) o 2 (×)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titolo:</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Venditore:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <source>I commit to:</source>
        <translation>Il mio impegno:</translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation>Acquisti:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Importo:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Valuta:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>In return for:</source>
        <translation>In cambio di:</translation>
    </message>
    <message>
        <source>Reward value:</source>
        <translation>Valore del premio:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Valida &amp;dal:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Valida &amp;fino al:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Stato:</translation>
    </message>
</context>
<context>
    <name>ProposalRow</name>
    <message>
        <source>This period: %1 – %2</source>
        <translation>Questo periodo: %1 – %2</translation>
    </message>
    <message>
        <source>Today is outside this proposal&apos;s validity.</source>
        <translation>Oggi è fuori dal periodo di validità di questa proposta.</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>acquisti</translation>
    </message>
    <message>
        <source>%1: %2 of %3 %4</source>
        <translation>%1: %2 su %3 %4</translation>
    </message>
    <message>
        <source>No purchases recorded in this period yet.</source>
        <translation>Ancora nessun acquisto registrato in questo periodo.</translation>
    </message>
    <message>
        <source>Record purchase…</source>
        <translation>Registra acquisto…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Elimina…</translation>
    </message>
    <message>
        <source>%1 purchases</source>
        <translation>%1 acquisti</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>all&apos;anno</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>in totale</translation>
    </message>
    <message>
        <source>%1% discount</source>
        <translation>sconto del %1%</translation>
    </message>
    <message>
        <source>free delivery</source>
        <translation>consegna gratuita</translation>
    </message>
    <message>
        <source>price match</source>
        <translation>allineamento del prezzo</translation>
    </message>
    <message>
        <source>%1× points</source>
        <translation>punti ×%1</translation>
    </message>
    <message>
        <source>any vendor</source>
        <translation>qualsiasi venditore</translation>
    </message>
    <message>
        <source>I commit to %1 %2 in %3 with %4, for %5. Valid %6 – %7.</source>
        <translation>Mi impegno per %1 %2 in %3 con %4, in cambio di %5. Validità: %6 – %7.</translation>
    </message>
</context>
<context>
    <name>ProposalStatus</name>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>active</source>
        <translation>attiva</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>ritirata</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record</source>
        <translation>Registra</translation>
    </message>
    <message>
        <source>Record purchase</source>
        <translation>Registra acquisto</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Venditore:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Importo:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <source>Name the vendor.</source>
        <translation>Indica il venditore.</translation>
    </message>
    <message>
        <source>Write the amount like 12.50.</source>
        <translation>Scrivi l&apos;importo così: 12.50.</translation>
    </message>
</context>
<context>
    <name>Purpose</name>
    <message>
        <source>Core Function</source>
        <translation>Funzione principale</translation>
    </message>
    <message>
        <source>to carry out the core functions of their service</source>
        <translation>per svolgere le funzioni principali del loro servizio</translation>
    </message>
    <message>
        <source>Contracted Service</source>
        <translation>Servizio contrattato</translation>
    </message>
    <message>
        <source>to provide the service or goods you ordered</source>
        <translation>per fornire il servizio o i beni che hai ordinato</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>to deliver physical goods to you</source>
        <translation>per consegnarti beni fisici</translation>
    </message>
    <message>
        <source>Contact Requested</source>
        <translation>Contatto richiesto</translation>
    </message>
    <message>
        <source>to contact you about what you asked for</source>
        <translation>per contattarti su ciò che hai chiesto</translation>
    </message>
    <message>
        <source>Personalized Experience</source>
        <translation>Esperienza personalizzata</translation>
    </message>
    <message>
        <source>to personalise their service for you</source>
        <translation>per personalizzare il loro servizio per te</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>to tell you about their other products</source>
        <translation>per parlarti dei loro altri prodotti</translation>
    </message>
    <message>
        <source>Marketing Third Parties</source>
        <translation>Marketing di terzi</translation>
    </message>
    <message>
        <source>to tell you about other companies&apos; products</source>
        <translation>per parlarti dei prodotti di altre aziende</translation>
    </message>
    <message>
        <source>Sharing for Delivery</source>
        <translation>Condivisione per la consegna</translation>
    </message>
    <message>
        <source>to pass it to companies that deliver on their behalf</source>
        <translation>per passarli ad aziende che consegnano per loro conto</translation>
    </message>
    <message>
        <source>Sharing for Marketing</source>
        <translation>Condivisione per il marketing</translation>
    </message>
    <message>
        <source>to pass it to other companies for their marketing</source>
        <translation>per passarli ad altre aziende per il loro marketing</translation>
    </message>
    <message>
        <source>3rd Party Sharing for Core Function</source>
        <translation>Condivisione con terzi per la funzione principale</translation>
    </message>
    <message>
        <source>to pass it to other companies to serve you</source>
        <translation>per passarli ad altre aziende che ti servono</translation>
    </message>
    <message>
        <source>3rd Party Sharing for Others</source>
        <translation>Condivisione con terzi per altri scopi</translation>
    </message>
    <message>
        <source>to pass it to other companies to serve others</source>
        <translation>per passarli ad altre aziende per servire altri</translation>
    </message>
    <message>
        <source>Legally Required Data Retention</source>
        <translation>Conservazione richiesta dalla legge</translation>
    </message>
    <message>
        <source>to keep records the law requires</source>
        <translation>per conservare le registrazioni richieste dalla legge</translation>
    </message>
    <message>
        <source>Required by Law Enforcement or Government</source>
        <translation>Richiesto dalle autorità</translation>
    </message>
    <message>
        <source>to give it to authorities when the law requires</source>
        <translation>per darli alle autorità quando la legge lo richiede</translation>
    </message>
    <message>
        <source>Protecting Your Health</source>
        <translation>Protezione della tua salute</translation>
    </message>
    <message>
        <source>to protect your vital or health interests</source>
        <translation>per proteggere i tuoi interessi vitali o di salute</translation>
    </message>
    <message>
        <source>Protecting Our Interests</source>
        <translation>Protezione dei loro interessi</translation>
    </message>
    <message>
        <source>to protect their legitimate interests (fraud, security)</source>
        <translation>per proteggere i loro interessi legittimi (frodi, sicurezza)</translation>
    </message>
    <message>
        <source>Improve Performance</source>
        <translation>Miglioramento del servizio</translation>
    </message>
    <message>
        <source>to measure or improve their service</source>
        <translation>per misurare o migliorare il loro servizio</translation>
    </message>
</context>
<context>
    <name>QrCodeLabel</name>
    <message>
        <source>QR code</source>
        <translation>Codice QR</translation>
    </message>
</context>
<context>
    <name>Region</name>
    <message>
        <source>Spain</source>
        <translation>Spagna</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portogallo</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Germania</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Austria</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Svizzera</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgio</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Paesi Bassi</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Regno Unito</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Stati Uniti</translation>
    </message>
    <message>
        <source>Andalusia</source>
        <translation>Andalusia</translation>
    </message>
    <message>
        <source>Aragon</source>
        <translation>Aragona</translation>
    </message>
    <message>
        <source>Asturias</source>
        <translation>Asturie</translation>
    </message>
    <message>
        <source>Balearic Islands</source>
        <translation>Isole Baleari</translation>
    </message>
    <message>
        <source>Basque Country</source>
        <translation>Paesi Baschi</translation>
    </message>
    <message>
        <source>Canary Islands</source>
        <translation>Isole Canarie</translation>
    </message>
    <message>
        <source>Cantabria</source>
        <translation>Cantabria</translation>
    </message>
    <message>
        <source>Castile and León</source>
        <translation>Castiglia e León</translation>
    </message>
    <message>
        <source>Castilla–La Mancha</source>
        <translation>Castiglia-La Mancia</translation>
    </message>
    <message>
        <source>Catalonia</source>
        <translation>Catalogna</translation>
    </message>
    <message>
        <source>Ceuta</source>
        <translation>Ceuta</translation>
    </message>
    <message>
        <source>Extremadura</source>
        <translation>Estremadura</translation>
    </message>
    <message>
        <source>Galicia</source>
        <translation>Galizia</translation>
    </message>
    <message>
        <source>La Rioja</source>
        <translation>La Rioja</translation>
    </message>
    <message>
        <source>Madrid</source>
        <translation>Madrid</translation>
    </message>
    <message>
        <source>Melilla</source>
        <translation>Melilla</translation>
    </message>
    <message>
        <source>Murcia</source>
        <translation>Murcia</translation>
    </message>
    <message>
        <source>Navarre</source>
        <translation>Navarra</translation>
    </message>
    <message>
        <source>Valencian Community</source>
        <translation>Comunità Valenciana</translation>
    </message>
    <message>
        <source>Abruzzo</source>
        <translation>Abruzzo</translation>
    </message>
    <message>
        <source>Basilicata</source>
        <translation>Basilicata</translation>
    </message>
    <message>
        <source>Calabria</source>
        <translation>Calabria</translation>
    </message>
    <message>
        <source>Campania</source>
        <translation>Campania</translation>
    </message>
    <message>
        <source>Emilia-Romagna</source>
        <translation>Emilia-Romagna</translation>
    </message>
    <message>
        <source>Friuli-Venezia Giulia</source>
        <translation>Friuli-Venezia Giulia</translation>
    </message>
    <message>
        <source>Lazio</source>
        <translation>Lazio</translation>
    </message>
    <message>
        <source>Liguria</source>
        <translation>Liguria</translation>
    </message>
    <message>
        <source>Lombardy</source>
        <translation>Lombardia</translation>
    </message>
    <message>
        <source>Marche</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Molise</source>
        <translation>Molise</translation>
    </message>
    <message>
        <source>Piedmont</source>
        <translation>Piemonte</translation>
    </message>
    <message>
        <source>Apulia</source>
        <translation>Puglia</translation>
    </message>
    <message>
        <source>Sardinia</source>
        <translation>Sardegna</translation>
    </message>
    <message>
        <source>Sicily</source>
        <translation>Sicilia</translation>
    </message>
    <message>
        <source>Tuscany</source>
        <translation>Toscana</translation>
    </message>
    <message>
        <source>Trentino-South Tyrol</source>
        <translation>Trentino-Alto Adige</translation>
    </message>
    <message>
        <source>Umbria</source>
        <translation>Umbria</translation>
    </message>
    <message>
        <source>Aosta Valley</source>
        <translation>Valle d&apos;Aosta</translation>
    </message>
    <message>
        <source>Veneto</source>
        <translation>Veneto</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>RelayGroup</name>
    <message>
        <source>Market</source>
        <translation>Mercato</translation>
    </message>
    <message>
        <source>Market relay</source>
        <translation>Relay del mercato</translation>
    </message>
    <message>
        <source>Intentions you cast to the market go to this relay, where vendors you never met can answer with offers only you can read. Leave it empty to send intentions to your vendors only. A relay on another computer needs a tls:// address.</source>
        <translation>Le intenzioni che lanci sul mercato vanno a questo relay, dove venditori che non hai mai incontrato possono rispondere con offerte che solo tu puoi leggere. Lascialo vuoto per inviare le intenzioni solo ai tuoi venditori. Un relay su un altro computer richiede un indirizzo tls://.</translation>
    </message>
    <message>
        <source>Relay:</source>
        <translation>Relay:</translation>
    </message>
    <message>
        <source>Relay saved.</source>
        <translation>Relay salvato.</translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message numerus="yes">
        <source>%n message(s) to %1 keep failing.</source>
        <translation>
            <numerusform>%n messaggio a %1 continua a non arrivare.</numerusform>
            <numerusform>%n messaggi a %1 continuano a non arrivare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) for “%1” wait for your decision.</source>
        <translation>
            <numerusform>%n offerta per «%1» attende la tua decisione.</numerusform>
            <numerusform>%n offerte per «%1» attendono la tua decisione.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) need your attention</source>
        <translation>
            <numerusform>%n cosa richiede la tua attenzione</numerusform>
            <numerusform>%n cose richiedono la tua attenzione</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Your consent to %1 ends on %2.</source>
        <translation>Il tuo consenso a %1 termina il %2.</translation>
    </message>
    <message>
        <source>Your %1 card expired on %2.</source>
        <translation>La tua carta %1 è scaduta il %2.</translation>
    </message>
    <message>
        <source>Your %1 card expires on %2.</source>
        <translation>La tua carta %1 scade il %2.</translation>
    </message>
    <message>
        <source>%1 has not confirmed that it stopped using your data (you revoked the consent on %2).</source>
        <translation>%1 non ha confermato di aver smesso di usare i tuoi dati (hai revocato il consenso il %2).</translation>
    </message>
    <message>
        <source>Open the consent</source>
        <translation>Apri il consenso</translation>
    </message>
    <message>
        <source>Open the card</source>
        <translation>Apri la carta</translation>
    </message>
    <message>
        <source>See the messages</source>
        <translation>Vedi i messaggi</translation>
    </message>
    <message>
        <source>See the offers</source>
        <translation>Vedi le offerte</translation>
    </message>
    <message>
        <source>A consent you gave ends soon.</source>
        <translation>Un consenso che hai dato termina presto.</translation>
    </message>
    <message>
        <source>A loyalty card expires soon or has expired.</source>
        <translation>Una carta fedeltà scade presto o è scaduta.</translation>
    </message>
    <message>
        <source>A vendor has not confirmed the end of a consent.</source>
        <translation>Un venditore non ha confermato la fine di un consenso.</translation>
    </message>
    <message>
        <source>Messages to a vendor keep failing.</source>
        <translation>I messaggi a un venditore continuano a non arrivare.</translation>
    </message>
    <message>
        <source>New offers wait for your decision.</source>
        <translation>Nuove offerte attendono la tua decisione.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Ask for erasure (GDPR Art. 17)</source>
        <translation>Chiedi la cancellazione (art. 17 GDPR)</translation>
    </message>
    <message>
        <source>Ask what they hold (GDPR Art. 15)</source>
        <translation>Chiedi quali dati conservano (art. 15 GDPR)</translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; to erase the personal data you gave it through this wallet, naming the fields (never their values) and your consent receipts. It is signed with the key those receipts name, so the vendor can check it comes from you. The wallet keeps a copy; you send it.</source>
        <translation>Una lettera che chiede a &lt;b&gt;%1&lt;/b&gt; di cancellare i dati personali che gli hai dato tramite questo wallet, indicando i campi (mai i loro valori) e le tue ricevute di consenso. È firmata con la chiave indicata in quelle ricevute, così il venditore può verificare che viene da te. Il wallet ne conserva una copia; sei tu a inviarla.</translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; what personal data it holds about you and why. The wallet keeps a copy; you send it.</source>
        <translation>Una lettera che chiede a &lt;b&gt;%1&lt;/b&gt; quali dati personali conserva su di te e perché. Il wallet ne conserva una copia; sei tu a inviarla.</translation>
    </message>
    <message>
        <source>&amp;Write the request</source>
        <translation>&amp;Scrivi la richiesta</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <source>The letter appears here once written.</source>
        <translation>La lettera compare qui una volta scritta.</translation>
    </message>
    <message>
        <source>&amp;Copy the letter</source>
        <translation>&amp;Copia la lettera</translation>
    </message>
    <message>
        <source>Open in &amp;e-mail…</source>
        <translation>Apri nella &amp;posta elettronica…</translation>
    </message>
    <message>
        <source>&amp;Save signed JSON…</source>
        <translation>Sal&amp;va JSON firmato…</translation>
    </message>
    <message>
        <source>Send it to %1.</source>
        <translation>Inviala a %1.</translation>
    </message>
    <message>
        <source>The vendor publishes no e-mail address; its contact is %1.</source>
        <translation>Il venditore non pubblica un indirizzo email; il suo contatto è %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) to this vendor are still active: revoke them too, so the wallet sends no more updates and the vendor gets a signed revocation.</source>
        <translation>
            <numerusform>%n consenso a questo venditore è ancora attivo: revocalo anche, così il wallet non invia altri aggiornamenti e il venditore riceve una revoca firmata.</numerusform>
            <numerusform>%n consensi a questo venditore sono ancora attivi: revocali anche, così il wallet non invia altri aggiornamenti e il venditore riceve una revoca firmata.</numerusform>
        </translation>
    </message>
    <message>
        <source>The letter is on the clipboard; it is cleared in %1 s.</source>
        <translation>La lettera è negli appunti; verrà cancellata tra %1 s.</translation>
    </message>
    <message>
        <source>No e-mail app could be opened; copy the letter.</source>
        <translation>Non è stato possibile aprire un&apos;app di posta; copia la lettera.</translation>
    </message>
    <message>
        <source>Save the signed request</source>
        <translation>Salva la richiesta firmata</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Salvata in %1.</translation>
    </message>
</context>
<context>
    <name>ScreenLockWatcher</name>
    <message>
        <source>This build of Qt has no D-Bus support.</source>
        <translation>Questa versione di Qt non supporta D-Bus.</translation>
    </message>
    <message>
        <source>No desktop session bus (D-Bus) was found, so the screen lock cannot be noticed.</source>
        <translation>Non è stato trovato un bus di sessione del desktop (D-Bus), quindi il blocco dello schermo non può essere rilevato.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>Come il sistema (%1)</translation>
    </message>
    <message>
        <source>Language of the interface:</source>
        <translation>Lingua dell&apos;interfaccia:</translation>
    </message>
    <message>
        <source>Locking and clipboard</source>
        <translation>Blocco e appunti</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock when the screen locks</source>
        <translation>Blocca quando si blocca lo schermo</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>Blocca dopo questo tempo di inattività:</translation>
    </message>
    <message>
        <source>Clear copied values after:</source>
        <translation>Svuota i valori copiati dopo:</translation>
    </message>
    <message>
        <source>Remind me before a consent or card ends:</source>
        <translation>Avvisami prima che finisca un consenso o una carta:</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Questo dispositivo</translation>
    </message>
    <message>
        <source>Remember on this device (unlock with the OS keyring)</source>
        <translation>Ricorda su questo dispositivo (sblocco con il portachiavi del sistema)</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>Verifica del portachiavi del sistema…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambia passphrase…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Esegui backup…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Ripristina da backup…</translation>
    </message>
    <message>
        <source>A backup is encrypted like the vault and opens with the same passphrase or recovery key. Keep one away from this computer.</source>
        <translation>Un backup è cifrato come la cassaforte e si apre con la stessa passphrase o chiave di recupero. Conservane uno lontano da questo computer.</translation>
    </message>
    <message>
        <source>Vault health</source>
        <translation>Stato della cassaforte</translation>
    </message>
    <message>
        <source>Check vault…</source>
        <translation>Controlla cassaforte…</translation>
    </message>
    <message>
        <source>Reads every page of the vault and checks the header, the database, the activity log and the outbox, without changing anything.</source>
        <translation>Legge ogni pagina della cassaforte e controlla l&apos;intestazione, il database, il registro attività e la posta in uscita, senza modificare nulla.</translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase. You are still asked for it every two weeks so you do not forget it.</source>
        <translation>Sblocca senza digitare la passphrase. Ti verrà comunque chiesta ogni due settimane, così non la dimentichi.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Impostazioni salvate.</translation>
    </message>
    <message>
        <source>This device now remembers the vault.</source>
        <translation>Questo dispositivo ora ricorda la cassaforte.</translation>
    </message>
    <message>
        <source>This device no longer remembers the vault.</source>
        <translation>Questo dispositivo non ricorda più la cassaforte.</translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation>La tua passphrase è stata cambiata.</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>Esegui il backup della cassaforte</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Scrittura del backup…</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>Backup salvato in %1</translation>
    </message>
    <message>
        <source>VRM Wallet backup (*.zip);;All files (*)</source>
        <translation>Backup di VRM Wallet (*.zip);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Ripristina un backup</translation>
    </message>
    <message>
        <source>Passphrase of the backup %1:</source>
        <translation>Passphrase del backup %1:</translation>
    </message>
    <message>
        <source>Replace the current vault?</source>
        <translation>Sostituire la cassaforte attuale?</translation>
    </message>
    <message>
        <source>Lock and restore</source>
        <translation>Blocca e ripristina</translation>
    </message>
    <message>
        <source>The vault will be locked, and the backup restored in its place.

The current vault is not deleted: it will be moved aside to
%1

Then unlock with the backup&apos;s passphrase.</source>
        <translation>La cassaforte verrà bloccata e al suo posto verrà ripristinato il backup.

La cassaforte attuale non viene eliminata: verrà spostata in
%1

Poi sblocca con la passphrase del backup.</translation>
    </message>
    <message>
        <source>Checking the vault…</source>
        <translation>Controllo della cassaforte…</translation>
    </message>
    <message>
        <source>All %1 checks passed.</source>
        <translation>Tutti i %1 controlli superati.</translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problem(s); the list above says what to do.</source>
        <translation>
            <numerusform>Il controllo ha trovato %n problema; l&apos;elenco qui sopra dice cosa fare.</numerusform>
            <numerusform>Il controllo ha trovato %n problemi; l&apos;elenco qui sopra dice cosa fare.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StandardField</name>
    <message>
        <source>Given name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Data di nascita</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Indirizzo email</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Numero di telefono</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Indirizzo postale</translation>
    </message>
    <message>
        <source>Clothing size</source>
        <translation>Taglia di abbigliamento</translation>
    </message>
    <message>
        <source>Shoe size</source>
        <translation>Numero di scarpe</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Dietary preferences</source>
        <translation>Preferenze alimentari</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Lingua preferita</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: type a passphrase</source>
        <translation>Robustezza: digita una passphrase</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>molto debole</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>debole</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>discreta</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>robusta</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>molto robusta</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Robustezza: %1</translation>
    </message>
</context>
<context>
    <name>TermsChanges</name>
    <message>
        <source>English</source>
        <translation>inglese</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>spagnolo</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>no standard agreement</source>
        <translation>nessun accordo standard</translation>
    </message>
    <message>
        <source>a standard agreement this app does not know</source>
        <translation>un accordo standard che questa applicazione non conosce</translation>
    </message>
    <message>
        <source>Language of the terms: %1 → %2</source>
        <translation>Lingua delle condizioni: %1 → %2</translation>
    </message>
    <message>
        <source>Agreement: %1 → %2</source>
        <translation>Accordo: %1 → %2</translation>
    </message>
    <message>
        <source>Free-text clause added: “%1”</source>
        <translation>Clausola a testo libero aggiunta: «%1»</translation>
    </message>
    <message>
        <source>Free-text clause removed: “%1”</source>
        <translation>Clausola a testo libero tolta: «%1»</translation>
    </message>
    <message>
        <source>Free-text clause changed: “%1”</source>
        <translation>Clausola a testo libero modificata: «%1»</translation>
    </message>
    <message>
        <source>a clause this app does not know</source>
        <translation>una clausola che questa applicazione non conosce</translation>
    </message>
    <message>
        <source>Clause added: %1</source>
        <translation>Clausola aggiunta: %1</translation>
    </message>
    <message>
        <source>Clause removed: %1</source>
        <translation>Clausola tolta: %1</translation>
    </message>
    <message>
        <source>Clause changed: %1 (%2)</source>
        <translation>Clausola modificata: %1 (%2)</translation>
    </message>
    <message>
        <source>a setting</source>
        <translation>un&apos;impostazione</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>Compose</source>
        <translation>Componi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Accordi</translation>
    </message>
    <message>
        <source>The language of the preview and of your free text</source>
        <translation>La lingua dell&apos;anteprima e del tuo testo libero</translation>
    </message>
    <message>
        <source>The standard agreement (IEEE 7012 roster) you proffer to vendors</source>
        <translation>L&apos;accordo standard (elenco IEEE 7012) che proponi ai venditori</translation>
    </message>
    <message>
        <source>No standard agreement (clauses only)</source>
        <translation>Nessun accordo standard (solo clausole)</translation>
    </message>
    <message>
        <source>A clause in your own words…</source>
        <translation>Una clausola con parole tue…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Accordo</translation>
    </message>
    <message>
        <source>Standard clauses added to it</source>
        <translation>Clausole standard aggiunte</translation>
    </message>
    <message>
        <source>Free-text clauses (kept as you write them)</source>
        <translation>Clausole a testo libero (mantenute come le scrivi)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Salva come nuova versione</translation>
    </message>
    <message>
        <source>Sign these terms and keep them as a new version</source>
        <translation>Firma queste condizioni e conservale come nuova versione</translation>
    </message>
    <message>
        <source>Preview in</source>
        <translation>Anteprima in</translation>
    </message>
    <message>
        <source>Hash and signing key of the selected version</source>
        <translation>Hash e chiave di firma della versione scelta</translation>
    </message>
    <message>
        <source>Si&amp;gnature details</source>
        <translation>Dettagli della &amp;firma</translation>
    </message>
    <message>
        <source>Show the selected version&apos;s hash and signing key</source>
        <translation>Mostra l&apos;hash e la chiave di firma della versione selezionata</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Save the selected version as signed JSON</source>
        <translation>Salva la versione selezionata come JSON firmato</translation>
    </message>
    <message>
        <source>Edit as new version</source>
        <translation>Modifica come nuova versione</translation>
    </message>
    <message>
        <source>Load the selected version into the clause picker</source>
        <translation>Carica la versione selezionata nella scelta delle clausole</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Versioni salvate</translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation>Confronta la versione</translation>
    </message>
    <message>
        <source>with version</source>
        <translation>con la versione</translation>
    </message>
    <message>
        <source>Pick an agreement or clauses on the left to see your terms here.</source>
        <translation>Scegli un accordo o delle clausole a sinistra per vedere qui le tue condizioni.</translation>
    </message>
    <message>
        <source>Same as your saved version %1</source>
        <translation>Uguale alla tua versione salvata %1</translation>
    </message>
    <message>
        <source>Saved and signed version %1 (its hash and key are in History).</source>
        <translation>Versione %1 salvata e firmata (hash e chiave sono in Cronologia).</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3 clauses</source>
        <translation>Versione %1 · %2 · clausole: %3</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versione %1</translation>
    </message>
    <message>
        <source>No saved version yet.</source>
        <translation>Ancora nessuna versione salvata.</translation>
    </message>
    <message>
        <source>SHA-256: %1
Signed by key: %2
Key id (kid): %3</source>
        <translation>SHA-256: %1
Firmata con la chiave: %2
Id della chiave (kid): %3</translation>
    </message>
    <message>
        <source>Save two versions to compare them.</source>
        <translation>Salva due versioni per confrontarle.</translation>
    </message>
    <message>
        <source>No differences in the clauses.</source>
        <translation>Nessuna differenza nelle clausole.</translation>
    </message>
    <message>
        <source>Export terms</source>
        <translation>Esporta condizioni</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported version %1 to %2.</source>
        <translation>Versione %1 esportata in %2.</translation>
    </message>
</context>
<context>
    <name>TillView</name>
    <message>
        <source>%1 at the till</source>
        <translation>%1 alla cassa</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Numero della carta</translation>
    </message>
    <message>
        <source>Press any key or click to close. If the scanner cannot read it, turn up your screen&apos;s brightness: this app cannot change it.</source>
        <translation>Premi un tasto qualsiasi o fai clic per chiudere. Se il lettore non riesce a leggerlo, alza la luminosità dello schermo: questa app non può cambiarla.</translation>
    </message>
    <message>
        <source>This app cannot draw %1 codes; show the number instead.</source>
        <translation>Questa app non può disegnare codici %1; mostra invece il numero.</translation>
    </message>
    <message>
        <source>Scannable code of %1</source>
        <translation>Codice scansionabile di %1</translation>
    </message>
    <message>
        <source>⚠ This card expired on %1</source>
        <translation>⚠ Questa carta è scaduta il %1</translation>
    </message>
    <message>
        <source>⚠ This card expires on %1</source>
        <translation>⚠ Questa carta scade il %1</translation>
    </message>
    <message>
        <source>The window is too small to draw this code.</source>
        <translation>La finestra è troppo piccola per disegnare questo codice.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>VRM Wallet: locked</source>
        <translation>VRM Wallet: cassaforte bloccata</translation>
    </message>
    <message numerus="yes">
        <source>VRM Wallet: %n reminder(s) due</source>
        <translation>
            <numerusform>VRM Wallet: %n promemoria in attesa</numerusform>
            <numerusform>VRM Wallet: %n promemoria in attesa</numerusform>
        </translation>
    </message>
    <message>
        <source>VRM Wallet: nothing due</source>
        <translation>VRM Wallet: niente in attesa</translation>
    </message>
    <message>
        <source>VRM Wallet is still running</source>
        <translation>VRM Wallet è ancora attivo</translation>
    </message>
    <message>
        <source>Open it or quit it from its icon in the tray. The vault locks by itself as set in Settings.</source>
        <translation>Aprilo o chiudilo dalla sua icona nell&apos;area di notifica. La cassaforte si blocca da sola come impostato nelle Impostazioni.</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Open VRM Wallet</source>
        <translation>Apri VRM Wallet</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Blocca ora</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
</context>
<context>
    <name>UndeliveredMessages</name>
    <message>
        <source>Messages that could not be delivered</source>
        <translation>Messaggi che non è stato possibile consegnare</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Riprova</translation>
    </message>
    <message>
        <source>Send again the selected messages the wallet could not handle (all of them when none is selected)</source>
        <translation>Invia di nuovo i messaggi selezionati che il wallet non è riuscito a gestire (tutti, se nessuno è selezionato)</translation>
    </message>
    <message>
        <source>could not be handled</source>
        <translation>non è stato possibile gestirlo</translation>
    </message>
    <message>
        <source>answer could not be read</source>
        <translation>risposta illeggibile</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>non consegnato</translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation>venditore disattivato</translation>
    </message>
    <message>
        <source>waiting behind one that could not be handled</source>
        <translation>in attesa dietro uno che non è stato possibile gestire</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued again; they are sent with the next delivery.</source>
        <translation>
            <numerusform>%n messaggio è di nuovo in coda; viene inviato con la prossima consegna.</numerusform>
            <numerusform>%n messaggi sono di nuovo in coda; vengono inviati con la prossima consegna.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock your vault</source>
        <translation>Sblocca la tua cassaforte</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>Cassaforte: %1</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>La tua passphrase</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is: %1</source>
        <translation>Questa è la cassaforte demo. La sua passphrase è: %1</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Sblocca</translation>
    </message>
    <message>
        <source>Unlock with this device&apos;s keyring</source>
        <translation>Sblocca con il portachiavi di questo dispositivo</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use recovery key</source>
        <translation>Hai dimenticato la passphrase? Usa la chiave di recupero</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Type the recovery key you saved when you created the vault, then choose a new passphrase. Your data stays as it is.</source>
        <translation>Digita la chiave di recupero che hai salvato quando hai creato la cassaforte, poi scegli una nuova passphrase. I tuoi dati restano come sono.</translation>
    </message>
    <message>
        <source>Set new passphrase and unlock</source>
        <translation>Imposta la nuova passphrase e sblocca</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Chiave di recupero:</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Digita prima la tua passphrase.</translation>
    </message>
</context>
<context>
    <name>VaultRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Errore imprevisto: %1</translation>
    </message>
</context>
<context>
    <name>VendorsModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Impronta della chiave</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>refused key: remove and add again</source>
        <translation>chiave rifiutata: rimuovi e aggiungi di nuovo</translation>
    </message>
    <message>
        <source>Key change pending</source>
        <translation>Cambio di chiave in sospeso</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disattivato</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>New key, not trusted until you approve it: %1</source>
        <translation>Nuova chiave, non attendibile finché non la approvi: %1</translation>
    </message>
</context>
<context>
    <name>VendorsPage</name>
    <message>
        <source>Vendors you send intentions to. Each vendor&apos;s key is pinned when you add it; if it ever changes, nothing from the new key is trusted until you approve it.</source>
        <translation>I venditori a cui invii le intenzioni. La chiave di ogni venditore viene fissata quando lo aggiungi; se cambia, nulla di ciò che arriva con la nuova chiave è considerato attendibile finché non la approvi.</translation>
    </message>
    <message>
        <source>Vendor address, e.g. https://shop.example or its vrm-vendor.json URL</source>
        <translation>Indirizzo del venditore, es. https://shop.example o l&apos;URL del suo vrm-vendor.json</translation>
    </message>
    <message>
        <source>&amp;Add from URL…</source>
        <translation>&amp;Aggiungi da URL…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendors yet&lt;/h3&gt;&lt;p&gt;Type a vendor&apos;s address above and choose &lt;i&gt;Add from URL&lt;/i&gt;, or import a vendor list.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ancora nessun venditore&lt;/h3&gt;&lt;p&gt;Scrivi qui sopra l&apos;indirizzo di un venditore e scegli &lt;i&gt;Aggiungi da URL&lt;/i&gt;, oppure importa un elenco di venditori.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A&amp;pprove new key…</source>
        <translation>A&amp;pprova la nuova chiave…</translation>
    </message>
    <message>
        <source>Trust the new key the selected vendor presented (shows both fingerprints)</source>
        <translation>Considera attendibile la nuova chiave presentata dal venditore selezionato (mostra entrambe le impronte)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Rimuovi…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Fetching the vendor&apos;s details from %1…</source>
        <translation>Recupero dei dati del venditore da %1…</translation>
    </message>
    <message>
        <source>%1 is already in your vendors with this key; nothing changed.</source>
        <translation>%1 è già tra i tuoi venditori con questa chiave; nulla è cambiato.</translation>
    </message>
    <message>
        <source>Not added: you did not trust the key.</source>
        <translation>Non aggiunto: non hai considerato attendibile la chiave.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 aggiunto.</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>%1 aggiornato.</translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT key than the one you pinned, so it was not trusted. If the vendor confirms the change through another channel, select it and choose Approve new key.</source>
        <translation>%1 ora presenta una chiave DIVERSA da quella che hai fissato, quindi non è stata considerata attendibile. Se il venditore conferma il cambio attraverso un altro canale, selezionalo e scegli Approva la nuova chiave.</translation>
    </message>
    <message>
        <source>refused key</source>
        <translation>chiave rifiutata</translation>
    </message>
    <message>
        <source>%1 now uses its new key.</source>
        <translation>%1 ora usa la sua nuova chiave.</translation>
    </message>
    <message>
        <source>Remove vendor</source>
        <translation>Rimuovi venditore</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from your vendors? Messages not yet delivered to it are cancelled, and its key is forgotten.</source>
        <translation>Rimuovere %1 (%2) dai tuoi venditori? I messaggi non ancora consegnati vengono annullati e la sua chiave viene dimenticata.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 rimosso.</translation>
    </message>
    <message>
        <source>%1 undelivered messages were cancelled.</source>
        <translation>Messaggi non consegnati annullati: %1.</translation>
    </message>
    <message>
        <source>Import a vendor list</source>
        <translation>Importa un elenco di venditori</translation>
    </message>
    <message>
        <source>Vendor lists (*.json);;All files (*)</source>
        <translation>Elenchi di venditori (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Imported %1 new and %2 updated vendors; %3 refused.</source>
        <translation>Venditori importati: %1 nuovi e %2 aggiornati; rifiutati: %3.</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>Voce %1: %2</translation>
    </message>
    <message>
        <source>Export your vendors</source>
        <translation>Esporta i tuoi venditori</translation>
    </message>
    <message>
        <source>Vendor lists (*.json)</source>
        <translation>Elenchi di venditori (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 vendors to %2.</source>
        <translation>Venditori esportati: %1, in %2.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Remember on this device (OS keyring)</source>
        <translation>Ricorda su questo dispositivo (portachiavi del sistema)</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>Verifica del portachiavi del sistema…</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crea cassaforte</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Ripeti la passphrase</translation>
    </message>
    <message>
        <source>Welcome to VRM Wallet</source>
        <translation>Benvenuto in VRM Wallet</translation>
    </message>
    <message>
        <source>Your personal data stays in an encrypted vault on this computer. Choose a passphrase to lock it: a few random words are easy to remember and hard to guess. Nobody can reset it for you, so the next step gives you a recovery key.</source>
        <translation>I tuoi dati personali restano in una cassaforte cifrata su questo computer. Scegli una passphrase per chiuderla: qualche parola a caso è facile da ricordare e difficile da indovinare. Nessuno può reimpostarla al posto tuo, per questo il passo successivo ti dà una chiave di recupero.</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>Cassaforte: %1</translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase; it is still asked now and then.</source>
        <translation>Sblocca senza digitare la passphrase; ti verrà comunque chiesta di tanto in tanto.</translation>
    </message>
    <message>
        <source>This device could not remember the vault: %1</source>
        <translation>Questo dispositivo non ha potuto ricordare la cassaforte: %1</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Chiave di recupero</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Salva su file…</translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation>Ho salvato la mia chiave di recupero</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Save your recovery key</source>
        <translation>Salva la tua chiave di recupero</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way back into your vault. Print it, write it down or save it somewhere safe, away from this computer. It is shown only now.</source>
        <translation>Se dimentichi la passphrase, questa chiave è l&apos;unico modo per rientrare nella tua cassaforte. Stampala, scrivila o salvala in un posto sicuro, lontano da questo computer. Viene mostrata solo ora.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 seconds.</source>
        <translation>Copiata. Gli appunti verranno svuotati tra %1 secondi.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Salva la chiave di recupero</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>File di testo (*.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Saved to %1 (readable only by you).</source>
        <translation>Salvata in %1 (leggibile solo da te).</translation>
    </message>
    <message>
        <source>VRM Wallet recovery key</source>
        <translation>Chiave di recupero di VRM Wallet</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Creata: %1</translation>
    </message>
    <message>
        <source>Keep this safe: it unlocks your vault if you forget your passphrase.</source>
        <translation>Conservala con cura: sblocca la tua cassaforte se dimentichi la passphrase.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>My data</source>
        <translation>I miei dati</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Panoramica</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>Intenzioni</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consensi</translation>
    </message>
    <message>
        <source>My terms</source>
        <translation>Le mie condizioni</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fedeltà</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>Venditori</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Blocca</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Blocca la cassaforte (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>WorkspaceShortcuts</name>
    <message>
        <source>&amp;New intention…</source>
        <translation>&amp;Nuova intenzione…</translation>
    </message>
    <message>
        <source>&amp;Find on this page</source>
        <translation>&amp;Trova in questa pagina</translation>
    </message>
    <message>
        <source>This page has no search or filter.</source>
        <translation>Questa pagina non ha ricerca né filtro.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>intention_dialogs</name>
    <message>
        <source>Withdraw intention</source>
        <translation>Ritira l&apos;intenzione</translation>
    </message>
    <message>
        <source>Withdraw your intention for “%1”? Copies not yet delivered are cancelled, and vendors that received it are told it is withdrawn.</source>
        <translation>Ritirare la tua intenzione per «%1»? Le copie non ancora consegnate vengono annullate e ai venditori che l&apos;hanno ricevuta viene detto che è ritirata.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Ritira</translation>
    </message>
    <message>
        <source>Accept offer</source>
        <translation>Accetta l&apos;offerta</translation>
    </message>
    <message>
        <source>Accept %1&apos;s offer of “%2” for %3, delivered by %4? The vendor is told you accept it, and the other vendors that their offers were declined.</source>
        <translation>Accettare l&apos;offerta di %1 per «%2» a %3, consegnata entro il %4? Al venditore viene detto che la accetti, e agli altri venditori che le loro offerte sono state rifiutate.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation>Si è verificato un errore imprevisto: %1</translation>
    </message>
</context>
<context>
    <name>vendor_dialogs</name>
    <message>
        <source>Update the details of &lt;b&gt;%1&lt;/b&gt; (%2)? Its key is unchanged.</source>
        <translation>Aggiornare i dati di &lt;b&gt;%1&lt;/b&gt; (%2)? La sua chiave non cambia.</translation>
    </message>
    <message>
        <source>Add &lt;b&gt;%1&lt;/b&gt; (%2) to your vendors and trust its key?</source>
        <translation>Aggiungere &lt;b&gt;%1&lt;/b&gt; (%2) ai tuoi venditori e fidarti della sua chiave?</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Da: %1</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Impronta della chiave:</translation>
    </message>
    <message>
        <source>If the vendor publishes its fingerprint elsewhere (its shop, a receipt), check that they match. Messages to this vendor will be accepted only with this key.</source>
        <translation>Se il venditore pubblica la sua impronta altrove (il suo negozio, una ricevuta), controlla che coincidano. I messaggi di questo venditore saranno accettati solo con questa chiave.</translation>
    </message>
    <message>
        <source>Update vendor</source>
        <translation>Aggiorna il venditore</translation>
    </message>
    <message>
        <source>Add vendor</source>
        <translation>Aggiungi venditore</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Add and trust</source>
        <translation>Aggiungi e fidati</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) now presents a different key.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) ora presenta una chiave diversa.</translation>
    </message>
    <message>
        <source>Pinned key:</source>
        <translation>Chiave fissata:</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>Nuova chiave:</translation>
    </message>
    <message>
        <source>Trust it only if the vendor confirmed the change through another channel; someone impersonating the vendor would also present a new key.</source>
        <translation>Fidati solo se il venditore ha confermato il cambio attraverso un altro canale; chi si spacciasse per il venditore presenterebbe anch&apos;egli una nuova chiave.</translation>
    </message>
    <message>
        <source>Approve new key</source>
        <translation>Approva la nuova chiave</translation>
    </message>
    <message>
        <source>Trust the new key</source>
        <translation>Fidati della nuova chiave</translation>
    </message>
</context>
</TS>
