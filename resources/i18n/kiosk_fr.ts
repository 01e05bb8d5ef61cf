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
        <source>Admin panel views</source>
        <translation>Vues du panneau d&apos;administration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Status: the content, the machine and the self-test</source>
        <translation>État : le contenu, la machine et l&apos;autotest</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>Visitors: what visitors looked at, and when</source>
        <translation>Visiteurs : ce qu&apos;ils ont consulté, et quand</translation>
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
        <source>Content: new content from a USB drive, the previous content, out-of-date items, and the visits export</source>
        <translation>Contenu&#xa0;: le nouveau contenu depuis une clé USB, le contenu précédent, les éléments périmés et l&apos;exportation des visites</translation>
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
        <source>Stand-in media</source>
        <translation>Vidéo de remplacement</translation>
    </message>
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
    <name>ContentUpdates</name>
    <message>
        <source>No USB drive found. Plug one in and try again.</source>
        <translation>Aucune clé USB trouvée. Branchez-en une et réessayez.</translation>
    </message>
    <message>
        <source>There is no content pack (.kpack file) on the USB drive.</source>
        <translation>La clé USB ne contient aucun paquet de contenu (fichier .kpack).</translation>
    </message>
    <message>
        <source>Installed. The new content shows as soon as nobody is using the kiosk, or when you restart it.</source>
        <translation>Installé. Le nouveau contenu s&apos;affichera dès que personne n&apos;utilisera la borne, ou lorsque vous la redémarrerez.</translation>
    </message>
    <message>
        <source>Installed. Restart the kiosk to show the new content.</source>
        <translation>Installé. Redémarrez la borne pour afficher le nouveau contenu.</translation>
    </message>
    <message>
        <source>Installed. This kiosk was started on another content folder: the pack shows when it starts without one.</source>
        <translation>Installé. Cette borne a été démarrée avec un autre dossier de contenu&#xa0;: le paquet s&apos;affichera lorsqu&apos;elle démarrera sans ce dossier.</translation>
    </message>
    <message>
        <source>Content on show</source>
        <translation>Contenu affiché</translation>
    </message>
    <message>
        <source>This kiosk was started on a content folder of its own, so installed packs show only when it starts without one.</source>
        <translation>Cette borne a été démarrée avec son propre dossier de contenu&#xa0;; les paquets installés ne s&apos;affichent donc que lorsqu&apos;elle démarre sans ce dossier.</translation>
    </message>
    <message>
        <source>Go back to the previous content</source>
        <translation>Revenir au contenu précédent</translation>
    </message>
    <message>
        <source>Show the content that came with the app</source>
        <translation>Afficher le contenu intégré à l&apos;application</translation>
    </message>
    <message>
        <source>Show the content that came with the app again?</source>
        <translation>Afficher de nouveau le contenu intégré à l&apos;application&#xa0;?</translation>
    </message>
    <message>
        <source>Show the previous content again?</source>
        <translation>Afficher de nouveau le contenu précédent&#xa0;?</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>New content from a USB drive</source>
        <translation>Nouveau contenu depuis une clé USB</translation>
    </message>
    <message>
        <source>Plug in a USB drive that holds a signed content pack (.kpack). The kiosk checks its signature and every file before anything changes; the content on show stays until the new one has passed.</source>
        <translation>Branchez une clé USB contenant un paquet de contenu signé (.kpack). La borne vérifie sa signature et chacun de ses fichiers avant toute modification&#xa0;; le contenu affiché reste en place tant que le nouveau n&apos;a pas réussi ces vérifications.</translation>
    </message>
    <message>
        <source>Look for content packs</source>
        <translation>Rechercher des paquets de contenu</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · version %2</translation>
    </message>
    <message>
        <source>%1, made on %2</source>
        <translation>%1, créé le %2</translation>
    </message>
    <message>
        <source>Cannot be installed: %1</source>
        <translation>Installation impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>Installer %1</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Installation en cours…</translation>
    </message>
    <message>
        <source>✓ Installed</source>
        <translation>✓ Installé</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Échec de l&apos;installation</translation>
    </message>
    <message>
        <source>Going back…</source>
        <translation>Retour au contenu précédent…</translation>
    </message>
    <message>
        <source>✓ The content that came with the app is back</source>
        <translation>✓ Le contenu intégré à l&apos;application est de retour</translation>
    </message>
    <message>
        <source>✓ The previous content is back</source>
        <translation>✓ Le contenu précédent est rétabli</translation>
    </message>
    <message>
        <source>Could not go back</source>
        <translation>Impossible de revenir au contenu précédent</translation>
    </message>
    <message>
        <source>From the next start: %1</source>
        <translation>Au prochain démarrage&#xa0;: %1</translation>
    </message>
    <message>
        <source>the content that came with the app</source>
        <translation>le contenu intégré à l&apos;application</translation>
    </message>
    <message>
        <source>Kept to go back to: %1</source>
        <translation>Conservé pour revenir en arrière&#xa0;: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation des visites…</translation>
    </message>
    <message>
        <source>✓ Exported</source>
        <translation>✓ Visites exportées</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Échec de l&apos;exportation</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>Éléments périmés</translation>
    </message>
    <message>
        <source>No item has passed its expiry date.</source>
        <translation>Aucun élément n&apos;a dépassé sa date d&apos;expiration.</translation>
    </message>
    <message>
        <source>%1 — expired on %2</source>
        <translation>%1 — a expiré le %2</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Saves the record of visitor sessions on this kiosk (no personal data) as a spreadsheet file on the USB drive.</source>
        <translation>Copie le registre des sessions de visiteurs de cette borne (sans aucune donnée personnelle) dans un fichier tableur sur la clé USB.</translation>
    </message>
    <message>
        <source>Export visits to USB</source>
        <translation>Exporter les visites sur clé USB</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1</source>
        <translation>
            <numerusform>Dernier jour (%n) : %1</numerusform>
            <numerusform>%n derniers jours : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Dernier jour (%n)</numerusform>
            <numerusform>%n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Période affichée</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n day(s)</source>
        <translation>
            <numerusform>Afficher le dernier jour (%n)</numerusform>
            <numerusform>Afficher les %n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the visit records…</source>
        <translation>Lecture du registre des visites…</translation>
    </message>
    <message>
        <source>The visit records could not be read</source>
        <translation>Impossible de lire le registre des visites</translation>
    </message>
    <message numerus="yes">
        <source>No visits in the last %n day(s)</source>
        <translation>
            <numerusform>Aucune visite le dernier jour (%n)</numerusform>
            <numerusform>Aucune visite ces %n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits recorded yet</source>
        <translation>Aucune visite enregistrée pour l&apos;instant</translation>
    </message>
    <message>
        <source>The details are in the log files. The kiosk itself is not affected.</source>
        <translation>Les détails sont dans les fichiers journaux. La borne elle-même n&apos;en est pas affectée.</translation>
    </message>
    <message>
        <source>Choose a longer period to see earlier visits.</source>
        <translation>Choisissez une période plus longue pour voir les visites plus anciennes.</translation>
    </message>
    <message>
        <source>The figures appear here once visitors have used the kiosk.</source>
        <translation>Les chiffres apparaîtront ici dès que des visiteurs auront utilisé la borne.</translation>
    </message>
    <message>
        <source>Visitor sessions</source>
        <translation>Sessions de visiteurs</translation>
    </message>
    <message>
        <source>Average visit</source>
        <translation>Durée moyenne d&apos;une visite</translation>
    </message>
    <message>
        <source>Ended by idle</source>
        <translation>Terminées par inactivité</translation>
    </message>
    <message>
        <source>Visitor sessions by day</source>
        <translation>Sessions par jour</translation>
    </message>
    <message>
        <source>Visitor sessions by hour of the day</source>
        <translation>Sessions par heure de la journée</translation>
    </message>
    <message>
        <source>Local time on this kiosk.</source>
        <translation>Heure locale de cette borne.</translation>
    </message>
    <message>
        <source>Most viewed</source>
        <translation>Les plus consultés</translation>
    </message>
    <message>
        <source>The pages opened most often, and the time visitors spent on each.</source>
        <translation>Les pages les plus ouvertes, et le temps que les visiteurs ont passé sur chacune.</translation>
    </message>
    <message>
        <source>No page was opened.</source>
        <translation>Aucune page n&apos;a été ouverte.</translation>
    </message>
    <message>
        <source>Video completion</source>
        <translation>Visionnage des vidéos</translation>
    </message>
    <message>
        <source>How much of each video visitors watched, on average.</source>
        <translation>La part de chaque vidéo que les visiteurs ont regardée, en moyenne.</translation>
    </message>
    <message>
        <source>No video was played.</source>
        <translation>Aucune vidéo n&apos;a été lue.</translation>
    </message>
    <message>
        <source>Languages used</source>
        <translation>Langues utilisées</translation>
    </message>
    <message>
        <source>A visitor who switched language counts in each.</source>
        <translation>Un visiteur qui a changé de langue compte dans chacune.</translation>
    </message>
    <message>
        <source>No language recorded.</source>
        <translation>Aucune langue enregistrée.</translation>
    </message>
    <message>
        <source>Top searches</source>
        <translation>Recherches les plus fréquentes</translation>
    </message>
    <message>
        <source>Nobody searched.</source>
        <translation>Personne n&apos;a fait de recherche.</translation>
    </message>
</context>
<context>
    <name>DashboardViewModel</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:00 to %2:00</source>
        <translation>de %1&#xa0;h à %2&#xa0;h</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n vue</numerusform>
            <numerusform>%n vues</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per view</source>
        <translation>%1 par vue</translation>
    </message>
    <message>
        <source>%1% watched</source>
        <translation>regardée à %1&#xa0;%</translation>
    </message>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation>
            <numerusform>%n lecture</numerusform>
            <numerusform>%n lectures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of sessions</source>
        <translation>%1&#xa0;% des sessions</translation>
    </message>
    <message numerus="yes">
        <source>%n search(es)</source>
        <translation>
            <numerusform>%n recherche</numerusform>
            <numerusform>%n recherches</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <comment>date format: day and month</comment>
        <translation>d MMMM</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <comment>date format: day, month, year</comment>
        <translation>d MMMM yyyy</translation>
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
        <source>Content by %1, version %2.</source>
        <translation>Contenu : %1, version %2.</translation>
    </message>
    <message>
        <source>Content version %1.</source>
        <translation>Version du contenu : %1.</translation>
    </message>
    <message>
        <source>Printed with Fair Migration Kiosk.</source>
        <translation>Imprimé avec Fair Migration Kiosk.</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Les heures sont celles du lieu de la conférence (%1).</translation>
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
    <name>KeyboardPanel</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>Clavier à l&apos;écran</translation>
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
    <name>ListenButton</name>
    <message>
        <source>Stop reading aloud</source>
        <translation>Arrêter la lecture à voix haute</translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation>Lire cette page à voix haute</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Écouter</translation>
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
    <name>NowNext</name>
    <message>
        <source>On now</source>
        <translation>En ce moment</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>No more sessions today.</source>
        <translation>Plus de séance aujourd&apos;hui.</translation>
    </message>
</context>
<context>
    <name>OfficeCard</name>
    <message>
        <source>This venue</source>
        <translation>Ce lieu</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Ce bureau</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Heures d&apos;ouverture</translation>
    </message>
    <message>
        <source>QR code: call %1</source>
        <translation>Code QR : appeler le %1</translation>
    </message>
    <message>
        <source>QR code: write to %1</source>
        <translation>Code QR : écrire à %1</translation>
    </message>
</context>
<context>
    <name>PageFocus</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Now showing: %1</source>
        <translation>Page affichée : %1</translation>
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
    <name>ProgrammePage</name>
    <message>
        <source>Days of the programme</source>
        <translation>Jours du programme</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Les heures sont celles du lieu de la conférence (%1).</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Voir aussi</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code: link to %1, %2</source>
        <translation>Code QR : lien vers %1, %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Code QR de %1</translation>
    </message>
</context>
<context>
    <name>ReadAloudViewModel</name>
    <message>
        <source>from %1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message numerus="yes">
        <source>%n o&apos;clock</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Type a word, or the start of a word</source>
        <translation>Tapez un mot, ou le début d&apos;un mot</translation>
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
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1 ?</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Rechercher %1</translation>
    </message>
    <message>
        <source>Check the spelling, or try a shorter word: the start of a word is enough. Accents do not matter.</source>
        <translation>Vérifiez l&apos;orthographe, ou essayez un mot plus court : le début d&apos;un mot suffit. Les accents n&apos;ont pas d&apos;importance.</translation>
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
    <name>SessionPage</name>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>Les heures sont celles du lieu de la conférence (%1).</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Salle : %1</translation>
    </message>
    <message>
        <source>Held in: %1</source>
        <translation>Langues de la séance : %1</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <source>an event for your calendar</source>
        <translation>un événement pour votre agenda</translation>
    </message>
    <message>
        <source>QR code: add to calendar, %1</source>
        <translation>Code QR : ajouter à l&apos;agenda, %1</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera to add this session to your calendar.</source>
        <translation>Scannez avec l&apos;appareil photo de votre téléphone pour ajouter cette séance à votre agenda.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Voir aussi</translation>
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
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
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
        <source>You are here: %1</source>
        <translation>Vous êtes ici : %1</translation>
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
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
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
        <source>Captions</source>
        <translation>Sous-titres</translation>
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
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>This video can&apos;t be played right now</source>
        <translation>Cette vidéo ne peut pas être lue pour le moment</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <source>Back in a moment</source>
        <translation>De retour dans un instant</translation>
    </message>
</context>
</TS>
