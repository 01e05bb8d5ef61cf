<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
    <name>HomePage</name>
    <message>
        <source>Touch a topic to explore.</source>
        <translation>Toque un tema para descubrirlo.</translation>
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
    <name>Main</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
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
    <name>QrCode</name>
    <message>
        <source>QR code for %1</source>
        <translation>Código QR de %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Type a word, for example: recruitment</source>
        <translation>Escriba una palabra, por ejemplo: contratación</translation>
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
        <source>Check the spelling, or try a shorter word: the start of a word is enough (“migra” finds “migration” and “migrants”). Accents do not matter.</source>
        <translation>Compruebe la ortografía o pruebe con una palabra más corta: basta con el comienzo de la palabra (“migra” encuentra “migración” y “migrantes”). No importan los acentos.</translation>
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
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
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
        <source>Sound off</source>
        <translation>Sin sonido</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Con sonido</translation>
    </message>
    <message>
        <source>This video can&apos;t be played right now</source>
        <translation>Este video no se puede reproducir en este momento</translation>
    </message>
</context>
</TS>
