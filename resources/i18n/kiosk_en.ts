<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message numerus="yes">
        <source>The kiosk starts again for the next visitor in %n second(s).</source>
        <translation>
            <numerusform>The kiosk starts again for the next visitor in %n second.</numerusform>
            <numerusform>The kiosk starts again for the next visitor in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
</TS>
