<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin panel</source>
        <translation>Panneau d&apos;administration</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1&#xa0;Go</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1&#xa0;Mo</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1&#xa0;j %2&#xa0;h %3&#xa0;min</translation>
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
        <translation>%1 libres sur %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the admin panel and go back to the kiosk</source>
        <translation>Fermer le panneau d&apos;administration et revenir à la borne</translation>
    </message>
    <message>
        <source>Safe mode.</source>
        <translation>Mode sans échec.</translation>
    </message>
    <message>
        <source>The kiosk stopped unexpectedly three times within ten minutes, so it now shows the bundled content. Look at the last errors, run the self-test on your content, then restart.</source>
        <translation>La borne s&apos;est arrêtée de manière inattendue trois fois en dix minutes&#xa0;; elle affiche donc désormais le contenu intégré. Consultez les dernières erreurs, lancez l&apos;autotest sur votre contenu, puis redémarrez.</translation>
    </message>
    <message>
        <source>Safe mode: the kiosk stopped unexpectedly three times within ten minutes and now shows the bundled content.</source>
        <translation>Mode sans échec&#xa0;: la borne s&apos;est arrêtée de manière inattendue trois fois en dix minutes et affiche désormais le contenu intégré.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Dernière relecture</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non indiquée</translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation>Dossier du contenu</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>En service depuis</translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation>Mémoire utilisée</translation>
    </message>
    <message>
        <source>Disk (content)</source>
        <translation>Disque (contenu)</translation>
    </message>
    <message>
        <source>Disk (cache)</source>
        <translation>Disque (cache)</translation>
    </message>
    <message>
        <source>Kiosk software</source>
        <translation>Logiciel de la borne</translation>
    </message>
    <message>
        <source>Log files</source>
        <translation>Fichiers journaux</translation>
    </message>
    <message>
        <source>Last warnings and errors</source>
        <translation>Derniers avertissements et erreurs</translation>
    </message>
    <message>
        <source>Nothing has gone wrong since the kiosk started.</source>
        <translation>Aucun problème depuis le démarrage de la borne.</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Autotest</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Self-test: %1</source>
        <translation>Autotest&#xa0;: %1</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>Lancer l&apos;autotest</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Relancer</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>Lancer l&apos;autotest</translation>
    </message>
    <message>
        <source>Checks the content, every page in every language, and every video, document and picture, as visitors would meet them. It takes about half a minute; the kiosk keeps running meanwhile.</source>
        <translation>Vérifie le contenu, chaque page dans chaque langue, ainsi que chaque vidéo, document et image, tels que les visiteurs les découvriraient. Cela prend environ une demi-minute&#xa0;; la borne continue de fonctionner pendant ce temps.</translation>
    </message>
    <message>
        <source>Self-test report</source>
        <translation>Rapport d&apos;autotest</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>Recharger le contenu</translation>
    </message>
    <message>
        <source>Reload the content from its folder</source>
        <translation>Recharger le contenu depuis son dossier</translation>
    </message>
    <message>
        <source>Restart kiosk</source>
        <translation>Redémarrer la borne</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>Quitter vers le bureau</translation>
    </message>
    <message>
        <source>Close the kiosk and show the desktop</source>
        <translation>Fermer la borne et afficher le bureau</translation>
    </message>
    <message>
        <source>Exit to the desktop? The kiosk stays closed until someone starts it again.</source>
        <translation>Quitter vers le bureau&#xa0;? La borne restera fermée jusqu&apos;à ce que quelqu&apos;un la relance.</translation>
    </message>
    <message>
        <source>Restart the kiosk? It is back in a few seconds.</source>
        <translation>Redémarrer la borne&#xa0;? Elle sera de nouveau disponible dans quelques secondes.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AttractPage</name>
    <message>
        <source>Touch the screen to explore</source>
        <translation>Touchez l&apos;écran pour découvrir</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>In English</source>
        <translation>En anglais</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Stand-in media: the original is not stored on this kiosk. What plays here was made as a placeholder for it.</source>
        <translation>Vidéo de remplacement&#xa0;: l&apos;original n&apos;est pas stocké sur cette borne. La vidéo diffusée ici a été réalisée pour le remplacer.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Voir aussi</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>This document can&apos;t be shown right now</source>
        <translation>Ce document ne peut pas être affiché pour le moment</translation>
    </message>
</context>
<context>
    <name>FailureCard</name>
    <message>
        <source>Scan the code with your phone to find it online.</source>
        <translation>Scannez le code avec votre téléphone pour y accéder en ligne.</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The document file is missing.</source>
        <translation>Le fichier du document est introuvable.</translation>
    </message>
    <message>
        <source>The document file is damaged or is not a PDF.</source>
        <translation>Le fichier du document est endommagé ou n&apos;est pas un PDF.</translation>
    </message>
    <message>
        <source>The document is protected by a password.</source>
        <translation>Le document est protégé par un mot de passe.</translation>
    </message>
    <message>
        <source>The document is protected and cannot be opened.</source>
        <translation>Le document est protégé et ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>The document cannot be opened.</source>
        <translation>Le document ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>The video file is missing or cannot be opened.</source>
        <translation>Le fichier vidéo est introuvable ou ne peut pas être ouvert.</translation>
    </message>
    <message>
        <source>The video is in a format this kiosk cannot play.</source>
        <translation>La vidéo est dans un format que cette borne ne peut pas lire.</translation>
    </message>
    <message>
        <source>The video file cannot be read.</source>
        <translation>Le fichier vidéo ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The video did not start: the file may be damaged or in a format this kiosk cannot play.</source>
        <translation>La vidéo n&apos;a pas démarré&#xa0;: le fichier est peut-être endommagé ou dans un format que cette borne ne peut pas lire.</translation>
    </message>
    <message>
        <source>The video stopped early: the file seems to be incomplete.</source>
        <translation>La vidéo s&apos;est arrêtée avant la fin&#xa0;: le fichier semble incomplet.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source&#xa0;: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse&#xa0;: %1</translation>
    </message>
    <message>
        <source>On the kiosk this is stand-in media; the original is not bundled.</source>
        <translation>Sur la borne, ce contenu est présenté dans une version de remplacement&#xa0;; l&apos;original n&apos;y est pas inclus.</translation>
    </message>
    <message>
        <source>Made by Fair Migration Kiosk from its content, version %1. The texts summarise the sources named above in the kiosk&apos;s own words; quotations are marked.</source>
        <translation>Réalisé par Fair Migration Kiosk à partir de son contenu, version %1. Les textes résument, en les reformulant, les sources citées ci-dessus&#xa0;; les citations sont signalées.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Touch a topic to explore.</source>
        <translation>Touchez un thème pour le découvrir.</translation>
    </message>
</context>
<context>
    <name>LanguageNote</name>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>Pas encore traduit&#xa0;: affiché en anglais.</translation>
    </message>
    <message>
        <source>Translation awaiting review.</source>
        <translation>Traduction en attente de relecture.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Admin PIN</source>
        <translation>Code PIN administrateur</translation>
    </message>
    <message>
        <source>No digits entered</source>
        <translation>Aucun chiffre saisi</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n chiffre saisi</numerusform>
            <numerusform>%n chiffres saisis</numerusform>
        </translation>
    </message>
    <message>
        <source>No admin PIN is set on this machine. Set one with: %1</source>
        <translation>Aucun code PIN n&apos;est défini sur cet ordinateur. Définissez-en un avec&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de codes PIN incorrects. Réessayez dans %n&#xa0;seconde.</numerusform>
            <numerusform>Trop de codes PIN incorrects. Réessayez dans %n&#xa0;secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>Code PIN incorrect. Il reste %n&#xa0;tentative.</numerusform>
            <numerusform>Code PIN incorrect. Il reste %n&#xa0;tentatives.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the admin PIN, then OK.</source>
        <translation>Saisissez le code PIN administrateur, puis appuyez sur OK.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open the admin panel</source>
        <translation>Ouvrir le panneau d&apos;administration</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel and go back to the kiosk</source>
        <translation>Annuler et revenir à la borne</translation>
    </message>
</context>
<context>
    <name>PreferencesPanel</name>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Taille du texte, contraste et animations</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Standard text</source>
        <translation>Texte normal</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>Texte très grand</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Réduire les animations</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Back to standard settings</source>
        <translation>Revenir aux réglages de départ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for %1</source>
        <translation>Code QR de %1</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Type a word, for example: recruitment</source>
        <translation>Tapez un mot, par exemple&#xa0;: recrutement</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Search the titles and texts, what is said in the videos and the text of the documents, in every language.</source>
        <translation>Cherchez dans les titres et les textes, dans ce qui est dit dans les vidéos et dans le texte des documents, dans toutes les langues.</translation>
    </message>
    <message>
        <source>Getting search ready…</source>
        <translation>Préparation de la recherche…</translation>
    </message>
    <message>
        <source>Search is not available at the moment. You can still browse the topics below.</source>
        <translation>La recherche n&apos;est pas disponible pour le moment. Vous pouvez tout de même parcourir les thèmes ci-dessous.</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>Continuez à taper…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Aucun résultat pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the spelling, or try a shorter word: the start of a word is enough (“migra” finds “migration” and “migrants”). Accents do not matter.</source>
        <translation>Vérifiez l&apos;orthographe ou essayez un mot plus court&#xa0;: le début d&apos;un mot suffit («&#xa0;migra&#xa0;» trouve «&#xa0;migration&#xa0;» et «&#xa0;migrants&#xa0;»). Les accents n&apos;ont pas d&apos;importance.</translation>
    </message>
    <message>
        <source>Or browse the topics</source>
        <translation>Ou parcourez les thèmes</translation>
    </message>
</context>
<context>
    <name>SearchResult</name>
    <message>
        <source>Said in the video</source>
        <translation>Dit dans la vidéo</translation>
    </message>
    <message>
        <source>In the document</source>
        <translation>Dans le document</translation>
    </message>
    <message>
        <source>Found in %1</source>
        <translation>Dans une autre langue&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Scan with your phone to open this page on the web:</source>
        <translation>Scannez avec votre téléphone pour ouvrir cette page sur le Web&#xa0;:</translation>
    </message>
</context>
<context>
    <name>StandInBadge</name>
    <message>
        <source>Stand-in media</source>
        <translation>Vidéo de remplacement</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>Vous êtes toujours là&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>The kiosk starts again for the next visitor in %n second(s).</source>
        <translation>
            <numerusform>La borne redémarre pour le visiteur suivant dans %n seconde.</numerusform>
            <numerusform>La borne redémarre pour le visiteur suivant dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Je suis toujours là</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Welcome page</source>
        <translation>Page d&apos;accueil</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>À lire</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>Page d&apos;accueil</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search the kiosk</source>
        <translation>Rechercher sur la borne</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>Taille du texte, contraste et animations</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>Watch again</source>
        <translation>Revoir</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>Lire la vidéo</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position dans la vidéo</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>− 10 s</source>
        <translation>−&#xa0;10&#xa0;s</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Reculer de 10 secondes</translation>
    </message>
    <message>
        <source>+ 10 s</source>
        <translation>+&#xa0;10&#xa0;s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avancer de 10 secondes</translation>
    </message>
    <message>
        <source>Captions on</source>
        <translation>Sous-titres activés</translation>
    </message>
    <message>
        <source>Captions off</source>
        <translation>Sous-titres désactivés</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Son activé</translation>
    </message>
    <message>
        <source>This video can&apos;t be played right now</source>
        <translation>Cette vidéo ne peut pas être lue pour le moment</translation>
    </message>
</context>
</TS>
