<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ActivityCounts</name>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n oferta</numerusform>
            <numerusform>%n ofertas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other offer(s) declined</source>
        <translation>
            <numerusform>%n oferta más rechazada</numerusform>
            <numerusform>%n ofertas más rechazadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queued for %n vendor(s)</source>
        <translation>
            <numerusform>en cola para %n vendedor</numerusform>
            <numerusform>en cola para %n vendedores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s) to tell</source>
        <translation>
            <numerusform>%n vendedor por avisar</numerusform>
            <numerusform>%n vendedores por avisar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vendor(s)</source>
        <translation>
            <numerusform>%n vendedor</numerusform>
            <numerusform>%n vendedores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n dato</numerusform>
            <numerusform>%n datos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) from %1</source>
        <translation>
            <numerusform>%n tarjeta desde %1</numerusform>
            <numerusform>%n tarjetas desde %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out</source>
        <translation>
            <numerusform>%n fila descartada</numerusform>
            <numerusform>%n filas descartadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n delivered</source>
        <translation>
            <numerusform>%1: %n entregado</numerusform>
            <numerusform>%1: %n entregados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Not completed</source>
        <translation>No completado</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Entry #%1 (%2)</source>
        <translation>Entrada n.º %1 (%2)</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Bóveda creada</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>Bóveda desbloqueada</translation>
    </message>
    <message>
        <source>Unlock attempt failed</source>
        <translation>Intento de desbloqueo fallido</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>Bóveda bloqueada</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <source>Passphrase reset with the recovery key</source>
        <translation>Frase de contraseña restablecida con la clave de recuperación</translation>
    </message>
    <message>
        <source>Remembered on this device</source>
        <translation>Recordada en este dispositivo</translation>
    </message>
    <message>
        <source>Forgotten on this device</source>
        <translation>Olvidada en este dispositivo</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>Copia de seguridad creada</translation>
    </message>
    <message>
        <source>Vault restored from a backup</source>
        <translation>Bóveda restaurada desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Ajustes cambiados</translation>
    </message>
    <message>
        <source>Field added</source>
        <translation>Campo añadido</translation>
    </message>
    <message>
        <source>Field updated</source>
        <translation>Campo actualizado</translation>
    </message>
    <message>
        <source>Field deleted</source>
        <translation>Campo eliminado</translation>
    </message>
    <message>
        <source>Field value revealed</source>
        <translation>Valor del campo mostrado</translation>
    </message>
    <message>
        <source>Field value copied</source>
        <translation>Valor del campo copiado</translation>
    </message>
    <message>
        <source>Fields imported</source>
        <translation>Campos importados</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Datos exportados</translation>
    </message>
    <message>
        <source>Activity log verified</source>
        <translation>Registro de actividad verificado</translation>
    </message>
    <message>
        <source>Activity log exported</source>
        <translation>Registro de actividad exportado</translation>
    </message>
    <message>
        <source>Terms saved as a new version</source>
        <translation>Condiciones guardadas como nueva versión</translation>
    </message>
    <message>
        <source>Terms exported</source>
        <translation>Condiciones exportadas</translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms stored</source>
        <translation>Aceptación de tus condiciones por el vendedor guardada</translation>
    </message>
    <message>
        <source>Vendor&apos;s acceptance of your terms refused</source>
        <translation>Aceptación de tus condiciones por el vendedor rechazada</translation>
    </message>
    <message>
        <source>Loyalty card added</source>
        <translation>Tarjeta de fidelización añadida</translation>
    </message>
    <message>
        <source>Loyalty card updated</source>
        <translation>Tarjeta de fidelización actualizada</translation>
    </message>
    <message>
        <source>Loyalty card deleted</source>
        <translation>Tarjeta de fidelización eliminada</translation>
    </message>
    <message>
        <source>Loyalty cards imported</source>
        <translation>Tarjetas de fidelización importadas</translation>
    </message>
    <message>
        <source>Loyalty cards exported</source>
        <translation>Tarjetas de fidelización exportadas</translation>
    </message>
    <message>
        <source>Loyalty proposal saved</source>
        <translation>Propuesta de fidelización guardada</translation>
    </message>
    <message>
        <source>Loyalty proposal deleted</source>
        <translation>Propuesta de fidelización eliminada</translation>
    </message>
    <message>
        <source>Purchase recorded for a proposal</source>
        <translation>Compra registrada para una propuesta</translation>
    </message>
    <message>
        <source>Vendor added</source>
        <translation>Vendedor añadido</translation>
    </message>
    <message>
        <source>Vendor details refreshed</source>
        <translation>Datos del vendedor actualizados</translation>
    </message>
    <message>
        <source>Vendor&apos;s changed key refused</source>
        <translation>Cambio de clave del vendedor rechazado</translation>
    </message>
    <message>
        <source>Vendor&apos;s new key approved</source>
        <translation>Nueva clave del vendedor aprobada</translation>
    </message>
    <message>
        <source>Vendor endpoint disabled</source>
        <translation>Punto de conexión del vendedor desactivado</translation>
    </message>
    <message>
        <source>Vendor removed</source>
        <translation>Vendedor eliminado</translation>
    </message>
    <message>
        <source>Vendors imported</source>
        <translation>Vendedores importados</translation>
    </message>
    <message>
        <source>Vendors exported</source>
        <translation>Vendedores exportados</translation>
    </message>
    <message>
        <source>Messages delivered to vendors</source>
        <translation>Mensajes entregados a los vendedores</translation>
    </message>
    <message>
        <source>Message delivered to a vendor</source>
        <translation>Mensaje entregado a un vendedor</translation>
    </message>
    <message>
        <source>Message delivery failed</source>
        <translation>Error al entregar el mensaje</translation>
    </message>
    <message>
        <source>Message not delivered: endpoint gone</source>
        <translation>Mensaje no entregado: el punto de conexión ya no existe</translation>
    </message>
    <message>
        <source>Intention created</source>
        <translation>Intención creada</translation>
    </message>
    <message>
        <source>Intention broadcast to vendors</source>
        <translation>Intención enviada a los vendedores</translation>
    </message>
    <message>
        <source>Intention withdrawn</source>
        <translation>Intención retirada</translation>
    </message>
    <message>
        <source>Intention expired</source>
        <translation>Intención caducada</translation>
    </message>
    <message>
        <source>Intention exported</source>
        <translation>Intención exportada</translation>
    </message>
    <message>
        <source>Offers received</source>
        <translation>Ofertas recibidas</translation>
    </message>
    <message>
        <source>Offer refused</source>
        <translation>Oferta rechazada</translation>
    </message>
    <message>
        <source>Offer accepted</source>
        <translation>Oferta aceptada</translation>
    </message>
    <message>
        <source>Offer ranking weights changed</source>
        <translation>Pesos de la clasificación de ofertas cambiados</translation>
    </message>
    <message>
        <source>Consent given (data queued for the vendor)</source>
        <translation>Consentimiento dado (datos en cola para el vendedor)</translation>
    </message>
    <message>
        <source>Vendor acknowledged (signed)</source>
        <translation>Acuse de recibo del vendedor (firmado)</translation>
    </message>
    <message>
        <source>Vendor answer refused</source>
        <translation>Respuesta del vendedor rechazada</translation>
    </message>
    <message>
        <source>Changed value queued for a vendor</source>
        <translation>Valor cambiado en cola para un vendedor</translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation>Consentimiento revocado</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consentimiento caducado</translation>
    </message>
    <message>
        <source>Vendor confirmed deletion (signed)</source>
        <translation>El vendedor confirmó la eliminación (firmado)</translation>
    </message>
    <message>
        <source>Consent receipts exported</source>
        <translation>Recibos de consentimiento exportados</translation>
    </message>
    <message>
        <source>Data-subject request written</source>
        <translation>Solicitud del interesado redactada</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Bóveda</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Datos personales</translation>
    </message>
    <message>
        <source>My terms</source>
        <translation>Mis condiciones</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidelización</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Filter by event, party, field or detail…</source>
        <translation>Filtrar por evento, parte, campo o detalle…</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>&amp;Verificar integridad</translation>
    </message>
    <message>
        <source>Check that no entry was edited, removed or reordered since it was written</source>
        <translation>Comprueba que ninguna entrada se ha editado, eliminado o reordenado desde que se escribió</translation>
    </message>
    <message>
        <source>Intact: %1 entries verified.</source>
        <translation>Íntegro: %1 entradas verificadas.</translation>
    </message>
    <message>
        <source>Broken at entry #%1: %2</source>
        <translation>Roto en la entrada n.º %1: %2</translation>
    </message>
    <message>
        <source>(The current filter hides that entry.)</source>
        <translation>(El filtro actual oculta esa entrada.)</translation>
    </message>
</context>
<context>
    <name>ActivityWords</name>
    <message>
        <source>intention</source>
        <translation>intención</translation>
    </message>
    <message>
        <source>intention withdrawn</source>
        <translation>intención retirada</translation>
    </message>
    <message>
        <source>your choice of offer</source>
        <translation>tu elección de oferta</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>ofertas</translation>
    </message>
    <message>
        <source>your terms</source>
        <translation>tus condiciones</translation>
    </message>
    <message>
        <source>consent given</source>
        <translation>consentimiento dado</translation>
    </message>
    <message>
        <source>data updated</source>
        <translation>datos actualizados</translation>
    </message>
    <message>
        <source>consent revoked</source>
        <translation>consentimiento revocado</translation>
    </message>
    <message>
        <source>consent expired</source>
        <translation>consentimiento caducado</translation>
    </message>
    <message>
        <source>proposal #%1 (%2)</source>
        <translation>propuesta n.º %1 (%2)</translation>
    </message>
    <message>
        <source>access to the data</source>
        <translation>acceso a los datos</translation>
    </message>
    <message>
        <source>erasure of the data</source>
        <translation>supresión de los datos</translation>
    </message>
    <message>
        <source>letter in English</source>
        <translation>carta en inglés</translation>
    </message>
    <message>
        <source>letter in Spanish</source>
        <translation>carta en español</translation>
    </message>
    <message>
        <source>letter in Italian</source>
        <translation>carta en italiano</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>sin respuesta en %1 s</translation>
    </message>
    <message>
        <source>purposes %1</source>
        <translation>finalidades %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <source>accepts version %1</source>
        <translation>acepta la versión %1</translation>
    </message>
    <message>
        <source>card #%1</source>
        <translation>tarjeta n.º %1</translation>
    </message>
    <message>
        <source>proposal #%1</source>
        <translation>propuesta n.º %1</translation>
    </message>
    <message>
        <source>accepts your terms</source>
        <translation>acepta tus condiciones</translation>
    </message>
    <message>
        <source>notice to the vendor queued</source>
        <translation>aviso al vendedor en cola</translation>
    </message>
    <message>
        <source>cast to a relay</source>
        <translation>difundida por un relé</translation>
    </message>
    <message>
        <source>the vendor says this address is gone for good</source>
        <translation>el vendedor dice que esta dirección ya no existe</translation>
    </message>
    <message>
        <source>current passphrase was wrong</source>
        <translation>la frase de contraseña actual no era correcta</translation>
    </message>
    <message>
        <source>no secure keyring</source>
        <translation>no hay llavero seguro</translation>
    </message>
    <message>
        <source>with the passphrase</source>
        <translation>con la frase de contraseña</translation>
    </message>
    <message>
        <source>with the recovery key</source>
        <translation>con la clave de recuperación</translation>
    </message>
    <message>
        <source>from this device&apos;s keyring</source>
        <translation>desde el llavero de este dispositivo</translation>
    </message>
    <message>
        <source>wrong passphrase</source>
        <translation>frase de contraseña incorrecta</translation>
    </message>
    <message>
        <source>wrong recovery key</source>
        <translation>clave de recuperación incorrecta</translation>
    </message>
    <message>
        <source>mistyped recovery key</source>
        <translation>clave de recuperación mal escrita</translation>
    </message>
    <message>
        <source>the vendor confirmed receiving the data</source>
        <translation>el vendedor confirmó que recibió los datos</translation>
    </message>
    <message>
        <source>the vendor confirmed the update</source>
        <translation>el vendedor confirmó la actualización</translation>
    </message>
    <message>
        <source>the vendor confirmed the consent ended</source>
        <translation>el vendedor confirmó el fin del consentimiento</translation>
    </message>
    <message>
        <source>lock after this long unused</source>
        <translation>bloquear tras este tiempo sin uso</translation>
    </message>
    <message>
        <source>lock with the screen</source>
        <translation>bloquear con la pantalla</translation>
    </message>
    <message>
        <source>clear copied values after</source>
        <translation>vaciar los valores copiados tras</translation>
    </message>
    <message>
        <source>reminder before an end</source>
        <translation>aviso antes de un fin</translation>
    </message>
    <message>
        <source>market relay</source>
        <translation>relé del mercado</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programa</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>vendedor</translation>
    </message>
    <message>
        <source>member number</source>
        <translation>número de socio</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>nivel</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>fecha de caducidad</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>barcode type</source>
        <translation>tipo de código</translation>
    </message>
    <message>
        <source>barcode value</source>
        <translation>valor del código</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importe</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Tu versión</translation>
    </message>
    <message>
        <source>Vendor signed</source>
        <translation>Firmado por el vendedor</translation>
    </message>
    <message>
        <source>Si&amp;gnature details</source>
        <translation>Detalles de la &amp;firma</translation>
    </message>
    <message>
        <source>Show the hash of the terms signed and the vendor&apos;s signing key</source>
        <translation>Muestra el hash de las condiciones firmadas y la clave de firma del vendedor</translation>
    </message>
    <message>
        <source>&amp;Accept counter-offer</source>
        <translation>&amp;Aceptar contraoferta</translation>
    </message>
    <message>
        <source>&amp;Decline counter-offer</source>
        <translation>&amp;Rechazar contraoferta</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>en vigor</translation>
    </message>
    <message>
        <source>counter-offer: answer it</source>
        <translation>contraoferta: respóndela</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>Vendors that accept your terms, or propose others, appear here.</source>
        <translation>Aquí aparecen los vendedores que aceptan tus condiciones o proponen otras.</translation>
    </message>
    <message>
        <source>SHA-256 of the terms signed: %1
Vendor&apos;s key id (kid): %2</source>
        <translation>SHA-256 de las condiciones firmadas: %1
Id. de la clave del vendedor (kid): %2</translation>
    </message>
    <message>
        <source>%1 signed your terms on %2.</source>
        <translation>%1 firmó tus condiciones el %2.</translation>
    </message>
    <message>
        <source>You signed these terms as your version %1.</source>
        <translation>Firmaste estas condiciones como tu versión %1.</translation>
    </message>
    <message>
        <source>You accepted and signed them on %1.</source>
        <translation>Las aceptaste y firmaste el %1.</translation>
    </message>
    <message>
        <source>You accepted %1&apos;s counter-offer.</source>
        <translation>Aceptaste la contraoferta de %1.</translation>
    </message>
    <message>
        <source>You declined %1&apos;s counter-offer.</source>
        <translation>Rechazaste la contraoferta de %1.</translation>
    </message>
</context>
<context>
    <name>BroadcastChoices</name>
    <message>
        <source>Send to my &amp;vendors</source>
        <translation>Enviar a mis &amp;vendedores</translation>
    </message>
    <message>
        <source>Deliver it to the vendors in your directory that deal in its category</source>
        <translation>Entregarla a los vendedores de tu directorio que trabajan en su categoría</translation>
    </message>
    <message>
        <source>Cast to the &amp;market</source>
        <translation>Lanzar al &amp;mercado</translation>
    </message>
    <message>
        <source>Publish it on the market relay, where vendors you never met can answer with offers only you can read</source>
        <translation>Publicarla en el relé del mercado, donde vendedores que nunca has tratado pueden responder con ofertas que solo tú puedes leer</translation>
    </message>
    <message>
        <source>Market: connected; offers appear here as vendors send them.</source>
        <translation>Mercado: conectado; las ofertas aparecen aquí a medida que los vendedores las envían.</translation>
    </message>
    <message>
        <source>Market: connecting to the relay…</source>
        <translation>Mercado: conectando con el relé…</translation>
    </message>
    <message>
        <source>Market: the relay cannot be reached; trying again in %1 s. Nothing is lost: casts wait here and offers wait on the relay.</source>
        <translation>Mercado: no se puede contactar con el relé; se reintentará en %1 s. No se pierde nada: lo que lanzas espera aquí y las ofertas esperan en el relé.</translation>
    </message>
    <message>
        <source>Market: no relay is set, so intentions go to your vendors only.</source>
        <translation>Mercado: no hay ningún relé configurado, así que las intenciones solo van a tus vendedores.</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Frase de contraseña actual:</translation>
    </message>
</context>
<context>
    <name>ClauseRow</name>
    <message>
        <source>A whole number from %1 to %2</source>
        <translation>Un número entero de %1 a %2</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>Scannable code: %1</source>
        <translation>Código escaneable: %1</translation>
    </message>
    <message>
        <source>This app cannot draw %1 codes; show the number instead.</source>
        <translation>Esta aplicación no puede dibujar códigos %1; muestra el número en su lugar.</translation>
    </message>
</context>
<context>
    <name>ConsentDetailsPanel</name>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Revocar…</translation>
    </message>
    <message>
        <source>End this consent; the vendor gets a signed notice to delete your data</source>
        <translation>Pone fin a este consentimiento; el vendedor recibe un aviso firmado para que elimine tus datos</translation>
    </message>
    <message>
        <source>Re&amp;new…</source>
        <translation>Re&amp;novar…</translation>
    </message>
    <message>
        <source>Give the same data for the same purposes and as long again, with a new receipt</source>
        <translation>Da los mismos datos para los mismos fines y durante el mismo tiempo otra vez, con un recibo nuevo</translation>
    </message>
    <message>
        <source>E&amp;xport receipt</source>
        <translation>E&amp;xportar recibo</translation>
    </message>
    <message>
        <source>Signed receipt (.jws)…</source>
        <translation>Recibo firmado (.jws)…</translation>
    </message>
    <message>
        <source>Readable receipt with both signatures (.json)…</source>
        <translation>Recibo legible con ambas firmas (.json)…</translation>
    </message>
    <message>
        <source>DPV consent record (.json)…</source>
        <translation>Registro de consentimiento DPV (.json)…</translation>
    </message>
    <message>
        <source>Request &amp;erasure…</source>
        <translation>Solicitar &amp;supresión…</translation>
    </message>
    <message>
        <source>Write a GDPR Art. 17 erasure request to this vendor, naming what it got</source>
        <translation>Redacta una solicitud de supresión (art. 17 del RGPD) a este vendedor, indicando lo que recibió</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Messages to the vendor</source>
        <translation>Mensajes al vendedor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Select a consent to see its receipt, scope and history.</source>
        <translation>Selecciona un consentimiento para ver su recibo, alcance e historial.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Finalidades</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Dado</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Passed on to</source>
        <translation>Cedido a</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Vendor&apos;s signature</source>
        <translation>Firma del vendedor</translation>
    </message>
    <message>
        <source>Termination receipt</source>
        <translation>Recibo de finalización</translation>
    </message>
    <message>
        <source>%1 (ends in %2 days)</source>
        <translation>%1 (termina dentro de %2 días)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <source>%1, signed with your key for this vendor (%2…)</source>
        <translation>%1, firmado con tu clave para este vendedor (%2…)</translation>
    </message>
    <message>
        <source>✓ Countersigned by the vendor on %1</source>
        <translation>✓ Refrendado por el vendedor el %1</translation>
    </message>
    <message>
        <source>None: the consent ended before the vendor countersigned it</source>
        <translation>Ninguno: el consentimiento terminó antes de que el vendedor lo refrendara</translation>
    </message>
    <message>
        <source>Waiting for the vendor (it has not countersigned the receipt yet)</source>
        <translation>Esperando al vendedor (aún no ha refrendado el recibo)</translation>
    </message>
    <message>
        <source>✓ Received on %1: the vendor confirmed it deleted your data</source>
        <translation>✓ Recibido el %1: el vendedor confirmó que eliminó tus datos</translation>
    </message>
    <message>
        <source>None: %1</source>
        <translation>Ninguno: %1</translation>
    </message>
    <message>
        <source>Waiting for the vendor to confirm it deleted your data</source>
        <translation>Esperando a que el vendedor confirme que eliminó tus datos</translation>
    </message>
    <message>
        <source>Your data, with the receipt</source>
        <translation>Tus datos, con el recibo</translation>
    </message>
    <message>
        <source>Updated value</source>
        <translation>Valor actualizado</translation>
    </message>
    <message>
        <source>Revocation notice</source>
        <translation>Aviso de revocación</translation>
    </message>
    <message>
        <source>Expiry notice</source>
        <translation>Aviso de caducidad</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>entregado %1</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>reintentando</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>entregando</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>no entregado</translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation>vendedor desactivado</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentimiento dado</translation>
    </message>
    <message>
        <source>Vendor countersigned the receipt</source>
        <translation>El vendedor refrendó el recibo</translation>
    </message>
    <message>
        <source>New value queued for the vendor</source>
        <translation>Nuevo valor en cola para el vendedor</translation>
    </message>
    <message>
        <source>Vendor confirmed the new value</source>
        <translation>El vendedor confirmó el nuevo valor</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Vendor confirmed deleting your data</source>
        <translation>El vendedor confirmó que eliminó tus datos</translation>
    </message>
    <message>
        <source>Vendor&apos;s answer refused</source>
        <translation>Respuesta del vendedor rechazada</translation>
    </message>
    <message>
        <source>signed by the vendor&apos;s key; kept with the receipt</source>
        <translation>firmado con la clave del vendedor; se guarda con el recibo</translation>
    </message>
</context>
<context>
    <name>ConsentList</name>
    <message>
        <source>All consents</source>
        <translation>Todos los consentimientos</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducados</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocados</translation>
    </message>
    <message>
        <source>Show consents with this status only</source>
        <translation>Mostrar solo los consentimientos con este estado</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No consents yet&lt;/h3&gt;&lt;p&gt;When you accept an offer, choose &lt;i&gt;Give consent…&lt;/i&gt; on the Intentions page, or &lt;i&gt;New consent…&lt;/i&gt; here, to let a vendor use the data it needs, for the purposes and the time you choose.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aún no hay consentimientos&lt;/h3&gt;&lt;p&gt;Cuando aceptes una oferta, elige &lt;i&gt;Dar consentimiento…&lt;/i&gt; en la página Intenciones, o &lt;i&gt;Nuevo consentimiento…&lt;/i&gt; aquí, para permitir que un vendedor use los datos que necesita, para las finalidades y el tiempo que elijas.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ConsentRenewal</name>
    <message>
        <source>Give %1 %2 again, for the same purposes and as long as before? A new consent with a new signed receipt starts now; the current one still ends on its date.</source>
        <translation>¿Dar de nuevo a %1 %2, para los mismos fines y durante el mismo tiempo que antes? Un consentimiento nuevo con un recibo firmado nuevo empieza ahora; el actual sigue terminando en su fecha.</translation>
    </message>
    <message>
        <source>Renew consent</source>
        <translation>Renovar el consentimiento</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renovar</translation>
    </message>
    <message>
        <source>Renewed. %1 is being sent the new receipt.</source>
        <translation>Renovado. Se está enviando el recibo nuevo a %1.</translation>
    </message>
</context>
<context>
    <name>ConsentSummary</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1 may use your %2 %3, until %4. Nothing else is shared. When the consent ends or you revoke it, they must delete it; you keep a receipt signed by both of you.</source>
        <translation>%1 puede usar tu %2 %3, hasta el %4. No se comparte nada más. Cuando el consentimiento termine o lo revoques, deberá suprimirlo; tú guardas un recibo firmado por ambas partes.</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation>Caduca pronto</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Concedido</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Revocado el %1</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Caducado el %1</translation>
    </message>
    <message>
        <source>The vendor countersigned the receipt.</source>
        <translation>El vendedor refrendó el recibo.</translation>
    </message>
    <message>
        <source>Waiting for the vendor to countersign the receipt.</source>
        <translation>Esperando a que el vendedor refrende el recibo.</translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message>
        <source>&amp;New consent…</source>
        <translation>&amp;Nuevo consentimiento…</translation>
    </message>
    <message>
        <source>Give a vendor from your directory a consent</source>
        <translation>Dar un consentimiento a un vendedor de tu directorio</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Enviar ahora</translation>
    </message>
    <message>
        <source>Deliver the messages waiting for vendors (data, updates, revocations)</source>
        <translation>Entregar los mensajes pendientes para los vendedores (datos, actualizaciones, revocaciones)</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>Exportar &amp;todo…</translation>
    </message>
    <message>
        <source>Every receipt as signed .jws, readable .json and DPV .json, into a folder</source>
        <translation>Todos los recibos como .jws firmado, .json legible y .json DPV, en una carpeta</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Your vendor directory is empty: add a vendor on the Vendors page.</source>
        <translation>Tu directorio de vendedores está vacío: añade un vendedor en la página Vendedores.</translation>
    </message>
    <message>
        <source>You gave %1 a consent. Your data is on its way, with the signed receipt.</source>
        <translation>Has dado un consentimiento a %1. Tus datos van de camino, con el recibo firmado.</translation>
    </message>
    <message>
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <source>Revoke the consent you gave %1 for %2? They are sent a signed notice to stop using your data and delete it, and get no updates from now on. The consent stays here, marked revoked, with its receipt.</source>
        <translation>¿Revocar el consentimiento que diste a %1 para %2? Recibirá un aviso firmado para que deje de usar tus datos y los elimine, y a partir de ahora no recibirá actualizaciones. El consentimiento sigue aquí, marcado como revocado, con su recibo.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Revoked. %1 is being sent a signed revocation notice.</source>
        <translation>Revocado. Se está enviando a %1 un aviso de revocación firmado.</translation>
    </message>
    <message>
        <source>Revoked. No notice to %1: %2.</source>
        <translation>Revocado. Sin aviso a %1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Your new %1 is on its way to %n vendor(s).</source>
        <translation>
            <numerusform>Tu nuevo %1 va camino de %n vendedor.</numerusform>
            <numerusform>Tu nuevo %1 va camino de %n vendedores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) expired; their vendors are being told.</source>
        <translation>
            <numerusform>%n consentimiento ha caducado; se está avisando a su vendedor.</numerusform>
            <numerusform>%n consentimientos han caducado; se está avisando a sus vendedores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered %n message(s).</source>
        <translation>
            <numerusform>Se ha entregado %n mensaje.</numerusform>
            <numerusform>Se han entregado %n mensajes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed answer(s) from vendors.</source>
        <translation>
            <numerusform>%n respuesta firmada de los vendedores.</numerusform>
            <numerusform>%n respuestas firmadas de los vendedores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n consent(s) to %1 (.jws, .json and .dpv.json each).</source>
        <translation>
            <numerusform>Se ha exportado %n consentimiento a %1 (.jws, .json y .dpv.json).</numerusform>
            <numerusform>Se han exportado %n consentimientos a %1 (.jws, .json y .dpv.json cada uno).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent to every vendor</source>
        <translation>No se envió a todos los vendedores</translation>
    </message>
    <message>
        <source>These vendors were not sent the new value:
%1</source>
        <translation>Estos vendedores no recibieron el nuevo valor:
%1</translation>
    </message>
    <message>
        <source>%1 waiting: the vendor could not be reached; they are retried later.</source>
        <translation>%1 en espera: no se pudo contactar con el vendedor; se reintentará más tarde.</translation>
    </message>
    <message>
        <source>%1 could not be delivered.</source>
        <translation>Sin entregar: %1.</translation>
    </message>
    <message>
        <source>A vendor&apos;s answer was refused: %1</source>
        <translation>Se rechazó la respuesta de un vendedor: %1</translation>
    </message>
    <message>
        <source>Signed receipts (*.jws)</source>
        <translation>Recibos firmados (*.jws)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the consent receipt</source>
        <translation>Exportar el recibo de consentimiento</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>Export every consent receipt into</source>
        <translation>Exportar todos los recibos de consentimiento a</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <source>This consent is already {status}; only an active consent can be revoked.</source>
        <translation>Este consentimiento ya está {status}; solo se puede revocar un consentimiento activo.</translation>
    </message>
    <message>
        <source>Choose at least one field to share.</source>
        <translation>Elige al menos un dato para compartir.</translation>
    </message>
    <message>
        <source>Each field can be chosen once.</source>
        <translation>Cada dato se puede elegir una sola vez.</translation>
    </message>
    <message>
        <source>Choose at least one purpose.</source>
        <translation>Elige al menos una finalidad.</translation>
    </message>
    <message>
        <source>Each purpose can be chosen once.</source>
        <translation>Cada finalidad se puede elegir una sola vez.</translation>
    </message>
    <message>
        <source>A consent lasts from 1 to {days} days.</source>
        <translation>Un consentimiento dura de 1 a {days} días.</translation>
    </message>
    <message>
        <source>That offer is from another vendor.</source>
        <translation>Esa oferta es de otro vendedor.</translation>
    </message>
    <message>
        <source>Consent is given for an accepted offer; accept it first.</source>
        <translation>El consentimiento se da para una oferta aceptada; acéptala primero.</translation>
    </message>
    <message>
        <source>There is no consent {id}.</source>
        <translation>No existe el consentimiento {id}.</translation>
    </message>
    <message>
        <source>The consent is {status}; only an active consent can be renewed. Give a new consent instead.</source>
        <translation>El consentimiento está {status}; solo se puede renovar un consentimiento activo. Da un consentimiento nuevo.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>no es un número finito</translation>
    </message>
    <message>
        <source>must be 0 or more</source>
        <translation>debe ser 0 o más</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>no es un número</translation>
    </message>
    <message>
        <source>bad points balance {text}: {reason}</source>
        <translation>saldo de puntos no válido {text}: {reason}</translation>
    </message>
    <message>
        <source>bad expiry date {text}: use YYYY-MM-DD</source>
        <translation>fecha de caducidad no válida {text}: usa AAAA-MM-DD</translation>
    </message>
    <message>
        <source>missing member number</source>
        <translation>falta el número de socio</translation>
    </message>
    <message>
        <source>missing program</source>
        <translation>falta el programa</translation>
    </message>
    <message>
        <source>This offer breaks your intention: {reason}</source>
        <translation>Esta oferta no cumple tu intención: {reason}</translation>
    </message>
    <message>
        <source>it has expired.</source>
        <translation>ha caducado.</translation>
    </message>
    <message>
        <source>It answers another intention.</source>
        <translation>Responde a otra intención.</translation>
    </message>
    <message>
        <source>the vendor does not accept your terms.</source>
        <translation>el vendedor no acepta tus condiciones.</translation>
    </message>
    <message>
        <source>There is no offer {id}.</source>
        <translation>No existe la oferta {id}.</translation>
    </message>
    <message>
        <source>Give either the backup&apos;s passphrase or its recovery key.</source>
        <translation>Indica la frase de contraseña de la copia de seguridad o su clave de recuperación.</translation>
    </message>
    <message>
        <source>{folder} is not empty and holds no vault; restore into an empty or new folder instead. Nothing was changed.</source>
        <translation>{folder} no está vacía y no contiene ninguna bóveda; restaura en una carpeta vacía o nueva. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup file {file} does not exist.</source>
        <translation>La copia de seguridad {file} no existe.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a backup file.</source>
        <translation>{file} es una carpeta, no una copia de seguridad.</translation>
    </message>
    <message>
        <source>{file} is not a VRM Wallet backup (unexpected contents).</source>
        <translation>{file} no es una copia de seguridad de VRM Wallet (contenido inesperado).</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; the passphrase was not changed.</source>
        <translation>La frase de contraseña actual no es correcta; no se ha cambiado.</translation>
    </message>
    <message>
        <source>A recovery key has {expected} letters and digits; this one has {given}. Check that you copied all 8 groups.</source>
        <translation>Una clave de recuperación tiene {expected} letras y cifras; esta tiene {given}. Comprueba que copiaste los 8 grupos.</translation>
    </message>
    <message>
        <source>The recovery key contains characters that cannot be part of a recovery key.</source>
        <translation>La clave de recuperación contiene caracteres que no pueden formar parte de una clave de recuperación.</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its checksum does not match.</source>
        <translation>La clave de recuperación tiene una errata: su suma de control no coincide.</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Nothing was changed; check Caps Lock and the keyboard layout, or use your recovery key.</source>
        <translation>La frase de contraseña no es correcta. No se ha cambiado nada; comprueba Bloq Mayús y la distribución del teclado, o usa tu clave de recuperación.</translation>
    </message>
    <message>
        <source>This recovery key does not belong to this vault. Nothing was changed.</source>
        <translation>Esta clave de recuperación no es de esta bóveda. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>No OS keyring was found. Install and unlock a Secret Service (GNOME Keyring or KWallet) to use this option.</source>
        <translation>No se encontró ningún llavero del sistema. Instala y desbloquea un Secret Service (GNOME Keyring o KWallet) para usar esta opción.</translation>
    </message>
    <message>
        <source>The OS keyring is disabled for this program (null keyring backend).</source>
        <translation>El llavero del sistema está desactivado para este programa.</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate or handshake was refused</source>
        <translation>se rechazó el certificado TLS del servidor o la negociación</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>falló la negociación TLS</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be resolved</source>
        <translation>no se pudo resolver el nombre del servidor</translation>
    </message>
    <message>
        <source>the connection was refused (nothing is listening)</source>
        <translation>se rechazó la conexión (no hay nada escuchando)</translation>
    </message>
    <message>
        <source>could not connect to the server</source>
        <translation>no se pudo conectar con el servidor</translation>
    </message>
    <message>
        <source>the URL is not valid</source>
        <translation>la URL no es válida</translation>
    </message>
    <message>
        <source>the connection failed or was closed early</source>
        <translation>la conexión falló o se cerró antes de tiempo</translation>
    </message>
</context>
<context>
    <name>CoreErrorKind</name>
    <message>
        <source>There is no vault here.</source>
        <translation>Aquí no hay ninguna bóveda.</translation>
    </message>
    <message>
        <source>A vault already exists there.</source>
        <translation>Ya existe una bóveda ahí.</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it first.</source>
        <translation>La bóveda está bloqueada; desbloquéala primero.</translation>
    </message>
    <message>
        <source>The passphrase does not open this vault.</source>
        <translation>La frase de contraseña no abre esta bóveda.</translation>
    </message>
    <message>
        <source>The recovery key does not open this vault, or has a typo.</source>
        <translation>La clave de recuperación no abre esta bóveda, o tiene una errata.</translation>
    </message>
    <message>
        <source>The vault&apos;s header cannot be read, or asks for unsafe settings.</source>
        <translation>No se puede leer la cabecera de la bóveda, o pide ajustes inseguros.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of VRM Wallet.</source>
        <translation>Esta bóveda la escribió una versión más reciente de VRM Wallet.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged; restore it from a backup.</source>
        <translation>La base de datos de la bóveda está dañada; restáurala desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>El disco está lleno: no se ha guardado nada. Libera espacio y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>This computer&apos;s secure keyring is not available.</source>
        <translation>El llavero seguro de este ordenador no está disponible.</translation>
    </message>
    <message>
        <source>This value is not accepted; check what you typed.</source>
        <translation>Este valor no se acepta; revisa lo que escribiste.</translation>
    </message>
    <message>
        <source>That item no longer exists.</source>
        <translation>Ese elemento ya no existe.</translation>
    </message>
    <message>
        <source>This backup file cannot be used: it is missing, damaged or not a backup.</source>
        <translation>Esta copia de seguridad no se puede usar: falta, está dañada o no es una copia de seguridad.</translation>
    </message>
    <message>
        <source>A vendor&apos;s public key is not valid.</source>
        <translation>La clave pública de un vendedor no es válida.</translation>
    </message>
    <message>
        <source>A signature does not match: the message was not accepted.</source>
        <translation>Una firma no coincide: el mensaje no se ha aceptado.</translation>
    </message>
    <message>
        <source>The vendor could not be reached, or its answer was not usable.</source>
        <translation>No se pudo contactar con el vendedor, o su respuesta no era utilizable.</translation>
    </message>
    <message>
        <source>That could not be done.</source>
        <translation>No se ha podido hacer.</translation>
    </message>
</context>
<context>
    <name>DeliveryProgress</name>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
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
        <translation>en cola</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>reintentando</translation>
    </message>
    <message>
        <source>delivering</source>
        <translation>entregando</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>not handled: see Activity</source>
        <translation>sin tratar: mira Actividad</translation>
    </message>
</context>
<context>
    <name>DesktopGroup</name>
    <message>
        <source>Appearance and desktop</source>
        <translation>Apariencia y escritorio</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Show an icon in the system tray</source>
        <translation>Mostrar un icono en la bandeja del sistema</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Apariencia:</translation>
    </message>
    <message>
        <source>This desktop shows no system tray.</source>
        <translation>Este escritorio no muestra bandeja del sistema.</translation>
    </message>
    <message>
        <source>Closing the window keeps VRM Wallet running in the tray, with its reminders; the vault still locks by itself as set below. Quit from the icon&apos;s menu.</source>
        <translation>Al cerrar la ventana, VRM Wallet sigue funcionando en la bandeja, con sus recordatorios; la bóveda se sigue bloqueando sola como se indica más abajo. Para salir, usa el menú del icono.</translation>
    </message>
    <message>
        <source>Closing the window quits VRM Wallet and locks the vault.</source>
        <translation>Al cerrar la ventana, VRM Wallet se cierra y bloquea la bóveda.</translation>
    </message>
</context>
<context>
    <name>FieldDialog</name>
    <message>
        <source>Edit field</source>
        <translation>Editar campo</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Añadir campo</translation>
    </message>
    <message>
        <source>Sensitive: hidden in lists until revealed</source>
        <translation>Sensible: oculto en las listas hasta que lo muestres</translation>
    </message>
    <message>
        <source>Custom field…</source>
        <translation>Campo personalizado…</translation>
    </message>
    <message>
        <source>e.g. library_card</source>
        <translation>p. ej., library_card</translation>
    </message>
    <message>
        <source>Several lines are fine, e.g. for an address</source>
        <translation>Puede tener varias líneas, p. ej., para una dirección</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Campo:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>C&amp;lave:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valor:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>Ca&amp;tegoría:</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <source>History of “%1”</source>
        <translation>Historial de «%1»</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Show values</source>
        <translation>Mostrar valores</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Hidden: use Reveal to show it</source>
        <translation>Oculto: usa Mostrar para verlo</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Give consent</source>
        <translation>Dar consentimiento</translation>
    </message>
    <message>
        <source>Choose a vendor…</source>
        <translation>Elige un vendedor…</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Vendedor:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Why they ask</source>
        <translation>Por qué lo piden</translation>
    </message>
    <message>
        <source>What they may use</source>
        <translation>Qué datos pueden usar</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>In plain words</source>
        <translation>En pocas palabras</translation>
    </message>
    <message>
        <source>Kantara purpose category %1; W3C DPV: %2</source>
        <translation>Categoría de finalidad Kantara %1; W3C DPV: %2</translation>
    </message>
    <message>
        <source>e.g. Parcel Express Ltd</source>
        <translation>p. ej., Paquetería Exprés S.L.</translation>
    </message>
    <message>
        <source>Passed on to (name them if you know):</source>
        <translation>Cedido a (indícalos si los conoces):</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Para qué</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>For how long</source>
        <translation>Durante cuánto tiempo</translation>
    </message>
    <message>
        <source>&lt;b&gt;In plain words&lt;/b&gt;</source>
        <translation>&lt;b&gt;En pocas palabras&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Give consent</source>
        <translation>&amp;Dar consentimiento</translation>
    </message>
    <message>
        <source>Optional: the offer can be fulfilled without it</source>
        <translation>Opcional: la oferta se puede cumplir sin él</translation>
    </message>
    <message>
        <source>Needed for the offer</source>
        <translation>Necesario para la oferta</translation>
    </message>
    <message>
        <source>Needed, but not in your vault: add it on My data first</source>
        <translation>Necesario, pero no está en tu bóveda: añádelo antes en Mis datos</translation>
    </message>
    <message>
        <source>Not in your vault</source>
        <translation>No está en tu bóveda</translation>
    </message>
    <message>
        <source>The offer cannot be fulfilled without it</source>
        <translation>La oferta no puede cumplirse sin él</translation>
    </message>
    <message>
        <source>Needed for the offer: %1</source>
        <translation>Necesario para la oferta: %1</translation>
    </message>
    <message>
        <source>Optional: %1</source>
        <translation>Opcional: %1</translation>
    </message>
    <message>
        <source>Optional (no reason given)</source>
        <translation>Opcional (sin motivo indicado)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give a vendor a consent&lt;/h3&gt;&lt;p&gt;Choose the vendor first.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dar un consentimiento a un vendedor&lt;/h3&gt;&lt;p&gt;Primero elige el vendedor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Give %1 a consent&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Dar un consentimiento a %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>For the offer you accepted: %1</source>
        <translation>Para la oferta que aceptaste: %1</translation>
    </message>
    <message>
        <source>Only the fields you tick are sent, for the purposes you tick, until the end date. You can revoke it at any time.</source>
        <translation>Solo se envían los campos que marques, para las finalidades que marques, hasta la fecha de fin. Puedes revocarlo en cualquier momento.</translation>
    </message>
    <message>
        <source>The offer needs %1, which your vault does not hold. Add it on My data, then give the consent again.</source>
        <translation>La oferta necesita %1, que tu bóveda no contiene. Añádelo en Mis datos y vuelve a dar el consentimiento.</translation>
    </message>
    <message>
        <source>Tick at least one field to share.</source>
        <translation>Marca al menos un campo para compartir.</translation>
    </message>
    <message>
        <source>Tick at least one purpose.</source>
        <translation>Marca al menos una finalidad.</translation>
    </message>
    <message>
        <source>Choose a vendor to see what you would agree to.</source>
        <translation>Elige un vendedor para ver a qué darías tu acuerdo.</translation>
    </message>
</context>
<context>
    <name>HoldingsModel</name>
    <message>
        <source>%1 holds your %2 under an active consent. Click to open it.</source>
        <translation>%1 tiene tu %2 con un consentimiento activo. Haz clic para abrirlo.</translation>
    </message>
    <message>
        <source>%1 holds your %2 under %3 active consents. Click to open one.</source>
        <translation>%1 tiene tu %2 con %3 consentimientos activos. Haz clic para abrir uno.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&lt;h2&gt;What needs your attention&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Lo que necesita tu atención&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>What needs your attention</source>
        <translation>Lo que necesita tu atención</translation>
    </message>
    <message>
        <source>Nothing needs your attention. Consents and loyalty cards about to end, offers waiting for your decision, messages that keep failing and vendors that have not confirmed the end of a consent show here.</source>
        <translation>Nada necesita tu atención. Aquí aparecen los consentimientos y las tarjetas de fidelización a punto de terminar, las ofertas que esperan tu decisión, los mensajes que siguen fallando y los vendedores que no han confirmado el fin de un consentimiento.</translation>
    </message>
    <message>
        <source>Say what you want: &amp;new intention…</source>
        <translation>Di lo que quieres: &amp;nueva intención…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import loyalty cards</source>
        <translation>Importar tarjetas de fidelización</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Tarjeta</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Por qué se descarta</translation>
    </message>
    <message>
        <source>Which field each column holds:</source>
        <translation>Qué campo contiene cada columna:</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Archivo: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 cards can be imported; %2 rows are left out:</source>
        <translation>Se pueden importar %1 tarjetas; se descartan %2 filas:</translation>
    </message>
    <message>
        <source>Import %1 cards</source>
        <translation>Importar %1 tarjetas</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorar)</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>IntentionChecks</name>
    <message>
        <source>item</source>
        <translation>artículo</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>maximum price</source>
        <translation>precio máximo</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>moneda</translation>
    </message>
    <message>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <source>postal prefix</source>
        <translation>prefijo postal</translation>
    </message>
    <message>
        <source>deliver by</source>
        <translation>entrega antes del</translation>
    </message>
    <message>
        <source>delivery method</source>
        <translation>forma de entrega</translation>
    </message>
    <message>
        <source>valid for (days)</source>
        <translation>válida durante (días)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no puede quedar vacío</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>es demasiado largo</translation>
    </message>
    <message>
        <source>is not in the expected form</source>
        <translation>no tiene la forma esperada</translation>
    </message>
    <message>
        <source>is not one of the choices</source>
        <translation>no es una de las opciones</translation>
    </message>
    <message>
        <source>is too small</source>
        <translation>es demasiado pequeño</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>es demasiado grande</translation>
    </message>
    <message>
        <source>has too many entries</source>
        <translation>tiene demasiadas entradas</translation>
    </message>
    <message>
        <source>is not valid</source>
        <translation>no es válido</translation>
    </message>
    <message>
        <source>write a number such as 120 or 119.95</source>
        <translation>escribe un número como 120 o 119.95</translation>
    </message>
    <message>
        <source>use a three-letter ISO 4217 code such as EUR</source>
        <translation>usa un código ISO 4217 de tres letras, como EUR</translation>
    </message>
    <message>
        <source>use a coarse region such as ES or ES-MD</source>
        <translation>indica una región amplia, como ES o ES-MD</translation>
    </message>
    <message>
        <source>at most the first 3 letters or digits of a postal code</source>
        <translation>como mucho las 3 primeras letras o cifras de un código postal</translation>
    </message>
</context>
<context>
    <name>IntentionDialog</name>
    <message>
        <source>New intention</source>
        <translation>Nueva intención</translation>
    </message>
    <message>
        <source>e.g. Trail running shoes</source>
        <translation>p. ej., Zapatillas de trail running</translation>
    </message>
    <message>
        <source>e.g. shoes</source>
        <translation>p. ej., calzado</translation>
    </message>
    <message>
        <source>Size, colour, anything that matters</source>
        <translation>Talla, color, todo lo que importe</translation>
    </message>
    <message>
        <source>e.g. 120.00</source>
        <translation>p. ej., 120.00</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>optional, e.g. ES or ES-MD</source>
        <translation>opcional, p. ej., ES o ES-MD</translation>
    </message>
    <message>
        <source>optional, at most 3 characters</source>
        <translation>opcional, 3 caracteres como máximo</translation>
    </message>
    <message>
        <source>by</source>
        <translation>hasta el</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>Entregar antes del</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Envío a domicilio</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Open to alternatives</source>
        <translation>Abierto a alternativas</translation>
    </message>
    <message>
        <source>Attach my latest terms</source>
        <translation>Adjuntar mis últimas condiciones</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Artículo:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>Ca&amp;ntidad:</translation>
    </message>
    <message>
        <source>&amp;Maximum price:</source>
        <translation>&amp;Precio máximo:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>&amp;Postal prefix:</source>
        <translation>Prefijo p&amp;ostal:</translation>
    </message>
    <message>
        <source>Deliver:</source>
        <translation>Entrega:</translation>
    </message>
    <message>
        <source>Delivery &amp;method:</source>
        <translation>&amp;Modo de entrega:</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Válida durante:</translation>
    </message>
    <message>
        <source>&amp;Loyalty proposal:</source>
        <translation>Propuesta de &amp;fidelización:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
</context>
<context>
    <name>IntentionRecord</name>
    <message>
        <source>not sent yet</source>
        <translation>aún no enviada</translation>
    </message>
    <message>
        <source>sent, waiting for offers</source>
        <translation>enviada, esperando ofertas</translation>
    </message>
    <message>
        <source>offers in</source>
        <translation>ofertas recibidas</translation>
    </message>
    <message>
        <source>offer accepted</source>
        <translation>oferta aceptada</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducada</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
    <message>
        <source>%1 (withdrawn there)</source>
        <translation>%1 (retirada allí)</translation>
    </message>
    <message>
        <source>%1 (answers read: %2)</source>
        <translation>%1 (respuestas leídas: %2)</translation>
    </message>
    <message>
        <source>any way</source>
        <translation>de cualquier forma</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Deliver by</source>
        <translation>Entregar antes del</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válida hasta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>open to alternatives</source>
        <translation>abierta a alternativas</translation>
    </message>
    <message>
        <source>your terms attached</source>
        <translation>con tus condiciones adjuntas</translation>
    </message>
    <message>
        <source>loyalty proposal attached</source>
        <translation>con propuesta de fidelización adjunta</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Además</translation>
    </message>
    <message>
        <source>On the market</source>
        <translation>En el mercado</translation>
    </message>
</context>
<context>
    <name>IntentionsPage</name>
    <message>
        <source>&amp;New intention…</source>
        <translation>&amp;Nueva intención…</translation>
    </message>
    <message>
        <source>Your intentions</source>
        <translation>Tus intenciones</translation>
    </message>
    <message>
        <source>The intention chosen</source>
        <translation>La intención elegida</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No intention selected&lt;/h3&gt;&lt;p&gt;Say what you want, where, by when and for how much with &lt;i&gt;New intention&lt;/i&gt;. Vendors answer with offers; nothing about you is sent beyond what you write.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ninguna intención seleccionada&lt;/h3&gt;&lt;p&gt;Di qué quieres, dónde, para cuándo y por cuánto con &lt;i&gt;Nueva intención&lt;/i&gt;. Los vendedores responden con ofertas; no se envía nada sobre ti más allá de lo que escribas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Broadcast</source>
        <translation>&amp;Difundir</translation>
    </message>
    <message>
        <source>Send the intention to your active vendors that deal in its category</source>
        <translation>Enviar la intención a tus vendedores activos que trabajan en su categoría</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop delivering; undelivered copies stay queued for the next broadcast</source>
        <translation>Detener la entrega; las copias no entregadas quedan en cola para la próxima difusión</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Retirar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Casting it to the market…</source>
        <translation>Lanzándola al mercado…</translation>
    </message>
    <message numerus="yes">
        <source>Sending to %n vendor(s)…</source>
        <translation>
            <numerusform>Enviando a %n vendedor…</numerusform>
            <numerusform>Enviando a %n vendedores…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delivered to %n vendor(s).</source>
        <translation>
            <numerusform>Entregada a %n vendedor.</numerusform>
            <numerusform>Entregada a %n vendedores.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s).</source>
        <translation>
            <numerusform>%n oferta nueva.</numerusform>
            <numerusform>%n ofertas nuevas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cast to the market. Offers appear here as they arrive.</source>
        <translation>Lanzada al mercado. Las ofertas aparecen aquí a medida que llegan.</translation>
    </message>
    <message numerus="yes">
        <source>%n new offer(s) from the market.</source>
        <translation>
            <numerusform>%n oferta nueva del mercado.</numerusform>
            <numerusform>%n ofertas nuevas del mercado.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdrawn. %n vendor(s) will be told.</source>
        <translation>
            <numerusform>Retirada. Se avisará a %n vendedor.</numerusform>
            <numerusform>Retirada. Se avisará a %n vendedores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Created your intention for “%1”. Broadcast it to ask vendors.</source>
        <translation>Se ha creado tu intención para «%1». Difúndela para preguntar a los vendedores.</translation>
    </message>
    <message>
        <source>%1 already had it.</source>
        <translation>%1 ya la tenía(n).</translation>
    </message>
    <message>
        <source>Delivery stopped. Undelivered copies stay queued; Broadcast sends them.</source>
        <translation>Entrega detenida. Las copias no entregadas quedan en cola; Difundir las envía.</translation>
    </message>
    <message>
        <source>%1 could not be reached.</source>
        <translation>No se pudo contactar con %1.</translation>
    </message>
    <message>
        <source>%1 will be retried later.</source>
        <translation>%1 se reintentará(n) más tarde.</translation>
    </message>
    <message>
        <source>At least one criterion must count.</source>
        <translation>Al menos un criterio debe contar.</translation>
    </message>
    <message>
        <source>You accepted %1&apos;s offer; the vendors will be told.</source>
        <translation>Aceptaste la oferta de %1; se avisará a los vendedores.</translation>
    </message>
    <message>
        <source>&amp;Broadcast again</source>
        <translation>&amp;Difundir de nuevo</translation>
    </message>
    <message>
        <source>Export the signed intention</source>
        <translation>Exportar la intención firmada</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
</context>
<context>
    <name>LoyaltyPage</name>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation>Mis propuestas</translation>
    </message>
    <message>
        <source>&amp;Add card…</source>
        <translation>&amp;Añadir tarjeta…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Loyalty cards</source>
        <translation>Tarjetas de fidelización</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No loyalty cards yet&lt;/h3&gt;&lt;p&gt;Add the cards you carry, or import them from a CSV file or a Google or Apple Wallet pass. Their codes can then be scanned from this screen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aún no hay tarjetas de fidelización&lt;/h3&gt;&lt;p&gt;Añade las tarjetas que llevas, o impórtalas desde un archivo CSV o un pase de Google Wallet o Apple Wallet. Después podrás escanear sus códigos desde esta pantalla.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your own loyalty program: what you commit to, and what a vendor gives you in return. Intentions carry it; record purchases to follow your progress.</source>
        <translation>Tu propio programa de fidelización: a qué te comprometes y qué te da un vendedor a cambio. Las intenciones lo llevan; registra tus compras para seguir tu progreso.</translation>
    </message>
    <message>
        <source>&amp;New proposal…</source>
        <translation>&amp;Nueva propuesta…</translation>
    </message>
    <message>
        <source>Delete the card “%1” (%2)? This cannot be undone.</source>
        <translation>¿Eliminar la tarjeta «%1» (%2)? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Eliminar tarjeta</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Import loyalty cards</source>
        <translation>Importar tarjetas de fidelización</translation>
    </message>
    <message>
        <source>Loyalty files (*.csv *.json *.pkpass.json);;All files (*)</source>
        <translation>Archivos de fidelización (*.csv *.json *.pkpass.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported %1 cards; %2 rows were left out.</source>
        <translation>Se importaron %1 tarjetas; se descartaron %2 filas.</translation>
    </message>
    <message>
        <source>Export loyalty cards</source>
        <translation>Exportar tarjetas de fidelización</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 cards to %2. The file is not encrypted.</source>
        <translation>Se exportaron %1 tarjetas a %2. El archivo no está cifrado.</translation>
    </message>
    <message>
        <source>Delete the proposal “%1” and the purchases recorded for it?</source>
        <translation>¿Eliminar la propuesta «%1» y las compras registradas para ella?</translation>
    </message>
    <message>
        <source>Delete proposal</source>
        <translation>Eliminar propuesta</translation>
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
        <translation>&amp;Bóveda</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>The vault was locked because the screen was locked.</source>
        <translation>La bóveda se bloqueó porque se bloqueó la pantalla.</translation>
    </message>
    <message>
        <source>The vault was locked after a while without use.</source>
        <translation>La bóveda se bloqueó tras un rato sin uso.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock it with the backup&apos;s passphrase.</source>
        <translation>Se restauró la copia de seguridad. Desbloquéala con la frase de contraseña de la copia.</translation>
    </message>
    <message>
        <source>The previous vault was moved to %1.</source>
        <translation>La bóveda anterior se movió a %1.</translation>
    </message>
    <message>
        <source>The backup was not restored; your vault is unchanged. %1</source>
        <translation>No se restauró la copia de seguridad; tu bóveda no ha cambiado. %1</translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation>Clave de recuperación no guardada</translation>
    </message>
    <message>
        <source>Your recovery key is shown only this once. Without it a forgotten passphrase means losing the vault. Quit without saving it?</source>
        <translation>Tu clave de recuperación solo se muestra esta vez. Sin ella, olvidar la frase de contraseña significa perder la bóveda. ¿Salir sin guardarla?</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Salir de todos modos</translation>
    </message>
</context>
<context>
    <name>MembershipCard</name>
    <message>
        <source>Tier: %1</source>
        <translation>Nivel: %1</translation>
    </message>
    <message>
        <source>Points: %1</source>
        <translation>Puntos: %1</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Caduca el %1</translation>
    </message>
    <message>
        <source>Member number: %1</source>
        <translation>Número de socio: %1</translation>
    </message>
    <message>
        <source>Expired on %1</source>
        <translation>Caducó el %1</translation>
    </message>
    <message>
        <source>Expires soon: %1</source>
        <translation>Caduca pronto: %1</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Show at the till</source>
        <translation>Mostrar en caja</translation>
    </message>
    <message>
        <source>Show the code full-screen for the cashier&apos;s scanner (Enter on a card)</source>
        <translation>Muestra el código a pantalla completa para el lector de la caja (Intro sobre una tarjeta)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation>Editar tarjeta</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Añadir tarjeta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation>AAAA-MM-DD, o vacío</translation>
    </message>
    <message>
        <source>empty: the member number</source>
        <translation>vacío: el número de socio</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programa:</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Vendedor:</translation>
    </message>
    <message>
        <source>&amp;Member number:</source>
        <translation>&amp;Número de socio:</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>N&amp;ivel:</translation>
    </message>
    <message>
        <source>P&amp;oints:</source>
        <translation>P&amp;untos:</translation>
    </message>
    <message>
        <source>&amp;Expiry:</source>
        <translation>&amp;Caducidad:</translation>
    </message>
    <message>
        <source>&amp;Barcode type:</source>
        <translation>&amp;Tipo de código de barras:</translation>
    </message>
    <message>
        <source>Barcode &amp;value:</source>
        <translation>V&amp;alor del código de barras:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>The code will read: %1</source>
        <translation>El código dirá: %1</translation>
    </message>
</context>
<context>
    <name>MyDataPage</name>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Show one category only</source>
        <translation>Mostrar solo una categoría</translation>
    </message>
    <message>
        <source>Search names, labels and values…</source>
        <translation>Buscar en nombres, etiquetas y valores…</translation>
    </message>
    <message>
        <source>&amp;Add field…</source>
        <translation>&amp;Añadir campo…</translation>
    </message>
    <message>
        <source>No field matches this filter.</source>
        <translation>Ningún campo coincide con este filtro.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your vault holds no personal data yet&lt;/h3&gt;&lt;p&gt;Add the facts you share with companies (your name, email, address, sizes, preferences) once, here. You decide later who gets which of them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tu bóveda aún no tiene datos personales&lt;/h3&gt;&lt;p&gt;Añade aquí, una sola vez, los datos que compartes con las empresas (tu nombre, correo electrónico, dirección, tallas, preferencias). Más adelante decides quién recibe cada uno.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add your first field…</source>
        <translation>Añade tu primer campo…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Copiar valor</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>A field with the key “%1” exists already; edit it instead.</source>
        <translation>Ya existe un campo con la clave «%1»; edítalo en su lugar.</translation>
    </message>
    <message>
        <source>Delete “%1”? Its value and all its past values are deleted for good.</source>
        <translation>¿Eliminar «%1»? Su valor y todos sus valores anteriores se eliminan para siempre.</translation>
    </message>
    <message>
        <source>Delete field</source>
        <translation>Eliminar campo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Copied “%1”; the clipboard is cleared in %2 s.</source>
        <translation>Se copió «%1»; el portapapeles se vaciará en %2 s.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseForm</name>
    <message>
        <source>I understand this passphrase is weak</source>
        <translation>Entiendo que esta frase de contraseña es débil</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítela:</translation>
    </message>
    <message>
        <source>Use at least %1 characters; a few random words work well.</source>
        <translation>Usa al menos %1 caracteres; unas cuantas palabras al azar funcionan bien.</translation>
    </message>
    <message>
        <source>Type the passphrase again to confirm it.</source>
        <translation>Escribe de nuevo la frase de contraseña para confirmarla.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>This passphrase is weak: choose a stronger one or tick the box above.</source>
        <translation>Esta frase de contraseña es débil: elige una más segura o marca la casilla de arriba.</translation>
    </message>
</context>
<context>
    <name>OfferDetails</name>
    <message>
        <source>delivered to you</source>
        <translation>entregado a ti</translation>
    </message>
    <message>
        <source>picked up by you</source>
        <translation>recogido por ti</translation>
    </message>
    <message>
        <source>sent digitally</source>
        <translation>enviado en formato digital</translation>
    </message>
    <message>
        <source>Accepts your terms</source>
        <translation>Acepta tus condiciones</translation>
    </message>
    <message>
        <source>Proposes its own terms instead of yours</source>
        <translation>Propone sus propias condiciones en lugar de las tuyas</translation>
    </message>
    <message>
        <source>Does not accept your terms</source>
        <translation>No acepta tus condiciones</translation>
    </message>
    <message>
        <source>You sent no terms</source>
        <translation>No enviaste condiciones</translation>
    </message>
    <message>
        <source>Accepts your loyalty proposal</source>
        <translation>Acepta tu propuesta de fidelización</translation>
    </message>
    <message>
        <source>Does not accept your loyalty proposal</source>
        <translation>No acepta tu propuesta de fidelización</translation>
    </message>
    <message>
        <source>You sent no loyalty proposal</source>
        <translation>No enviaste propuesta de fidelización</translation>
    </message>
    <message>
        <source>You accepted this offer</source>
        <translation>Aceptaste esta oferta</translation>
    </message>
    <message>
        <source>Declined: you accepted another offer</source>
        <translation>Rechazada: aceptaste otra oferta</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Aún sin decidir</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
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
        <translation>precio</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>entrega</translation>
    </message>
    <message>
        <source>loyalty</source>
        <translation>fidelización</translation>
    </message>
    <message>
        <source>history</source>
        <translation>historial</translation>
    </message>
    <message>
        <source>%1 %2 (counts %3 %)</source>
        <translation>%1 %2 (cuenta un %3 %)</translation>
    </message>
    <message>
        <source>%1 of 1: %2</source>
        <translation>%1 de 1: %2</translation>
    </message>
    <message>
        <source>%1 — not in your directory (met on the market)</source>
        <translation>%1 — no está en tu directorio (conocido en el mercado)</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Huella de la clave</translation>
    </message>
    <message>
        <source>%1 (an alternative to what you asked for)</source>
        <translation>%1 (una alternativa a lo que pediste)</translation>
    </message>
    <message>
        <source>%1 (quantity: %2)</source>
        <translation>%1 (cantidad: %2)</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, antes del %2</translation>
    </message>
    <message>
        <source>Accepting also adds this vendor to your directory with the key above; check its fingerprint with the vendor if you can.</source>
        <translation>Aceptar también añade este vendedor a tu directorio con la clave de arriba; si puedes, comprueba su huella con el vendedor.</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Your terms</source>
        <translation>Tus condiciones</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidelización</translation>
    </message>
    <message>
        <source>Will ask for</source>
        <translation>Pedirá</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Selected offer</source>
        <translation>Oferta seleccionada</translation>
    </message>
    <message>
        <source>Accepting tells this vendor yes and the others no. The data above is only asked for: you choose what to give, and for how long, in the consent that follows.</source>
        <translation>Aceptar dice sí a este vendedor y no a los demás. Los datos de arriba solo se piden: tú eliges qué das, y durante cuánto tiempo, en el consentimiento que sigue.</translation>
    </message>
</context>
<context>
    <name>OffersPanel</name>
    <message>
        <source>The offer you accepted</source>
        <translation>La oferta que aceptaste</translation>
    </message>
    <message>
        <source>price %1 · delivery %2 · loyalty %3 · history %4</source>
        <translation>precio %1 · entrega %2 · fidelización %3 · historial %4</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n.º</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Why removed</source>
        <translation>Por qué se descartó</translation>
    </message>
    <message>
        <source>Offers (best first)</source>
        <translation>Ofertas (la mejor primero)</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternativas</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Descartadas</translation>
    </message>
    <message>
        <source>&amp;Accept offer…</source>
        <translation>&amp;Aceptar oferta…</translation>
    </message>
    <message>
        <source>Give &amp;consent…</source>
        <translation>Dar &amp;consentimiento…</translation>
    </message>
    <message>
        <source>Choose which of your data the vendor of the accepted offer may use</source>
        <translation>Elige cuáles de tus datos puede usar el vendedor de la oferta aceptada</translation>
    </message>
    <message>
        <source>What matters most</source>
        <translation>Lo que más importa</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidelización</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Each offer&apos;s score, from 0 to 1 (best): how it compares with the others on price, delivery date, your loyalty proposal and your history with the vendor, each counting as much as you set here.</source>
        <translation>La puntuación de cada oferta, de 0 a 1 (la mejor): cómo se compara con las demás en precio, fecha de entrega, tu propuesta de fidelización y tu historial con el vendedor, cada uno con el peso que fijes aquí.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Who holds which of your data under a consent you gave. Click a ✓ to open the consent, to see its receipt or revoke it.</source>
        <translation>Quién tiene qué datos tuyos con un consentimiento que diste. Haz clic en un ✓ para abrir el consentimiento, ver su recibo o revocarlo.</translation>
    </message>
    <message>
        <source>Active consents</source>
        <translation>Consentimientos activos</translation>
    </message>
    <message>
        <source>Consents in force now</source>
        <translation>Consentimientos en vigor ahora</translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation>Caducan en 7 días</translation>
    </message>
    <message>
        <source>Active consents that end in the next 7 days</source>
        <translation>Consentimientos activos que terminan en los próximos 7 días</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducados</translation>
    </message>
    <message>
        <source>Consents that reached their end date</source>
        <translation>Consentimientos que llegaron a su fecha de fin</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocados</translation>
    </message>
    <message>
        <source>Consents you took back</source>
        <translation>Consentimientos que retiraste</translation>
    </message>
    <message>
        <source>Waiting to be delivered</source>
        <translation>Pendientes de entrega</translation>
    </message>
    <message>
        <source>Messages to vendors not delivered yet (they are retried)</source>
        <translation>Mensajes a vendedores aún no entregados (se reintentan)</translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation>Ofertas abiertas</translation>
    </message>
    <message>
        <source>Offers on your open intentions that you have not decided on</source>
        <translation>Ofertas de tus intenciones abiertas sobre las que no has decidido</translation>
    </message>
    <message>
        <source>Vendors and the fields they hold</source>
        <translation>Los vendedores y los campos que tienen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendor holds your data&lt;/h3&gt;&lt;p&gt;When you give a vendor a consent (from an accepted offer on &lt;i&gt;Intentions&lt;/i&gt;, or on &lt;i&gt;Consents&lt;/i&gt;), the fields it may use appear here, one row per vendor.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ningún vendedor tiene tus datos&lt;/h3&gt;&lt;p&gt;Cuando das un consentimiento a un vendedor (desde una oferta aceptada en &lt;i&gt;Intenciones&lt;/i&gt;, o en &lt;i&gt;Consentimientos&lt;/i&gt;), aquí aparecen los campos que puede usar, una fila por vendedor.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Mostrar u ocultar lo que has escrito</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>PiiCategory</name>
    <message>
        <source>Biographical</source>
        <translation>Biográficos</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Biometric</source>
        <translation>Biométricos</translation>
    </message>
    <message>
        <source>Communications/Social</source>
        <translation>Comunicaciones/Social</translation>
    </message>
    <message>
        <source>Network/Service</source>
        <translation>Red/Servicio</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>Financieros</translation>
    </message>
    <message>
        <source>Official/Government Identifiers</source>
        <translation>Identificadores oficiales</translation>
    </message>
    <message>
        <source>Government Services</source>
        <translation>Servicios públicos</translation>
    </message>
    <message>
        <source>Judicial</source>
        <translation>Judiciales</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Bienes</translation>
    </message>
    <message>
        <source>Employee Personal Information</source>
        <translation>Datos laborales</translation>
    </message>
    <message>
        <source>Psychological/Attitudinal</source>
        <translation>Psicológicos/Actitudes</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Afiliación</translation>
    </message>
    <message>
        <source>Behavioral</source>
        <translation>Comportamiento</translation>
    </message>
    <message>
        <source>Profiling</source>
        <translation>Perfilado</translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <source>Tell the vendors?</source>
        <translation>¿Avisar a los vendedores?</translation>
    </message>
    <message>
        <source>You changed &lt;b&gt;%1&lt;/b&gt;. These vendors hold it under a consent you gave. Send them the new value? Each gets it signed, with its consent receipt, and only for that consent&apos;s purposes.</source>
        <translation>Has cambiado &lt;b&gt;%1&lt;/b&gt;. Estos vendedores lo tienen con un consentimiento que diste. ¿Enviarles el nuevo valor? Cada uno lo recibe firmado, con su recibo de consentimiento, y solo para las finalidades de ese consentimiento.</translation>
    </message>
    <message>
        <source> (consent of %1)</source>
        <translation> (consentimiento de %1)</translation>
    </message>
    <message>
        <source>%1, consent %2</source>
        <translation>%1, consentimiento %2</translation>
    </message>
    <message>
        <source>&amp;Send the new value</source>
        <translation>&amp;Enviar el nuevo valor</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;No enviar</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Edit proposal</source>
        <translation>Editar propuesta</translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation>Nueva propuesta</translation>
    </message>
    <message>
        <source>empty: whichever vendor accepts</source>
        <translation>vacío: cualquier vendedor que la acepte</translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation>Número de compras</translation>
    </message>
    <message>
        <source>Amount spent</source>
        <translation>Importe gastado</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>Por año</translation>
    </message>
    <message>
        <source>Over the whole validity</source>
        <translation>Durante toda la validez</translation>
    </message>
    <message>
        <source>Percent discount</source>
        <translation>Descuento porcentual</translation>
    </message>
    <message>
        <source>Free delivery</source>
        <translation>Envío gratuito</translation>
    </message>
    <message>
        <source>Price match</source>
        <translation>Igualación de precio</translation>
    </message>
    <message>
        <source>Points multiplier</source>
        <translation>Multiplicador de puntos</translation>
    </message>
    <message>
        <source>e.g. 5 (%) or 2 (×)</source>
        <translation>p. ej., 5 (%) o 2 (×)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Vendedor:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>I commit to:</source>
        <translation>Me comprometo a:</translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation>Compras:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Importe:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Moneda:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>In return for:</source>
        <translation>A cambio de:</translation>
    </message>
    <message>
        <source>Reward value:</source>
        <translation>Valor de la recompensa:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Válida &amp;desde:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Válida &amp;hasta:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
</context>
<context>
    <name>ProposalRow</name>
    <message>
        <source>This period: %1 – %2</source>
        <translation>Este periodo: %1 – %2</translation>
    </message>
    <message>
        <source>Today is outside this proposal&apos;s validity.</source>
        <translation>Hoy está fuera del periodo de validez de esta propuesta.</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>compras</translation>
    </message>
    <message>
        <source>%1: %2 of %3 %4</source>
        <translation>%1: %2 de %3 %4</translation>
    </message>
    <message>
        <source>No purchases recorded in this period yet.</source>
        <translation>Aún no hay compras registradas en este periodo.</translation>
    </message>
    <message>
        <source>Record purchase…</source>
        <translation>Registrar compra…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>%1 purchases</source>
        <translation>%1 compras</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>al año</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>en total</translation>
    </message>
    <message>
        <source>%1% discount</source>
        <translation>%1 % de descuento</translation>
    </message>
    <message>
        <source>free delivery</source>
        <translation>envío gratuito</translation>
    </message>
    <message>
        <source>price match</source>
        <translation>igualación de precio</translation>
    </message>
    <message>
        <source>%1× points</source>
        <translation>puntos ×%1</translation>
    </message>
    <message>
        <source>any vendor</source>
        <translation>cualquier vendedor</translation>
    </message>
    <message>
        <source>I commit to %1 %2 in %3 with %4, for %5. Valid %6 – %7.</source>
        <translation>Me comprometo a %1 %2 en %3 con %4, a cambio de %5. Válida del %6 al %7.</translation>
    </message>
</context>
<context>
    <name>ProposalStatus</name>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirada</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Record purchase</source>
        <translation>Registrar compra</translation>
    </message>
    <message>
        <source>&amp;Vendor:</source>
        <translation>&amp;Vendedor:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Name the vendor.</source>
        <translation>Indica el vendedor.</translation>
    </message>
    <message>
        <source>Write the amount like 12.50.</source>
        <translation>Escribe el importe así: 12.50.</translation>
    </message>
</context>
<context>
    <name>Purpose</name>
    <message>
        <source>Core Function</source>
        <translation>Función principal</translation>
    </message>
    <message>
        <source>to carry out the core functions of their service</source>
        <translation>para realizar las funciones principales de su servicio</translation>
    </message>
    <message>
        <source>Contracted Service</source>
        <translation>Servicio contratado</translation>
    </message>
    <message>
        <source>to provide the service or goods you ordered</source>
        <translation>para prestar el servicio o entregar los bienes que pediste</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>to deliver physical goods to you</source>
        <translation>para entregarte bienes físicos</translation>
    </message>
    <message>
        <source>Contact Requested</source>
        <translation>Contacto solicitado</translation>
    </message>
    <message>
        <source>to contact you about what you asked for</source>
        <translation>para contactarte sobre lo que pediste</translation>
    </message>
    <message>
        <source>Personalized Experience</source>
        <translation>Experiencia personalizada</translation>
    </message>
    <message>
        <source>to personalise their service for you</source>
        <translation>para personalizar su servicio para ti</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>to tell you about their other products</source>
        <translation>para informarte de sus otros productos</translation>
    </message>
    <message>
        <source>Marketing Third Parties</source>
        <translation>Marketing de terceros</translation>
    </message>
    <message>
        <source>to tell you about other companies&apos; products</source>
        <translation>para informarte de productos de otras empresas</translation>
    </message>
    <message>
        <source>Sharing for Delivery</source>
        <translation>Cesión para la entrega</translation>
    </message>
    <message>
        <source>to pass it to companies that deliver on their behalf</source>
        <translation>para cederlos a empresas que entregan en su nombre</translation>
    </message>
    <message>
        <source>Sharing for Marketing</source>
        <translation>Cesión para marketing</translation>
    </message>
    <message>
        <source>to pass it to other companies for their marketing</source>
        <translation>para cederlos a otras empresas para su marketing</translation>
    </message>
    <message>
        <source>3rd Party Sharing for Core Function</source>
        <translation>Cesión a terceros para la función principal</translation>
    </message>
    <message>
        <source>to pass it to other companies to serve you</source>
        <translation>para cederlos a otras empresas que te atienden</translation>
    </message>
    <message>
        <source>3rd Party Sharing for Others</source>
        <translation>Cesión a terceros para otros fines</translation>
    </message>
    <message>
        <source>to pass it to other companies to serve others</source>
        <translation>para cederlos a otras empresas para atender a otros</translation>
    </message>
    <message>
        <source>Legally Required Data Retention</source>
        <translation>Conservación exigida por ley</translation>
    </message>
    <message>
        <source>to keep records the law requires</source>
        <translation>para conservar los registros que exige la ley</translation>
    </message>
    <message>
        <source>Required by Law Enforcement or Government</source>
        <translation>Exigido por las autoridades</translation>
    </message>
    <message>
        <source>to give it to authorities when the law requires</source>
        <translation>para darlos a las autoridades cuando la ley lo exija</translation>
    </message>
    <message>
        <source>Protecting Your Health</source>
        <translation>Protección de tu salud</translation>
    </message>
    <message>
        <source>to protect your vital or health interests</source>
        <translation>para proteger tus intereses vitales o de salud</translation>
    </message>
    <message>
        <source>Protecting Our Interests</source>
        <translation>Protección de sus intereses</translation>
    </message>
    <message>
        <source>to protect their legitimate interests (fraud, security)</source>
        <translation>para proteger sus intereses legítimos (fraude, seguridad)</translation>
    </message>
    <message>
        <source>Improve Performance</source>
        <translation>Mejora del servicio</translation>
    </message>
    <message>
        <source>to measure or improve their service</source>
        <translation>para medir o mejorar su servicio</translation>
    </message>
</context>
<context>
    <name>QrCodeLabel</name>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
</context>
<context>
    <name>Region</name>
    <message>
        <source>Spain</source>
        <translation>España</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>Portugal</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Austria</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Suiza</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Bélgica</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>Países Bajos</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Andalusia</source>
        <translation>Andalucía</translation>
    </message>
    <message>
        <source>Aragon</source>
        <translation>Aragón</translation>
    </message>
    <message>
        <source>Asturias</source>
        <translation>Asturias</translation>
    </message>
    <message>
        <source>Balearic Islands</source>
        <translation>Islas Baleares</translation>
    </message>
    <message>
        <source>Basque Country</source>
        <translation>País Vasco</translation>
    </message>
    <message>
        <source>Canary Islands</source>
        <translation>Canarias</translation>
    </message>
    <message>
        <source>Cantabria</source>
        <translation>Cantabria</translation>
    </message>
    <message>
        <source>Castile and León</source>
        <translation>Castilla y León</translation>
    </message>
    <message>
        <source>Castilla–La Mancha</source>
        <translation>Castilla-La Mancha</translation>
    </message>
    <message>
        <source>Catalonia</source>
        <translation>Cataluña</translation>
    </message>
    <message>
        <source>Ceuta</source>
        <translation>Ceuta</translation>
    </message>
    <message>
        <source>Extremadura</source>
        <translation>Extremadura</translation>
    </message>
    <message>
        <source>Galicia</source>
        <translation>Galicia</translation>
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
        <translation>Comunidad Valenciana</translation>
    </message>
    <message>
        <source>Abruzzo</source>
        <translation>Abruzos</translation>
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
        <translation>Emilia-Romaña</translation>
    </message>
    <message>
        <source>Friuli-Venezia Giulia</source>
        <translation>Friul-Venecia Julia</translation>
    </message>
    <message>
        <source>Lazio</source>
        <translation>Lacio</translation>
    </message>
    <message>
        <source>Liguria</source>
        <translation>Liguria</translation>
    </message>
    <message>
        <source>Lombardy</source>
        <translation>Lombardía</translation>
    </message>
    <message>
        <source>Marche</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Molise</source>
        <translation>Molise</translation>
    </message>
    <message>
        <source>Piedmont</source>
        <translation>Piamonte</translation>
    </message>
    <message>
        <source>Apulia</source>
        <translation>Apulia</translation>
    </message>
    <message>
        <source>Sardinia</source>
        <translation>Cerdeña</translation>
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
        <translation>Trentino-Alto Adigio</translation>
    </message>
    <message>
        <source>Umbria</source>
        <translation>Umbría</translation>
    </message>
    <message>
        <source>Aosta Valley</source>
        <translation>Valle de Aosta</translation>
    </message>
    <message>
        <source>Veneto</source>
        <translation>Véneto</translation>
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
        <translation>Mercado</translation>
    </message>
    <message>
        <source>Market relay</source>
        <translation>Relé del mercado</translation>
    </message>
    <message>
        <source>Intentions you cast to the market go to this relay, where vendors you never met can answer with offers only you can read. Leave it empty to send intentions to your vendors only. A relay on another computer needs a tls:// address.</source>
        <translation>Las intenciones que lanzas al mercado van a este relé, donde vendedores que nunca has tratado pueden responder con ofertas que solo tú puedes leer. Déjalo vacío para enviar las intenciones solo a tus vendedores. Un relé en otro ordenador necesita una dirección tls://.</translation>
    </message>
    <message>
        <source>Relay:</source>
        <translation>Relé:</translation>
    </message>
    <message>
        <source>Relay saved.</source>
        <translation>Relé guardado.</translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message numerus="yes">
        <source>%n message(s) to %1 keep failing.</source>
        <translation>
            <numerusform>%n mensaje a %1 sigue fallando.</numerusform>
            <numerusform>%n mensajes a %1 siguen fallando.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s) for “%1” wait for your decision.</source>
        <translation>
            <numerusform>%n oferta para «%1» espera tu decisión.</numerusform>
            <numerusform>%n ofertas para «%1» esperan tu decisión.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) need your attention</source>
        <translation>
            <numerusform>%n cosa necesita tu atención</numerusform>
            <numerusform>%n cosas necesitan tu atención</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Your consent to %1 ends on %2.</source>
        <translation>Tu consentimiento a %1 termina el %2.</translation>
    </message>
    <message>
        <source>Your %1 card expired on %2.</source>
        <translation>Tu tarjeta %1 caducó el %2.</translation>
    </message>
    <message>
        <source>Your %1 card expires on %2.</source>
        <translation>Tu tarjeta %1 caduca el %2.</translation>
    </message>
    <message>
        <source>%1 has not confirmed that it stopped using your data (you revoked the consent on %2).</source>
        <translation>%1 no ha confirmado que ha dejado de usar tus datos (revocaste el consentimiento el %2).</translation>
    </message>
    <message>
        <source>Open the consent</source>
        <translation>Abrir el consentimiento</translation>
    </message>
    <message>
        <source>Open the card</source>
        <translation>Abrir la tarjeta</translation>
    </message>
    <message>
        <source>See the messages</source>
        <translation>Ver los mensajes</translation>
    </message>
    <message>
        <source>See the offers</source>
        <translation>Ver las ofertas</translation>
    </message>
    <message>
        <source>A consent you gave ends soon.</source>
        <translation>Un consentimiento que diste termina pronto.</translation>
    </message>
    <message>
        <source>A loyalty card expires soon or has expired.</source>
        <translation>Una tarjeta de fidelización caduca pronto o ha caducado.</translation>
    </message>
    <message>
        <source>A vendor has not confirmed the end of a consent.</source>
        <translation>Un vendedor no ha confirmado el fin de un consentimiento.</translation>
    </message>
    <message>
        <source>Messages to a vendor keep failing.</source>
        <translation>Los mensajes a un vendedor siguen fallando.</translation>
    </message>
    <message>
        <source>New offers wait for your decision.</source>
        <translation>Hay ofertas nuevas esperando tu decisión.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Ask for erasure (GDPR Art. 17)</source>
        <translation>Solicitar la supresión (art. 17 del RGPD)</translation>
    </message>
    <message>
        <source>Ask what they hold (GDPR Art. 15)</source>
        <translation>Preguntar qué datos tienen (art. 15 del RGPD)</translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; to erase the personal data you gave it through this wallet, naming the fields (never their values) and your consent receipts. It is signed with the key those receipts name, so the vendor can check it comes from you. The wallet keeps a copy; you send it.</source>
        <translation>Una carta que pide a &lt;b&gt;%1&lt;/b&gt; que suprima los datos personales que le diste a través de esta cartera, indicando los campos (nunca sus valores) y tus recibos de consentimiento. Va firmada con la clave que figura en esos recibos, para que el vendedor pueda comprobar que viene de ti. La cartera guarda una copia; tú la envías.</translation>
    </message>
    <message>
        <source>A letter asking &lt;b&gt;%1&lt;/b&gt; what personal data it holds about you and why. The wallet keeps a copy; you send it.</source>
        <translation>Una carta que pregunta a &lt;b&gt;%1&lt;/b&gt; qué datos personales tiene sobre ti y por qué. La cartera guarda una copia; tú la envías.</translation>
    </message>
    <message>
        <source>&amp;Write the request</source>
        <translation>&amp;Redactar la solicitud</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>The letter appears here once written.</source>
        <translation>La carta aparece aquí una vez redactada.</translation>
    </message>
    <message>
        <source>&amp;Copy the letter</source>
        <translation>&amp;Copiar la carta</translation>
    </message>
    <message>
        <source>Open in &amp;e-mail…</source>
        <translation>Abrir en el c&amp;orreo…</translation>
    </message>
    <message>
        <source>&amp;Save signed JSON…</source>
        <translation>&amp;Guardar JSON firmado…</translation>
    </message>
    <message>
        <source>Send it to %1.</source>
        <translation>Envíala a %1.</translation>
    </message>
    <message>
        <source>The vendor publishes no e-mail address; its contact is %1.</source>
        <translation>El vendedor no publica ninguna dirección de correo electrónico; su contacto es %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s) to this vendor are still active: revoke them too, so the wallet sends no more updates and the vendor gets a signed revocation.</source>
        <translation>
            <numerusform>%n consentimiento a este vendedor sigue activo: revócalo también, para que la cartera no envíe más actualizaciones y el vendedor reciba una revocación firmada.</numerusform>
            <numerusform>%n consentimientos a este vendedor siguen activos: revócalos también, para que la cartera no envíe más actualizaciones y el vendedor reciba una revocación firmada.</numerusform>
        </translation>
    </message>
    <message>
        <source>The letter is on the clipboard; it is cleared in %1 s.</source>
        <translation>La carta está en el portapapeles; se vaciará en %1 s.</translation>
    </message>
    <message>
        <source>No e-mail app could be opened; copy the letter.</source>
        <translation>No se pudo abrir ninguna aplicación de correo; copia la carta.</translation>
    </message>
    <message>
        <source>Save the signed request</source>
        <translation>Guardar la solicitud firmada</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
</context>
<context>
    <name>ScreenLockWatcher</name>
    <message>
        <source>This build of Qt has no D-Bus support.</source>
        <translation>Esta compilación de Qt no admite D-Bus.</translation>
    </message>
    <message>
        <source>No desktop session bus (D-Bus) was found, so the screen lock cannot be noticed.</source>
        <translation>No se encontró un bus de sesión de escritorio (D-Bus), así que no se puede detectar el bloqueo de pantalla.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>El del sistema (%1)</translation>
    </message>
    <message>
        <source>Language of the interface:</source>
        <translation>Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Locking and clipboard</source>
        <translation>Bloqueo y portapapeles</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock when the screen locks</source>
        <translation>Bloquear cuando se bloquee la pantalla</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Lock after this long without use:</source>
        <translation>Bloquear tras este tiempo sin uso:</translation>
    </message>
    <message>
        <source>Clear copied values after:</source>
        <translation>Vaciar los valores copiados tras:</translation>
    </message>
    <message>
        <source>Remind me before a consent or card ends:</source>
        <translation>Avisarme antes de que termine un consentimiento o una tarjeta:</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <source>Remember on this device (unlock with the OS keyring)</source>
        <translation>Recordar en este dispositivo (desbloquear con el llavero del sistema)</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>Comprobando el llavero del sistema…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambiar frase de contraseña…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Hacer copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurar desde copia de seguridad…</translation>
    </message>
    <message>
        <source>A backup is encrypted like the vault and opens with the same passphrase or recovery key. Keep one away from this computer.</source>
        <translation>Una copia de seguridad está cifrada como la bóveda y se abre con la misma frase de contraseña o clave de recuperación. Guarda una lejos de este ordenador.</translation>
    </message>
    <message>
        <source>Vault health</source>
        <translation>Estado de la bóveda</translation>
    </message>
    <message>
        <source>Check vault…</source>
        <translation>Comprobar bóveda…</translation>
    </message>
    <message>
        <source>Reads every page of the vault and checks the header, the database, the activity log and the outbox, without changing anything.</source>
        <translation>Lee todas las páginas de la bóveda y comprueba la cabecera, la base de datos, el registro de actividad y la bandeja de salida, sin cambiar nada.</translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase. You are still asked for it every two weeks so you do not forget it.</source>
        <translation>Desbloquea sin escribir la frase de contraseña. Se te seguirá pidiendo cada dos semanas para que no la olvides.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message>
        <source>This device now remembers the vault.</source>
        <translation>Este dispositivo recuerda ahora la bóveda.</translation>
    </message>
    <message>
        <source>This device no longer remembers the vault.</source>
        <translation>Este dispositivo ya no recuerda la bóveda.</translation>
    </message>
    <message>
        <source>Your passphrase was changed.</source>
        <translation>Se cambió tu frase de contraseña.</translation>
    </message>
    <message>
        <source>Back up the vault</source>
        <translation>Hacer copia de seguridad de la bóveda</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>Copia de seguridad guardada en %1</translation>
    </message>
    <message>
        <source>VRM Wallet backup (*.zip);;All files (*)</source>
        <translation>Copia de seguridad de VRM Wallet (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Passphrase of the backup %1:</source>
        <translation>Frase de contraseña de la copia de seguridad %1:</translation>
    </message>
    <message>
        <source>Replace the current vault?</source>
        <translation>¿Sustituir la bóveda actual?</translation>
    </message>
    <message>
        <source>Lock and restore</source>
        <translation>Bloquear y restaurar</translation>
    </message>
    <message>
        <source>The vault will be locked, and the backup restored in its place.

The current vault is not deleted: it will be moved aside to
%1

Then unlock with the backup&apos;s passphrase.</source>
        <translation>Se bloqueará la bóveda y se restaurará la copia de seguridad en su lugar.

La bóveda actual no se elimina: se moverá a
%1

Después, desbloquea con la frase de contraseña de la copia.</translation>
    </message>
    <message>
        <source>Checking the vault…</source>
        <translation>Comprobando la bóveda…</translation>
    </message>
    <message>
        <source>All %1 checks passed.</source>
        <translation>Se superaron las %1 comprobaciones.</translation>
    </message>
    <message numerus="yes">
        <source>The check found %n problem(s); the list above says what to do.</source>
        <translation>
            <numerusform>La comprobación encontró %n problema; la lista de arriba dice qué hacer.</numerusform>
            <numerusform>La comprobación encontró %n problemas; la lista de arriba dice qué hacer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StandardField</name>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Dirección de correo electrónico</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <source>Clothing size</source>
        <translation>Talla de ropa</translation>
    </message>
    <message>
        <source>Shoe size</source>
        <translation>Talla de calzado</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Dietary preferences</source>
        <translation>Preferencias alimentarias</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: type a passphrase</source>
        <translation>Seguridad: escribe una frase de contraseña</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>muy débil</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>aceptable</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>segura</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>muy segura</translation>
    </message>
    <message>
        <source>Strength: %1</source>
        <translation>Seguridad: %1</translation>
    </message>
</context>
<context>
    <name>TermsChanges</name>
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>no standard agreement</source>
        <translation>ningún acuerdo estándar</translation>
    </message>
    <message>
        <source>a standard agreement this app does not know</source>
        <translation>un acuerdo estándar que esta aplicación no conoce</translation>
    </message>
    <message>
        <source>Language of the terms: %1 → %2</source>
        <translation>Idioma de las condiciones: %1 → %2</translation>
    </message>
    <message>
        <source>Agreement: %1 → %2</source>
        <translation>Acuerdo: %1 → %2</translation>
    </message>
    <message>
        <source>Free-text clause added: “%1”</source>
        <translation>Cláusula de texto libre añadida: «%1»</translation>
    </message>
    <message>
        <source>Free-text clause removed: “%1”</source>
        <translation>Cláusula de texto libre quitada: «%1»</translation>
    </message>
    <message>
        <source>Free-text clause changed: “%1”</source>
        <translation>Cláusula de texto libre cambiada: «%1»</translation>
    </message>
    <message>
        <source>a clause this app does not know</source>
        <translation>una cláusula que esta aplicación no conoce</translation>
    </message>
    <message>
        <source>Clause added: %1</source>
        <translation>Cláusula añadida: %1</translation>
    </message>
    <message>
        <source>Clause removed: %1</source>
        <translation>Cláusula quitada: %1</translation>
    </message>
    <message>
        <source>Clause changed: %1 (%2)</source>
        <translation>Cláusula cambiada: %1 (%2)</translation>
    </message>
    <message>
        <source>a setting</source>
        <translation>un ajuste</translation>
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
        <translation>Redactar</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>The language of the preview and of your free text</source>
        <translation>El idioma de la vista previa y de tu texto libre</translation>
    </message>
    <message>
        <source>The standard agreement (IEEE 7012 roster) you proffer to vendors</source>
        <translation>El acuerdo estándar (lista IEEE 7012) que ofreces a los vendedores</translation>
    </message>
    <message>
        <source>No standard agreement (clauses only)</source>
        <translation>Sin acuerdo estándar (solo cláusulas)</translation>
    </message>
    <message>
        <source>A clause in your own words…</source>
        <translation>Una cláusula con tus propias palabras…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Standard clauses added to it</source>
        <translation>Cláusulas estándar añadidas</translation>
    </message>
    <message>
        <source>Free-text clauses (kept as you write them)</source>
        <translation>Cláusulas de texto libre (se guardan tal como las escribes)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Guardar como nueva versión</translation>
    </message>
    <message>
        <source>Sign these terms and keep them as a new version</source>
        <translation>Firmar estas condiciones y guardarlas como nueva versión</translation>
    </message>
    <message>
        <source>Preview in</source>
        <translation>Vista previa en</translation>
    </message>
    <message>
        <source>Hash and signing key of the selected version</source>
        <translation>Hash y clave de firma de la versión elegida</translation>
    </message>
    <message>
        <source>Si&amp;gnature details</source>
        <translation>Detalles de la &amp;firma</translation>
    </message>
    <message>
        <source>Show the selected version&apos;s hash and signing key</source>
        <translation>Muestra el hash y la clave de firma de la versión seleccionada</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the selected version as signed JSON</source>
        <translation>Guardar la versión seleccionada como JSON firmado</translation>
    </message>
    <message>
        <source>Edit as new version</source>
        <translation>Editar como nueva versión</translation>
    </message>
    <message>
        <source>Load the selected version into the clause picker</source>
        <translation>Cargar la versión seleccionada en el selector de cláusulas</translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation>Versiones guardadas</translation>
    </message>
    <message>
        <source>Compare version</source>
        <translation>Comparar la versión</translation>
    </message>
    <message>
        <source>with version</source>
        <translation>con la versión</translation>
    </message>
    <message>
        <source>Pick an agreement or clauses on the left to see your terms here.</source>
        <translation>Elige un acuerdo o cláusulas a la izquierda para ver aquí tus condiciones.</translation>
    </message>
    <message>
        <source>Same as your saved version %1</source>
        <translation>Igual que tu versión guardada %1</translation>
    </message>
    <message>
        <source>Saved and signed version %1 (its hash and key are in History).</source>
        <translation>Versión %1 guardada y firmada (su hash y su clave están en Historial).</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3 clauses</source>
        <translation>Versión %1 · %2 · %3 cláusulas</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>No saved version yet.</source>
        <translation>Aún no hay ninguna versión guardada.</translation>
    </message>
    <message>
        <source>SHA-256: %1
Signed by key: %2
Key id (kid): %3</source>
        <translation>SHA-256: %1
Firmado con la clave: %2
Id. de clave (kid): %3</translation>
    </message>
    <message>
        <source>Save two versions to compare them.</source>
        <translation>Guarda dos versiones para compararlas.</translation>
    </message>
    <message>
        <source>No differences in the clauses.</source>
        <translation>No hay diferencias en las cláusulas.</translation>
    </message>
    <message>
        <source>Export terms</source>
        <translation>Exportar condiciones</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported version %1 to %2.</source>
        <translation>Versión %1 exportada a %2.</translation>
    </message>
</context>
<context>
    <name>TillView</name>
    <message>
        <source>%1 at the till</source>
        <translation>%1 en caja</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>Número de tarjeta</translation>
    </message>
    <message>
        <source>Press any key or click to close. If the scanner cannot read it, turn up your screen&apos;s brightness: this app cannot change it.</source>
        <translation>Pulsa cualquier tecla o haz clic para cerrar. Si el lector no puede leerlo, sube el brillo de la pantalla: esta aplicación no puede cambiarlo.</translation>
    </message>
    <message>
        <source>This app cannot draw %1 codes; show the number instead.</source>
        <translation>Esta aplicación no puede dibujar códigos %1; muestra el número en su lugar.</translation>
    </message>
    <message>
        <source>Scannable code of %1</source>
        <translation>Código escaneable de %1</translation>
    </message>
    <message>
        <source>⚠ This card expired on %1</source>
        <translation>⚠ Esta tarjeta caducó el %1</translation>
    </message>
    <message>
        <source>⚠ This card expires on %1</source>
        <translation>⚠ Esta tarjeta caduca el %1</translation>
    </message>
    <message>
        <source>The window is too small to draw this code.</source>
        <translation>La ventana es demasiado pequeña para dibujar este código.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>VRM Wallet: locked</source>
        <translation>VRM Wallet: bóveda bloqueada</translation>
    </message>
    <message numerus="yes">
        <source>VRM Wallet: %n reminder(s) due</source>
        <translation>
            <numerusform>VRM Wallet: %n recordatorio pendiente</numerusform>
            <numerusform>VRM Wallet: %n recordatorios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>VRM Wallet: nothing due</source>
        <translation>VRM Wallet: nada pendiente</translation>
    </message>
    <message>
        <source>VRM Wallet is still running</source>
        <translation>VRM Wallet sigue funcionando</translation>
    </message>
    <message>
        <source>Open it or quit it from its icon in the tray. The vault locks by itself as set in Settings.</source>
        <translation>Ábrelo o ciérralo desde su icono en la bandeja. La bóveda se bloquea sola como se indica en Ajustes.</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Open VRM Wallet</source>
        <translation>Abrir VRM Wallet</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>UndeliveredMessages</name>
    <message>
        <source>Messages that could not be delivered</source>
        <translation>Mensajes que no se pudieron entregar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendedor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Send again the selected messages the wallet could not handle (all of them when none is selected)</source>
        <translation>Volver a enviar los mensajes seleccionados que la cartera no pudo procesar (todos si no hay ninguno seleccionado)</translation>
    </message>
    <message>
        <source>could not be handled</source>
        <translation>no se pudo procesar</translation>
    </message>
    <message>
        <source>answer could not be read</source>
        <translation>no se pudo leer la respuesta</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>no entregado</translation>
    </message>
    <message>
        <source>vendor disabled</source>
        <translation>vendedor desactivado</translation>
    </message>
    <message>
        <source>waiting behind one that could not be handled</source>
        <translation>esperando detrás de uno que no se pudo procesar</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued again; they are sent with the next delivery.</source>
        <translation>
            <numerusform>%n mensaje vuelve a estar en cola; se envía con la próxima entrega.</numerusform>
            <numerusform>%n mensajes vuelven a estar en cola; se envían con la próxima entrega.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock your vault</source>
        <translation>Desbloquea tu bóveda</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>Bóveda: %1</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Tu frase de contraseña</translation>
    </message>
    <message>
        <source>This is the demo vault. Its passphrase is: %1</source>
        <translation>Esta es la bóveda de demostración. Su frase de contraseña es: %1</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock with this device&apos;s keyring</source>
        <translation>Desbloquear con el llavero de este dispositivo</translation>
    </message>
    <message>
        <source>Forgot your passphrase? Use recovery key</source>
        <translation>¿Has olvidado tu frase de contraseña? Usa la clave de recuperación</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Type the recovery key you saved when you created the vault, then choose a new passphrase. Your data stays as it is.</source>
        <translation>Escribe la clave de recuperación que guardaste al crear la bóveda y elige una nueva frase de contraseña. Tus datos no cambian.</translation>
    </message>
    <message>
        <source>Set new passphrase and unlock</source>
        <translation>Establecer la nueva frase de contraseña y desbloquear</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clave de recuperación:</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Primero escribe tu frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>VaultRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Error inesperado: %1</translation>
    </message>
</context>
<context>
    <name>VendorsModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Huella de la clave</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>refused key: remove and add again</source>
        <translation>clave rechazada: elimínalo y vuelve a añadirlo</translation>
    </message>
    <message>
        <source>Key change pending</source>
        <translation>Cambio de clave pendiente</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>New key, not trusted until you approve it: %1</source>
        <translation>Clave nueva, no es de confianza hasta que la apruebes: %1</translation>
    </message>
</context>
<context>
    <name>VendorsPage</name>
    <message>
        <source>Vendors you send intentions to. Each vendor&apos;s key is pinned when you add it; if it ever changes, nothing from the new key is trusted until you approve it.</source>
        <translation>Vendedores a los que envías intenciones. La clave de cada vendedor queda fijada al añadirlo; si alguna vez cambia, no se confía en nada de la nueva clave hasta que la apruebes.</translation>
    </message>
    <message>
        <source>Vendor address, e.g. https://shop.example or its vrm-vendor.json URL</source>
        <translation>Dirección del vendedor, p. ej., https://shop.example o la URL de su vrm-vendor.json</translation>
    </message>
    <message>
        <source>&amp;Add from URL…</source>
        <translation>&amp;Añadir desde URL…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No vendors yet&lt;/h3&gt;&lt;p&gt;Type a vendor&apos;s address above and choose &lt;i&gt;Add from URL&lt;/i&gt;, or import a vendor list.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aún no hay vendedores&lt;/h3&gt;&lt;p&gt;Escribe arriba la dirección de un vendedor y elige &lt;i&gt;Añadir desde URL&lt;/i&gt;, o importa una lista de vendedores.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A&amp;pprove new key…</source>
        <translation>A&amp;probar nueva clave…</translation>
    </message>
    <message>
        <source>Trust the new key the selected vendor presented (shows both fingerprints)</source>
        <translation>Confiar en la nueva clave que presentó el vendedor seleccionado (muestra ambas huellas)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Fetching the vendor&apos;s details from %1…</source>
        <translation>Obteniendo los datos del vendedor desde %1…</translation>
    </message>
    <message>
        <source>%1 is already in your vendors with this key; nothing changed.</source>
        <translation>%1 ya está en tus vendedores con esta clave; no ha cambiado nada.</translation>
    </message>
    <message>
        <source>Not added: you did not trust the key.</source>
        <translation>No añadido: no confiaste en la clave.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Añadido %1.</translation>
    </message>
    <message>
        <source>Updated %1.</source>
        <translation>Actualizado %1.</translation>
    </message>
    <message>
        <source>%1 now presents a DIFFERENT key than the one you pinned, so it was not trusted. If the vendor confirms the change through another channel, select it and choose Approve new key.</source>
        <translation>%1 presenta ahora una clave DISTINTA de la que fijaste, así que no se ha confiado en ella. Si el vendedor confirma el cambio por otro medio, selecciónalo y elige Aprobar nueva clave.</translation>
    </message>
    <message>
        <source>refused key</source>
        <translation>clave rechazada</translation>
    </message>
    <message>
        <source>%1 now uses its new key.</source>
        <translation>%1 usa ahora su nueva clave.</translation>
    </message>
    <message>
        <source>Remove vendor</source>
        <translation>Eliminar vendedor</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from your vendors? Messages not yet delivered to it are cancelled, and its key is forgotten.</source>
        <translation>¿Eliminar a %1 (%2) de tus vendedores? Se cancelan los mensajes aún no entregados y se olvida su clave.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Eliminado %1.</translation>
    </message>
    <message>
        <source>%1 undelivered messages were cancelled.</source>
        <translation>Se cancelaron %1 mensajes no entregados.</translation>
    </message>
    <message>
        <source>Import a vendor list</source>
        <translation>Importar una lista de vendedores</translation>
    </message>
    <message>
        <source>Vendor lists (*.json);;All files (*)</source>
        <translation>Listas de vendedores (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported %1 new and %2 updated vendors; %3 refused.</source>
        <translation>Importados %1 vendedores nuevos y %2 actualizados; %3 rechazados.</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>Entrada %1: %2</translation>
    </message>
    <message>
        <source>Export your vendors</source>
        <translation>Exportar tus vendedores</translation>
    </message>
    <message>
        <source>Vendor lists (*.json)</source>
        <translation>Listas de vendedores (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 vendors to %2.</source>
        <translation>Se exportaron %1 vendedores a %2.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Remember on this device (OS keyring)</source>
        <translation>Recordar en este dispositivo (llavero del sistema)</translation>
    </message>
    <message>
        <source>Checking the OS keyring…</source>
        <translation>Comprobando el llavero del sistema…</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Crear bóveda</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>Welcome to VRM Wallet</source>
        <translation>Te damos la bienvenida a VRM Wallet</translation>
    </message>
    <message>
        <source>Your personal data stays in an encrypted vault on this computer. Choose a passphrase to lock it: a few random words are easy to remember and hard to guess. Nobody can reset it for you, so the next step gives you a recovery key.</source>
        <translation>Tus datos personales se quedan en una bóveda cifrada en este ordenador. Elige una frase de contraseña para cerrarla: unas cuantas palabras al azar son fáciles de recordar y difíciles de adivinar. Nadie puede restablecerla por ti, así que el siguiente paso te da una clave de recuperación.</translation>
    </message>
    <message>
        <source>Vault: %1</source>
        <translation>Bóveda: %1</translation>
    </message>
    <message>
        <source>Unlock without typing the passphrase; it is still asked now and then.</source>
        <translation>Desbloquea sin escribir la frase de contraseña; se te seguirá pidiendo de vez en cuando.</translation>
    </message>
    <message>
        <source>This device could not remember the vault: %1</source>
        <translation>Este dispositivo no pudo recordar la bóveda: %1</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Guardar en archivo…</translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation>He guardado mi clave de recuperación</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finalizar</translation>
    </message>
    <message>
        <source>Save your recovery key</source>
        <translation>Guarda tu clave de recuperación</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this key is the only way back into your vault. Print it, write it down or save it somewhere safe, away from this computer. It is shown only now.</source>
        <translation>Si olvidas tu frase de contraseña, esta clave es la única forma de volver a entrar en tu bóveda. Imprímela, apúntala o guárdala en un lugar seguro, lejos de este ordenador. Solo se muestra ahora.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 seconds.</source>
        <translation>Copiada. El portapapeles se vaciará en %1 segundos.</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Saved to %1 (readable only by you).</source>
        <translation>Guardada en %1 (solo tú puedes leerla).</translation>
    </message>
    <message>
        <source>VRM Wallet recovery key</source>
        <translation>Clave de recuperación de VRM Wallet</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Creada: %1</translation>
    </message>
    <message>
        <source>Keep this safe: it unlocks your vault if you forget your passphrase.</source>
        <translation>Guárdala en un lugar seguro: desbloquea tu bóveda si olvidas tu frase de contraseña.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>My data</source>
        <translation>Mis datos</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Intentions</source>
        <translation>Intenciones</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>My terms</source>
        <translation>Mis condiciones</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidelización</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>Vendedores</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock the vault (Ctrl+L)</source>
        <translation>Bloquear la bóveda (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>WorkspaceShortcuts</name>
    <message>
        <source>&amp;New intention…</source>
        <translation>&amp;Nueva intención…</translation>
    </message>
    <message>
        <source>&amp;Find on this page</source>
        <translation>&amp;Buscar en esta página</translation>
    </message>
    <message>
        <source>This page has no search or filter.</source>
        <translation>Esta página no tiene búsqueda ni filtro.</translation>
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
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>intention_dialogs</name>
    <message>
        <source>Withdraw intention</source>
        <translation>Retirar la intención</translation>
    </message>
    <message>
        <source>Withdraw your intention for “%1”? Copies not yet delivered are cancelled, and vendors that received it are told it is withdrawn.</source>
        <translation>¿Retirar tu intención de «%1»? Las copias aún no entregadas se cancelan y a los vendedores que la recibieron se les dice que está retirada.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Accept offer</source>
        <translation>Aceptar la oferta</translation>
    </message>
    <message>
        <source>Accept %1&apos;s offer of “%2” for %3, delivered by %4? The vendor is told you accept it, and the other vendors that their offers were declined.</source>
        <translation>¿Aceptar la oferta de %1 de «%2» por %3, entregada antes del %4? Al vendedor se le dice que la aceptas, y a los demás vendedores que sus ofertas fueron rechazadas.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation>Algo salió mal de forma inesperada: %1</translation>
    </message>
</context>
<context>
    <name>vendor_dialogs</name>
    <message>
        <source>Update the details of &lt;b&gt;%1&lt;/b&gt; (%2)? Its key is unchanged.</source>
        <translation>¿Actualizar los datos de &lt;b&gt;%1&lt;/b&gt; (%2)? Su clave no cambia.</translation>
    </message>
    <message>
        <source>Add &lt;b&gt;%1&lt;/b&gt; (%2) to your vendors and trust its key?</source>
        <translation>¿Añadir &lt;b&gt;%1&lt;/b&gt; (%2) a tus vendedores y confiar en su clave?</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Desde: %1</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Huella de la clave:</translation>
    </message>
    <message>
        <source>If the vendor publishes its fingerprint elsewhere (its shop, a receipt), check that they match. Messages to this vendor will be accepted only with this key.</source>
        <translation>Si el vendedor publica su huella en otro sitio (su tienda, un recibo), comprueba que coinciden. Los mensajes de este vendedor solo se aceptarán con esta clave.</translation>
    </message>
    <message>
        <source>Update vendor</source>
        <translation>Actualizar el vendedor</translation>
    </message>
    <message>
        <source>Add vendor</source>
        <translation>Añadir vendedor</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Add and trust</source>
        <translation>Añadir y confiar</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) now presents a different key.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) presenta ahora una clave distinta.</translation>
    </message>
    <message>
        <source>Pinned key:</source>
        <translation>Clave fijada:</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>Clave nueva:</translation>
    </message>
    <message>
        <source>Trust it only if the vendor confirmed the change through another channel; someone impersonating the vendor would also present a new key.</source>
        <translation>Confía en ella solo si el vendedor confirmó el cambio por otro canal; quien se hiciera pasar por el vendedor también presentaría una clave nueva.</translation>
    </message>
    <message>
        <source>Approve new key</source>
        <translation>Aprobar la clave nueva</translation>
    </message>
    <message>
        <source>Trust the new key</source>
        <translation>Confiar en la clave nueva</translation>
    </message>
</context>
</TS>
