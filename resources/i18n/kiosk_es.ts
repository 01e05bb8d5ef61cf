<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin panel</source>
        <translation>Panel de administración</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1&#xa0;GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1&#xa0;MB</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1&#xa0;d %2&#xa0;h %3&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1&#xa0;min %2&#xa0;s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 libres de %2</translation>
    </message>
    <message>
        <source>Admin panel views</source>
        <translation>Vistas del panel de administración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status: the content, the machine and the self-test</source>
        <translation>Estado: el contenido, el equipo y la autoprueba</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message>
        <source>Visitors: what visitors looked at, and when</source>
        <translation>Visitantes: qué consultaron y cuándo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the admin panel and go back to the kiosk</source>
        <translation>Cerrar el panel de administración y volver al quiosco</translation>
    </message>
    <message>
        <source>Safe mode.</source>
        <translation>Modo seguro.</translation>
    </message>
    <message>
        <source>The kiosk stopped unexpectedly three times within ten minutes, so it now shows the bundled content. Look at the last errors, run the self-test on your content, then restart.</source>
        <translation>El quiosco se ha detenido inesperadamente tres veces en diez minutos, por lo que ahora muestra el contenido integrado. Consulte los últimos errores, ejecute el autodiagnóstico con su contenido y, después, reinicie.</translation>
    </message>
    <message>
        <source>Safe mode: the kiosk stopped unexpectedly three times within ten minutes and now shows the bundled content.</source>
        <translation>Modo seguro: el quiosco se ha detenido inesperadamente tres veces en diez minutos y ahora muestra el contenido integrado.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Content: new content from a USB drive, the previous content, out-of-date items, and the visits export</source>
        <translation>Contenido: el contenido nuevo desde una memoria USB, el contenido anterior, los elementos caducados y la exportación de las visitas</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Última revisión</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation>Carpeta del contenido</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Tiempo en marcha</translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation>Memoria en uso</translation>
    </message>
    <message>
        <source>Disk (content)</source>
        <translation>Disco (contenido)</translation>
    </message>
    <message>
        <source>Disk (cache)</source>
        <translation>Disco (caché)</translation>
    </message>
    <message>
        <source>Kiosk software</source>
        <translation>Software del quiosco</translation>
    </message>
    <message>
        <source>Log files</source>
        <translation>Archivos de registro</translation>
    </message>
    <message>
        <source>Last warnings and errors</source>
        <translation>Últimas advertencias y errores</translation>
    </message>
    <message>
        <source>Nothing has gone wrong since the kiosk started.</source>
        <translation>No ha habido ningún problema desde que se inició el quiosco.</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Autodiagnóstico</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En curso…</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Superado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Self-test: %1</source>
        <translation>Autodiagnóstico: %1</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>Ejecutar autodiagnóstico</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Volver a ejecutar</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Ejecutar el autodiagnóstico</translation>
    </message>
    <message>
        <source>Checks the content, every page in every language, and every video, document and picture, as visitors would meet them. It takes about half a minute; the kiosk keeps running meanwhile.</source>
        <translation>Comprueba el contenido, cada página en cada idioma y cada video, documento e imagen, tal como los verían los visitantes. Tarda aproximadamente medio minuto; mientras tanto, el quiosco sigue funcionando.</translation>
    </message>
    <message>
        <source>Self-test report</source>
        <translation>Informe del autodiagnóstico</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>Recargar el contenido</translation>
    </message>
    <message>
        <source>Reload the content from its folder</source>
        <translation>Volver a cargar el contenido desde su carpeta</translation>
    </message>
    <message>
        <source>Restart kiosk</source>
        <translation>Reiniciar el quiosco</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>Salir al escritorio</translation>
    </message>
    <message>
        <source>Close the kiosk and show the desktop</source>
        <translation>Cerrar el quiosco y mostrar el escritorio</translation>
    </message>
    <message>
        <source>Exit to the desktop? The kiosk stays closed until someone starts it again.</source>
        <translation>¿Salir al escritorio? El quiosco permanecerá cerrado hasta que alguien lo vuelva a iniciar.</translation>
    </message>
    <message>
        <source>Restart the kiosk? It is back in a few seconds.</source>
        <translation>¿Reiniciar el quiosco? Volverá a estar disponible en unos segundos.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>AttractPage</name>
    <message>
        <source>Touch the screen to explore</source>
        <translation>Toque la pantalla para explorar</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Stand-in media</source>
        <translation>Video provisional</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>En inglés</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Stand-in media: the original is not stored on this kiosk. What plays here was made as a placeholder for it.</source>
        <translation>Video provisional: el original no está almacenado en este quiosco. Lo que se reproduce aquí se ha elaborado para sustituirlo.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Véase también</translation>
    </message>
</context>
<context>
    <name>ContentUpdates</name>
    <message>
        <source>No USB drive found. Plug one in and try again.</source>
        <translation>No se ha encontrado ninguna memoria USB. Conecte una y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>There is no content pack (.kpack file) on the USB drive.</source>
        <translation>La memoria USB no contiene ningún paquete de contenido (archivo .kpack).</translation>
    </message>
    <message>
        <source>Installed. The new content shows as soon as nobody is using the kiosk, or when you restart it.</source>
        <translation>Instalado. El nuevo contenido se mostrará en cuanto nadie esté usando el quiosco, o cuando lo reinicie.</translation>
    </message>
    <message>
        <source>Installed. Restart the kiosk to show the new content.</source>
        <translation>Instalado. Reinicie el quiosco para mostrar el nuevo contenido.</translation>
    </message>
    <message>
        <source>Installed. This kiosk was started on another content folder: the pack shows when it starts without one.</source>
        <translation>Instalado. Este quiosco se inició con otra carpeta de contenido: el paquete se mostrará cuando se inicie sin ella.</translation>
    </message>
    <message>
        <source>Content on show</source>
        <translation>Contenido en pantalla</translation>
    </message>
    <message>
        <source>This kiosk was started on a content folder of its own, so installed packs show only when it starts without one.</source>
        <translation>Este quiosco se inició con una carpeta de contenido propia, por lo que los paquetes instalados solo se muestran cuando se inicia sin ella.</translation>
    </message>
    <message>
        <source>Go back to the previous content</source>
        <translation>Volver al contenido anterior</translation>
    </message>
    <message>
        <source>Show the content that came with the app</source>
        <translation>Mostrar el contenido integrado en la aplicación</translation>
    </message>
    <message>
        <source>Show the content that came with the app again?</source>
        <translation>¿Mostrar de nuevo el contenido integrado en la aplicación?</translation>
    </message>
    <message>
        <source>Show the previous content again?</source>
        <translation>¿Volver a mostrar el contenido anterior?</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>New content from a USB drive</source>
        <translation>Contenido nuevo desde una memoria USB</translation>
    </message>
    <message>
        <source>Plug in a USB drive that holds a signed content pack (.kpack). The kiosk checks its signature and every file before anything changes; the content on show stays until the new one has passed.</source>
        <translation>Conecte una memoria USB que contenga un paquete de contenido firmado (.kpack). El quiosco comprueba su firma y cada uno de sus archivos antes de cambiar nada; el contenido en pantalla se mantiene hasta que el nuevo haya superado la comprobación.</translation>
    </message>
    <message>
        <source>Look for content packs</source>
        <translation>Buscar paquetes de contenido</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · versión %2</translation>
    </message>
    <message>
        <source>%1, made on %2</source>
        <translation>%1, creado el %2</translation>
    </message>
    <message>
        <source>Cannot be installed: %1</source>
        <translation>No se puede instalar: %1</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalar</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>Instalar %1</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Instalando…</translation>
    </message>
    <message>
        <source>✓ Installed</source>
        <translation>✓ Instalado</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>No se ha instalado</translation>
    </message>
    <message>
        <source>Going back…</source>
        <translation>Volviendo al contenido anterior…</translation>
    </message>
    <message>
        <source>✓ The content that came with the app is back</source>
        <translation>✓ Ha vuelto el contenido integrado en la aplicación</translation>
    </message>
    <message>
        <source>✓ The previous content is back</source>
        <translation>✓ Se ha restablecido el contenido anterior</translation>
    </message>
    <message>
        <source>Could not go back</source>
        <translation>No se pudo volver al contenido anterior</translation>
    </message>
    <message>
        <source>From the next start: %1</source>
        <translation>A partir del próximo inicio: %1</translation>
    </message>
    <message>
        <source>the content that came with the app</source>
        <translation>el contenido integrado en la aplicación</translation>
    </message>
    <message>
        <source>Kept to go back to: %1</source>
        <translation>Se conserva para volver atrás: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando las visitas…</translation>
    </message>
    <message>
        <source>✓ Exported</source>
        <translation>✓ Visitas exportadas</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se han exportado las visitas</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>Elementos caducados</translation>
    </message>
    <message>
        <source>No item has passed its expiry date.</source>
        <translation>Ningún elemento ha superado su fecha de caducidad.</translation>
    </message>
    <message>
        <source>%1 — expired on %2</source>
        <translation>%1 — caducó el %2</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Saves the record of visitor sessions on this kiosk (no personal data) as a spreadsheet file on the USB drive.</source>
        <translation>Guarda el registro de las sesiones de visitantes de este quiosco (sin datos personales) como archivo de hoja de cálculo en la memoria USB.</translation>
    </message>
    <message>
        <source>Export visits to USB</source>
        <translation>Exportar las visitas a una memoria USB</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Visitors</source>
        <translation>Visitantes</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1</source>
        <translation>
            <numerusform>Último día (%n): %1</numerusform>
            <numerusform>Últimos %n días: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Último día (%n)</numerusform>
            <numerusform>Últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Período mostrado</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n day(s)</source>
        <translation>
            <numerusform>Mostrar el último día (%n)</numerusform>
            <numerusform>Mostrar los últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the visit records…</source>
        <translation>Leyendo el registro de visitas…</translation>
    </message>
    <message>
        <source>The visit records could not be read</source>
        <translation>No se pudo leer el registro de visitas</translation>
    </message>
    <message numerus="yes">
        <source>No visits in the last %n day(s)</source>
        <translation>
            <numerusform>Ninguna visita el último día (%n)</numerusform>
            <numerusform>Ninguna visita en los últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits recorded yet</source>
        <translation>Todavía no hay visitas registradas</translation>
    </message>
    <message>
        <source>The details are in the log files. The kiosk itself is not affected.</source>
        <translation>Los detalles están en los archivos de registro. El quiosco en sí no se ve afectado.</translation>
    </message>
    <message>
        <source>Choose a longer period to see earlier visits.</source>
        <translation>Elija un período más largo para ver visitas anteriores.</translation>
    </message>
    <message>
        <source>The figures appear here once visitors have used the kiosk.</source>
        <translation>Las cifras aparecerán aquí cuando los visitantes hayan usado el quiosco.</translation>
    </message>
    <message>
        <source>Visitor sessions</source>
        <translation>Sesiones de visitantes</translation>
    </message>
    <message>
        <source>Average visit</source>
        <translation>Duración media de una visita</translation>
    </message>
    <message>
        <source>Ended by idle</source>
        <translation>Terminadas por inactividad</translation>
    </message>
    <message>
        <source>Visitor sessions by day</source>
        <translation>Sesiones por día</translation>
    </message>
    <message>
        <source>Visitor sessions by hour of the day</source>
        <translation>Sesiones por hora del día</translation>
    </message>
    <message>
        <source>Local time on this kiosk.</source>
        <translation>Hora local de este quiosco.</translation>
    </message>
    <message>
        <source>Most viewed</source>
        <translation>Lo más consultado</translation>
    </message>
    <message>
        <source>The pages opened most often, and the time visitors spent on each.</source>
        <translation>Las páginas abiertas con más frecuencia y el tiempo que los visitantes dedicaron a cada una.</translation>
    </message>
    <message>
        <source>No page was opened.</source>
        <translation>No se abrió ninguna página.</translation>
    </message>
    <message>
        <source>Video completion</source>
        <translation>Visionado de los vídeos</translation>
    </message>
    <message>
        <source>How much of each video visitors watched, on average.</source>
        <translation>Qué parte de cada vídeo vieron los visitantes, de media.</translation>
    </message>
    <message>
        <source>No video was played.</source>
        <translation>No se reprodujo ningún vídeo.</translation>
    </message>
    <message>
        <source>Languages used</source>
        <translation>Idiomas utilizados</translation>
    </message>
    <message>
        <source>A visitor who switched language counts in each.</source>
        <translation>Un visitante que cambió de idioma cuenta en cada uno.</translation>
    </message>
    <message>
        <source>No language recorded.</source>
        <translation>Ningún idioma registrado.</translation>
    </message>
    <message>
        <source>Top searches</source>
        <translation>Búsquedas más frecuentes</translation>
    </message>
    <message>
        <source>Nobody searched.</source>
        <translation>Nadie hizo búsquedas.</translation>
    </message>
</context>
<context>
    <name>DashboardViewModel</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:00 to %2:00</source>
        <translation>de %1:00 a %2:00</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n consulta</numerusform>
            <numerusform>%n consultas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per view</source>
        <translation>%1 por consulta</translation>
    </message>
    <message>
        <source>%1% watched</source>
        <translation>vista al %1&#xa0;%</translation>
    </message>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation>
            <numerusform>%n reproducción</numerusform>
            <numerusform>%n reproducciones</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of sessions</source>
        <translation>%1&#xa0;% de las sesiones</translation>
    </message>
    <message numerus="yes">
        <source>%n search(es)</source>
        <translation>
            <numerusform>%n búsqueda</numerusform>
            <numerusform>%n búsquedas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <comment>date format: day and month</comment>
        <translation>d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format: day, month, year</comment>
        <translation>d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1&#xa0;min %2&#xa0;s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>This document can&apos;t be shown right now</source>
        <translation>Este documento no se puede mostrar en este momento</translation>
    </message>
</context>
<context>
    <name>FailureCard</name>
    <message>
        <source>Scan the code with your phone to find it online.</source>
        <translation>Escanee el código con su teléfono para encontrarlo en internet.</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The document file is missing.</source>
        <translation>No se encuentra el archivo del documento.</translation>
    </message>
    <message>
        <source>The document file is damaged or is not a PDF.</source>
        <translation>El archivo del documento está dañado o no es un PDF.</translation>
    </message>
    <message>
        <source>The document is protected by a password.</source>
        <translation>El documento está protegido con contraseña.</translation>
    </message>
    <message>
        <source>The document is protected and cannot be opened.</source>
        <translation>El documento está protegido y no se puede abrir.</translation>
    </message>
    <message>
        <source>The document cannot be opened.</source>
        <translation>No se puede abrir el documento.</translation>
    </message>
    <message>
        <source>The video file is missing or cannot be opened.</source>
        <translation>No se encuentra el archivo del video o no se puede abrir.</translation>
    </message>
    <message>
        <source>The video is in a format this kiosk cannot play.</source>
        <translation>El video está en un formato que este quiosco no puede reproducir.</translation>
    </message>
    <message>
        <source>The video file cannot be read.</source>
        <translation>No se puede leer el archivo del video.</translation>
    </message>
    <message>
        <source>The video did not start: the file may be damaged or in a format this kiosk cannot play.</source>
        <translation>El video no se ha iniciado: puede que el archivo esté dañado o tenga un formato que este quiosco no puede reproducir.</translation>
    </message>
    <message>
        <source>The video stopped early: the file seems to be incomplete.</source>
        <translation>El video se ha detenido antes de terminar: parece que el archivo está incompleto.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Dirección: %1</translation>
    </message>
    <message>
        <source>On the kiosk this is stand-in media; the original is not bundled.</source>
        <translation>En el quiosco se muestra una versión provisional de este contenido; el original no está incluido.</translation>
    </message>
    <message>
        <source>Content by %1, version %2.</source>
        <translation>Contenido de %1, versión %2.</translation>
    </message>
    <message>
        <source>Content version %1.</source>
        <translation>Versión del contenido: %1.</translation>
    </message>
    <message>
        <source>Printed with Fair Migration Kiosk.</source>
        <translation>Impreso con Fair Migration Kiosk.</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Las horas son las del lugar de la conferencia (%1).</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Touch a topic to explore.</source>
        <translation>Toque un tema para descubrirlo.</translation>
    </message>
</context>
<context>
    <name>KeyboardPanel</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
</context>
<context>
    <name>LanguageNote</name>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Aún sin traducir: se muestra en inglés.</translation>
    </message>
    <message>
        <source>Translation awaiting review.</source>
        <translation>Traducción pendiente de revisión.</translation>
    </message>
</context>
<context>
    <name>ListenButton</name>
    <message>
        <source>Stop reading aloud</source>
        <translation>Detener la lectura en voz alta</translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation>Leer esta página en voz alta</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Escuchar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
</context>
<context>
    <name>NowNext</name>
    <message>
        <source>On now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>A continuación</translation>
    </message>
    <message>
        <source>No more sessions today.</source>
        <translation>No hay más sesiones hoy.</translation>
    </message>
</context>
<context>
    <name>OfficeCard</name>
    <message>
        <source>This venue</source>
        <translation>Este lugar</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Esta oficina</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horario de atención</translation>
    </message>
    <message>
        <source>QR code: call %1</source>
        <translation>Código QR: llamar al %1</translation>
    </message>
    <message>
        <source>QR code: write to %1</source>
        <translation>Código QR: escribir a %1</translation>
    </message>
</context>
<context>
    <name>PageFocus</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Now showing: %1</source>
        <translation>Página en pantalla: %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Admin PIN</source>
        <translation>PIN de administrador</translation>
    </message>
    <message>
        <source>No digits entered</source>
        <translation>No se ha escrito ningún dígito</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n dígito escrito</numerusform>
            <numerusform>%n dígitos escritos</numerusform>
        </translation>
    </message>
    <message>
        <source>No admin PIN is set on this machine. Set one with: %1</source>
        <translation>No hay ningún PIN configurado en este equipo. Configure uno con: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the admin PIN, then OK.</source>
        <translation>Escriba el PIN de administrador y toque&#xa0;OK.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open the admin panel</source>
        <translation>Abrir el panel de administración</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel and go back to the kiosk</source>
        <translation>Cancelar y volver al quiosco</translation>
    </message>
</context>
<context>
    <name>PreferencesPanel</name>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Tamaño del texto, contraste y animaciones</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Standard text</source>
        <translation>Texto normal</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>Texto muy grande</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Reducir animaciones</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Back to standard settings</source>
        <translation>Volver a la configuración inicial</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Days of the programme</source>
        <translation>Días del programa</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Las horas son las del lugar de la conferencia (%1).</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Véase también</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code: link to %1, %2</source>
        <translation>Código QR: enlace a %1, %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Código QR de %1</translation>
    </message>
</context>
<context>
    <name>ReadAloudViewModel</name>
    <message>
        <source>from %1 to %2</source>
        <translation>de las %1 a las %2</translation>
    </message>
    <message numerus="yes">
        <source>%n o&apos;clock</source>
        <translation>
            <numerusform>%n</numerusform>
            <numerusform>%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Type a word, or the start of a word</source>
        <translation>Escriba una palabra, o el comienzo de una palabra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Search the titles and texts, what is said in the videos and the text of the documents, in every language.</source>
        <translation>Busque en los títulos y los textos, en lo que se dice en los videos y en el texto de los documentos, en todos los idiomas.</translation>
    </message>
    <message>
        <source>Getting search ready…</source>
        <translation>Preparando la búsqueda…</translation>
    </message>
    <message>
        <source>Search is not available at the moment. You can still browse the topics below.</source>
        <translation>La búsqueda no está disponible en este momento. Aun así, puede explorar los temas que aparecen más abajo.</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>Siga escribiendo…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>No hay resultados para “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>¿Quiso decir %1?</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Buscar %1</translation>
    </message>
    <message>
        <source>Check the spelling, or try a shorter word: the start of a word is enough. Accents do not matter.</source>
        <translation>Revise la ortografía o pruebe con una palabra más corta: basta con el comienzo de una palabra. Los acentos no importan.</translation>
    </message>
    <message>
        <source>Or browse the topics</source>
        <translation>O explore los temas</translation>
    </message>
</context>
<context>
    <name>SearchResult</name>
    <message>
        <source>Said in the video</source>
        <translation>Dicho en el video</translation>
    </message>
    <message>
        <source>In the document</source>
        <translation>En el documento</translation>
    </message>
    <message>
        <source>Found in %1</source>
        <translation>En otro idioma: %1</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Las horas son las del lugar de la conferencia (%1).</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Sala: %1</translation>
    </message>
    <message>
        <source>Held in: %1</source>
        <translation>Idiomas de la sesión: %1</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Ponentes</translation>
    </message>
    <message>
        <source>an event for your calendar</source>
        <translation>un evento para su calendario</translation>
    </message>
    <message>
        <source>QR code: add to calendar, %1</source>
        <translation>Código QR: añadir al calendario, %1</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera to add this session to your calendar.</source>
        <translation>Escanee con la cámara de su teléfono para añadir esta sesión a su calendario.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Véase también</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Scan with your phone to open this page on the web:</source>
        <translation>Escanee con su teléfono para abrir esta página en internet:</translation>
    </message>
</context>
<context>
    <name>StandInBadge</name>
    <message>
        <source>Stand-in media</source>
        <translation>Video provisional</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message numerus="yes">
        <source>The kiosk starts again for the next visitor in %n second(s).</source>
        <translation>
            <numerusform>El quiosco se reiniciará para el siguiente visitante en %n segundo.</numerusform>
            <numerusform>El quiosco se reiniciará para el siguiente visitante en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Sigo aquí</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Welcome page</source>
        <translation>Página de inicio</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>Página de inicio</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>You are here: %1</source>
        <translation>Usted está aquí: %1</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search the kiosk</source>
        <translation>Buscar en el quiosco</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Tamaño del texto, contraste y animaciones</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>Ver de nuevo</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Reproducir el video</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Posición en el video</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>− 10 s</source>
        <translation>−&#xa0;10&#xa0;s</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Retroceder 10 segundos</translation>
    </message>
    <message>
        <source>+ 10 s</source>
        <translation>+&#xa0;10&#xa0;s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avanzar 10 segundos</translation>
    </message>
    <message>
        <source>Captions on</source>
        <translation>Con subtítulos</translation>
    </message>
    <message>
        <source>Captions off</source>
        <translation>Sin subtítulos</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Sin sonido</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Con sonido</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>This video can&apos;t be played right now</source>
        <translation>Este video no se puede reproducir en este momento</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <source>Back in a moment</source>
        <translation>Volvemos enseguida</translation>
    </message>
</context>
</TS>
