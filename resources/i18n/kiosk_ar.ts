<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Arabic (Modern Standard Arabic) words of the app, written by the project: pending review by a
     native speaker. Plural texts have Qt's six Arabic forms, in this order: zero, one, two,
     few (3 to 10), many (11 to 99), other (100 and up). -->
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin panel</source>
        <translation>لوحة الإدارة</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 غيغابايت</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 ي %2 س %3 د</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ث</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 متاح من أصل %2</translation>
    </message>
    <message>
        <source>Admin panel views</source>
        <translation>أقسام لوحة الإدارة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Status: the content, the machine and the self-test</source>
        <translation>الحالة: المحتوى والجهاز والاختبار الذاتي</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>الزوار</translation>
    </message>
    <message>
        <source>Visitors: what visitors looked at, and when</source>
        <translation>الزوار: ما اطّلع عليه الزوار ومتى</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the admin panel and go back to the kiosk</source>
        <translation>إغلاق لوحة الإدارة والعودة إلى الكشك</translation>
    </message>
    <message>
        <source>Safe mode.</source>
        <translation>الوضع الآمن.</translation>
    </message>
    <message>
        <source>The kiosk stopped unexpectedly three times within ten minutes, so it now shows the bundled content. Look at the last errors, run the self-test on your content, then restart.</source>
        <translation>توقف الكشك على نحو غير متوقع ثلاث مرات خلال عشر دقائق، ولذلك يعرض الآن المحتوى المرفق بالتطبيق. راجع آخر الأخطاء، وشغّل الاختبار الذاتي على المحتوى الخاص بك، ثم أعد التشغيل.</translation>
    </message>
    <message>
        <source>Safe mode: the kiosk stopped unexpectedly three times within ten minutes and now shows the bundled content.</source>
        <translation>الوضع الآمن: توقف الكشك على نحو غير متوقع ثلاث مرات خلال عشر دقائق، وهو يعرض الآن المحتوى المرفق بالتطبيق.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>Content: new content from a USB drive, the previous content, out-of-date items, and the visits export</source>
        <translation>المحتوى: محتوى جديد من ذاكرة USB، والمحتوى السابق، والعناصر المنتهية الصلاحية، وتصدير الزيارات</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>آخر مراجعة</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>غير مذكور</translation>
    </message>
    <message>
        <source>Content folder</source>
        <translation>مجلد المحتوى</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>يعمل منذ</translation>
    </message>
    <message>
        <source>Memory in use</source>
        <translation>الذاكرة المستخدمة</translation>
    </message>
    <message>
        <source>Disk (content)</source>
        <translation>القرص (المحتوى)</translation>
    </message>
    <message>
        <source>Disk (cache)</source>
        <translation>القرص (ذاكرة التخزين المؤقت)</translation>
    </message>
    <message>
        <source>Kiosk software</source>
        <translation>برنامج الكشك</translation>
    </message>
    <message>
        <source>Log files</source>
        <translation>ملفات السجل</translation>
    </message>
    <message>
        <source>Last warnings and errors</source>
        <translation>آخر التحذيرات والأخطاء</translation>
    </message>
    <message>
        <source>Nothing has gone wrong since the kiosk started.</source>
        <translation>لم يحدث أي خطأ منذ بدء تشغيل الكشك.</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>الاختبار الذاتي</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>جارٍ التشغيل…</translation>
    </message>
    <message>
        <source>✓ Passed</source>
        <translation>✓ نجح</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>Self-test: %1</source>
        <translation>الاختبار الذاتي: %1</translation>
    </message>
    <message>
        <source>Run self-test</source>
        <translation>تشغيل الاختبار الذاتي</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>إعادة الاختبار</translation>
    </message>
    <message>
        <source>Run the self-test</source>
        <translation>تشغيل الاختبار الذاتي</translation>
    </message>
    <message>
        <source>Checks the content, every page in every language, and every video, document and picture, as visitors would meet them. It takes about half a minute; the kiosk keeps running meanwhile.</source>
        <translation>يفحص المحتوى، وكل صفحة بكل لغة، وكل فيديو ومستند وصورة، كما سيراها الزوار. يستغرق ذلك نحو نصف دقيقة، ويواصل الكشك عمله في أثناء ذلك.</translation>
    </message>
    <message>
        <source>Self-test report</source>
        <translation>تقرير الاختبار الذاتي</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>إعادة تحميل المحتوى</translation>
    </message>
    <message>
        <source>Reload the content from its folder</source>
        <translation>إعادة تحميل المحتوى من مجلده</translation>
    </message>
    <message>
        <source>Restart kiosk</source>
        <translation>إعادة تشغيل الكشك</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>الخروج إلى سطح المكتب</translation>
    </message>
    <message>
        <source>Close the kiosk and show the desktop</source>
        <translation>إغلاق الكشك وعرض سطح المكتب</translation>
    </message>
    <message>
        <source>Exit to the desktop? The kiosk stays closed until someone starts it again.</source>
        <translation>هل تريد الخروج إلى سطح المكتب؟ سيبقى الكشك مغلقًا إلى أن يشغّله أحد من جديد.</translation>
    </message>
    <message>
        <source>Restart the kiosk? It is back in a few seconds.</source>
        <translation>هل تريد إعادة تشغيل الكشك؟ سيعود خلال ثوانٍ قليلة.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>AttractPage</name>
    <message>
        <source>Touch the screen to explore</source>
        <translation>المس الشاشة للاستكشاف</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Stand-in media</source>
        <translation>وسائط بديلة</translation>
    </message>
    <message>
        <source>In English</source>
        <translation>بالإنجليزية</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Stand-in media: the original is not stored on this kiosk. What plays here was made as a placeholder for it.</source>
        <translation>وسائط بديلة: الأصل غير محفوظ على هذا الكشك. ما يُعرض هنا صُنع ليحلّ محله مؤقتًا.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>انظر أيضًا</translation>
    </message>
</context>
<context>
    <name>ContentUpdates</name>
    <message>
        <source>No USB drive found. Plug one in and try again.</source>
        <translation>لم يُعثر على ذاكرة USB. صِلْ ذاكرة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>There is no content pack (.kpack file) on the USB drive.</source>
        <translation>لا توجد حزمة محتوى (ملف ‎.kpack) على ذاكرة USB.</translation>
    </message>
    <message>
        <source>Installed. The new content shows as soon as nobody is using the kiosk, or when you restart it.</source>
        <translation>تم التثبيت. سيظهر المحتوى الجديد حالما لا يستخدم أحد الكشك، أو عند إعادة تشغيله.</translation>
    </message>
    <message>
        <source>Installed. Restart the kiosk to show the new content.</source>
        <translation>تم التثبيت. أعد تشغيل الكشك لعرض المحتوى الجديد.</translation>
    </message>
    <message>
        <source>Installed. This kiosk was started on another content folder: the pack shows when it starts without one.</source>
        <translation>تم التثبيت. شُغّل هذا الكشك على مجلد محتوى آخر: ستظهر الحزمة عندما يبدأ التشغيل دونه.</translation>
    </message>
    <message>
        <source>Content on show</source>
        <translation>المحتوى المعروض</translation>
    </message>
    <message>
        <source>This kiosk was started on a content folder of its own, so installed packs show only when it starts without one.</source>
        <translation>شُغّل هذا الكشك على مجلد محتوى خاص به، ولذلك لا تظهر الحزم المثبتة إلا عندما يبدأ التشغيل دونه.</translation>
    </message>
    <message>
        <source>Go back to the previous content</source>
        <translation>العودة إلى المحتوى السابق</translation>
    </message>
    <message>
        <source>Show the content that came with the app</source>
        <translation>عرض المحتوى المرفق بالتطبيق</translation>
    </message>
    <message>
        <source>Show the content that came with the app again?</source>
        <translation>هل تريد عرض المحتوى المرفق بالتطبيق من جديد؟</translation>
    </message>
    <message>
        <source>Show the previous content again?</source>
        <translation>هل تريد عرض المحتوى السابق من جديد؟</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>عودة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>New content from a USB drive</source>
        <translation>محتوى جديد من ذاكرة USB</translation>
    </message>
    <message>
        <source>Plug in a USB drive that holds a signed content pack (.kpack). The kiosk checks its signature and every file before anything changes; the content on show stays until the new one has passed.</source>
        <translation>صِلْ ذاكرة USB تحتوي على حزمة محتوى موقّعة (‎.kpack). يتحقق الكشك من توقيعها ومن كل ملف فيها قبل تغيير أي شيء، ويبقى المحتوى المعروض إلى أن يجتاز المحتوى الجديد الفحص.</translation>
    </message>
    <message>
        <source>Look for content packs</source>
        <translation>البحث عن حزم محتوى</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · الإصدار %2</translation>
    </message>
    <message>
        <source>%1, made on %2</source>
        <translation>%1، أُنشئت في %2</translation>
    </message>
    <message>
        <source>Cannot be installed: %1</source>
        <translation>تعذّر التثبيت: %1</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>تثبيت</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>تثبيت %1</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>جارٍ التثبيت…</translation>
    </message>
    <message>
        <source>✓ Installed</source>
        <translation>✓ تم التثبيت</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>لم يتم التثبيت</translation>
    </message>
    <message>
        <source>Going back…</source>
        <translation>جارٍ العودة…</translation>
    </message>
    <message>
        <source>✓ The content that came with the app is back</source>
        <translation>✓ عاد المحتوى المرفق بالتطبيق</translation>
    </message>
    <message>
        <source>✓ The previous content is back</source>
        <translation>✓ عاد المحتوى السابق</translation>
    </message>
    <message>
        <source>Could not go back</source>
        <translation>تعذّرت العودة</translation>
    </message>
    <message>
        <source>From the next start: %1</source>
        <translation>من التشغيل القادم: %1</translation>
    </message>
    <message>
        <source>the content that came with the app</source>
        <translation>المحتوى المرفق بالتطبيق</translation>
    </message>
    <message>
        <source>Kept to go back to: %1</source>
        <translation>محفوظ للعودة إليه: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>✓ Exported</source>
        <translation>✓ تم التصدير</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>لم يتم التصدير</translation>
    </message>
    <message>
        <source>Out of date</source>
        <translation>عناصر منتهية الصلاحية</translation>
    </message>
    <message>
        <source>No item has passed its expiry date.</source>
        <translation>لم يتجاوز أي عنصر تاريخ انتهاء صلاحيته.</translation>
    </message>
    <message>
        <source>%1 — expired on %2</source>
        <translation>%1 — انتهت صلاحيته في %2</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>الزيارات</translation>
    </message>
    <message>
        <source>Saves the record of visitor sessions on this kiosk (no personal data) as a spreadsheet file on the USB drive.</source>
        <translation>يحفظ سجل جلسات الزوار على هذا الكشك (دون أي بيانات شخصية) في ملف جدول بيانات على ذاكرة USB.</translation>
    </message>
    <message>
        <source>Export visits to USB</source>
        <translation>تصدير الزيارات إلى ذاكرة USB</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Visitors</source>
        <translation>الزوار</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1</source>
        <translation>
            <numerusform>آخر %n يوم: %1</numerusform>
            <numerusform>آخر يوم: %1</numerusform>
            <numerusform>آخر يومين: %1</numerusform>
            <numerusform>آخر %n أيام: %1</numerusform>
            <numerusform>آخر %n يومًا: %1</numerusform>
            <numerusform>آخر %n يوم: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>آخر %n يوم</numerusform>
            <numerusform>آخر يوم</numerusform>
            <numerusform>آخر يومين</numerusform>
            <numerusform>آخر %n أيام</numerusform>
            <numerusform>آخر %n يومًا</numerusform>
            <numerusform>آخر %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>الفترة المعروضة</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n day(s)</source>
        <translation>
            <numerusform>عرض آخر %n يوم</numerusform>
            <numerusform>عرض آخر يوم</numerusform>
            <numerusform>عرض آخر يومين</numerusform>
            <numerusform>عرض آخر %n أيام</numerusform>
            <numerusform>عرض آخر %n يومًا</numerusform>
            <numerusform>عرض آخر %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the visit records…</source>
        <translation>جارٍ قراءة سجل الزيارات…</translation>
    </message>
    <message>
        <source>The visit records could not be read</source>
        <translation>تعذّرت قراءة سجل الزيارات</translation>
    </message>
    <message numerus="yes">
        <source>No visits in the last %n day(s)</source>
        <translation>
            <numerusform>لا زيارات في آخر %n يوم</numerusform>
            <numerusform>لا زيارات في آخر يوم</numerusform>
            <numerusform>لا زيارات في آخر يومين</numerusform>
            <numerusform>لا زيارات في آخر %n أيام</numerusform>
            <numerusform>لا زيارات في آخر %n يومًا</numerusform>
            <numerusform>لا زيارات في آخر %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>No visits recorded yet</source>
        <translation>لم تُسجَّل أي زيارة بعد</translation>
    </message>
    <message>
        <source>The details are in the log files. The kiosk itself is not affected.</source>
        <translation>التفاصيل في ملفات السجل. الكشك نفسه لم يتأثر.</translation>
    </message>
    <message>
        <source>Choose a longer period to see earlier visits.</source>
        <translation>اختر فترة أطول لرؤية زيارات أقدم.</translation>
    </message>
    <message>
        <source>The figures appear here once visitors have used the kiosk.</source>
        <translation>ستظهر الأرقام هنا بعد أن يستخدم الزوار الكشك.</translation>
    </message>
    <message>
        <source>Visitor sessions</source>
        <translation>جلسات الزوار</translation>
    </message>
    <message>
        <source>Average visit</source>
        <translation>متوسط مدة الزيارة</translation>
    </message>
    <message>
        <source>Ended by idle</source>
        <translation>انتهت لعدم النشاط</translation>
    </message>
    <message>
        <source>Visitor sessions by day</source>
        <translation>جلسات الزوار حسب اليوم</translation>
    </message>
    <message>
        <source>Visitor sessions by hour of the day</source>
        <translation>جلسات الزوار حسب ساعة اليوم</translation>
    </message>
    <message>
        <source>Local time on this kiosk.</source>
        <translation>بالتوقيت المحلي لهذا الكشك.</translation>
    </message>
    <message>
        <source>Most viewed</source>
        <translation>الأكثر مشاهدة</translation>
    </message>
    <message>
        <source>The pages opened most often, and the time visitors spent on each.</source>
        <translation>الصفحات الأكثر فتحًا، والوقت الذي قضاه الزوار في كل منها.</translation>
    </message>
    <message>
        <source>No page was opened.</source>
        <translation>لم تُفتح أي صفحة.</translation>
    </message>
    <message>
        <source>Video completion</source>
        <translation>إكمال مشاهدة الفيديو</translation>
    </message>
    <message>
        <source>How much of each video visitors watched, on average.</source>
        <translation>الجزء الذي شاهده الزوار من كل فيديو، في المتوسط.</translation>
    </message>
    <message>
        <source>No video was played.</source>
        <translation>لم يُشغَّل أي فيديو.</translation>
    </message>
    <message>
        <source>Languages used</source>
        <translation>اللغات المستخدمة</translation>
    </message>
    <message>
        <source>A visitor who switched language counts in each.</source>
        <translation>يُحتسب الزائر الذي غيّر اللغة في كل لغة استخدمها.</translation>
    </message>
    <message>
        <source>No language recorded.</source>
        <translation>لم تُسجَّل أي لغة.</translation>
    </message>
    <message>
        <source>Top searches</source>
        <translation>أكثر عمليات البحث تكرارًا</translation>
    </message>
    <message>
        <source>Nobody searched.</source>
        <translation>لم يبحث أحد.</translation>
    </message>
</context>
<context>
    <name>DashboardViewModel</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n جلسة</numerusform>
            <numerusform>جلسة واحدة</numerusform>
            <numerusform>جلستان</numerusform>
            <numerusform>%n جلسات</numerusform>
            <numerusform>%n جلسةً</numerusform>
            <numerusform>%n جلسة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:00 to %2:00</source>
        <translation>من %1:00 إلى %2:00</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n مشاهدة</numerusform>
            <numerusform>مشاهدة واحدة</numerusform>
            <numerusform>مشاهدتان</numerusform>
            <numerusform>%n مشاهدات</numerusform>
            <numerusform>%n مشاهدةً</numerusform>
            <numerusform>%n مشاهدة</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per view</source>
        <translation>%1 لكل مشاهدة</translation>
    </message>
    <message>
        <source>%1% watched</source>
        <translation>شوهد %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n play(s)</source>
        <translation>
            <numerusform>%n عملية تشغيل</numerusform>
            <numerusform>عملية تشغيل واحدة</numerusform>
            <numerusform>عمليتا تشغيل</numerusform>
            <numerusform>%n عمليات تشغيل</numerusform>
            <numerusform>%n عمليةَ تشغيل</numerusform>
            <numerusform>%n عملية تشغيل</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of sessions</source>
        <translation>%1% من الجلسات</translation>
    </message>
    <message numerus="yes">
        <source>%n search(es)</source>
        <translation>
            <numerusform>%n عملية بحث</numerusform>
            <numerusform>عملية بحث واحدة</numerusform>
            <numerusform>عمليتا بحث</numerusform>
            <numerusform>%n عمليات بحث</numerusform>
            <numerusform>%n عمليةَ بحث</numerusform>
            <numerusform>%n عملية بحث</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>من %1 إلى %2</translation>
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
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ث</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Previous</source>
        <translation>السابقة</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالية</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>This document can&apos;t be shown right now</source>
        <translation>لا يمكن عرض هذا المستند الآن</translation>
    </message>
</context>
<context>
    <name>FailureCard</name>
    <message>
        <source>Scan the code with your phone to find it online.</source>
        <translation>امسح الرمز بهاتفك للوصول إليه عبر الإنترنت.</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>The document file is missing.</source>
        <translation>ملف المستند غير موجود.</translation>
    </message>
    <message>
        <source>The document file is damaged or is not a PDF.</source>
        <translation>ملف المستند تالف أو ليس ملف PDF.</translation>
    </message>
    <message>
        <source>The document is protected by a password.</source>
        <translation>المستند محمي بكلمة مرور.</translation>
    </message>
    <message>
        <source>The document is protected and cannot be opened.</source>
        <translation>المستند محمي ولا يمكن فتحه.</translation>
    </message>
    <message>
        <source>The document cannot be opened.</source>
        <translation>لا يمكن فتح المستند.</translation>
    </message>
    <message>
        <source>The video file is missing or cannot be opened.</source>
        <translation>ملف الفيديو غير موجود أو لا يمكن فتحه.</translation>
    </message>
    <message>
        <source>The video is in a format this kiosk cannot play.</source>
        <translation>الفيديو بتنسيق لا يستطيع هذا الكشك تشغيله.</translation>
    </message>
    <message>
        <source>The video file cannot be read.</source>
        <translation>لا يمكن قراءة ملف الفيديو.</translation>
    </message>
    <message>
        <source>The video did not start: the file may be damaged or in a format this kiosk cannot play.</source>
        <translation>لم يبدأ الفيديو: ربما يكون الملف تالفًا أو بتنسيق لا يستطيع هذا الكشك تشغيله.</translation>
    </message>
    <message>
        <source>The video stopped early: the file seems to be incomplete.</source>
        <translation>توقف الفيديو قبل نهايته: يبدو أن الملف غير مكتمل.</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Article</source>
        <translation>مقالة</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>مجموعة</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>المصدر: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>العنوان: %1</translation>
    </message>
    <message>
        <source>On the kiosk this is stand-in media; the original is not bundled.</source>
        <translation>يُعرض هذا على الكشك بوسائط بديلة؛ الأصل غير مرفق.</translation>
    </message>
    <message>
        <source>Content by %1, version %2.</source>
        <translation>المحتوى من %1، الإصدار %2.</translation>
    </message>
    <message>
        <source>Content version %1.</source>
        <translation>إصدار المحتوى: %1.</translation>
    </message>
    <message>
        <source>Printed with Fair Migration Kiosk.</source>
        <translation>طُبع باستخدام Fair Migration Kiosk.</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>الأوقات بالتوقيت المحلي لمكان المؤتمر (%1).</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Touch a topic to explore.</source>
        <translation>المس موضوعًا لاستكشافه.</translation>
    </message>
</context>
<context>
    <name>KeyboardPanel</name>
    <message>
        <source>On-screen keyboard</source>
        <translation>لوحة المفاتيح على الشاشة</translation>
    </message>
</context>
<context>
    <name>LanguageNote</name>
    <message>
        <source>Not yet translated: shown in English.</source>
        <translation>لم يُترجم بعد: معروض بالإنجليزية.</translation>
    </message>
    <message>
        <source>Translation awaiting review.</source>
        <translation>الترجمة في انتظار المراجعة.</translation>
    </message>
</context>
<context>
    <name>ListenButton</name>
    <message>
        <source>Stop reading aloud</source>
        <translation>أوقف القراءة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation>اقرأ هذه الصفحة بصوت عالٍ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>استمع</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
</context>
<context>
    <name>NowNext</name>
    <message>
        <source>On now</source>
        <translation>يجري الآن</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>No more sessions today.</source>
        <translation>لا مزيد من الجلسات اليوم.</translation>
    </message>
</context>
<context>
    <name>OfficeCard</name>
    <message>
        <source>This venue</source>
        <translation>هذا المكان</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>هذا المكتب</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <source>QR code: call %1</source>
        <translation>رمز QR: الاتصال بالرقم %1</translation>
    </message>
    <message>
        <source>QR code: write to %1</source>
        <translation>رمز QR: الكتابة إلى %1</translation>
    </message>
</context>
<context>
    <name>PageFocus</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Now showing: %1</source>
        <translation>المعروض الآن: %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Admin PIN</source>
        <translation>رمز PIN للإدارة</translation>
    </message>
    <message>
        <source>No digits entered</source>
        <translation>لم يُدخَل أي رقم</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>أُدخل %n رقم</numerusform>
            <numerusform>أُدخل رقم واحد</numerusform>
            <numerusform>أُدخل رقمان</numerusform>
            <numerusform>أُدخلت %n أرقام</numerusform>
            <numerusform>أُدخل %n رقمًا</numerusform>
            <numerusform>أُدخل %n رقم</numerusform>
        </translation>
    </message>
    <message>
        <source>No admin PIN is set on this machine. Set one with: %1</source>
        <translation>لم يُعيَّن رمز PIN للإدارة على هذا الجهاز. عيّن رمزًا بالأمر: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد %n ثانية.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد ثانية واحدة.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد ثانيتين.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد %n ثوانٍ.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد %n ثانيةً.</numerusform>
            <numerusform>محاولات خاطئة كثيرة. حاول مرة أخرى بعد %n ثانية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>رمز PIN خاطئ. بقيت %n محاولة.</numerusform>
            <numerusform>رمز PIN خاطئ. بقيت محاولة واحدة.</numerusform>
            <numerusform>رمز PIN خاطئ. بقيت محاولتان.</numerusform>
            <numerusform>رمز PIN خاطئ. بقيت %n محاولات.</numerusform>
            <numerusform>رمز PIN خاطئ. بقيت %n محاولةً.</numerusform>
            <numerusform>رمز PIN خاطئ. بقيت %n محاولة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the admin PIN, then OK.</source>
        <translation>أدخل رمز PIN للإدارة، ثم اضغط «موافق».</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>مسح آخر رقم</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Open the admin panel</source>
        <translation>فتح لوحة الإدارة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel and go back to the kiosk</source>
        <translation>الإلغاء والعودة إلى الكشك</translation>
    </message>
</context>
<context>
    <name>PreferencesPanel</name>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>حجم النص والتباين والحركة</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Standard text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Largest text</source>
        <translation>نص كبير جدًا</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>تقليل الحركة</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>إعادة الضبط</translation>
    </message>
    <message>
        <source>Back to standard settings</source>
        <translation>العودة إلى الإعدادات العادية</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Days of the programme</source>
        <translation>أيام البرنامج</translation>
    </message>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>الأوقات بالتوقيت المحلي لمكان المؤتمر (%1).</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>انظر أيضًا</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code: link to %1, %2</source>
        <translation>رمز QR: رابط إلى %1، %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>رمز QR لـ %1</translation>
    </message>
</context>
<context>
    <name>ReadAloudViewModel</name>
    <message>
        <source>from %1 to %2</source>
        <translation>من %1 إلى %2</translation>
    </message>
    <message numerus="yes">
        <source>%n o&apos;clock</source>
        <translation>
            <numerusform>الساعة %n</numerusform>
            <numerusform>الساعة %n</numerusform>
            <numerusform>الساعة %n</numerusform>
            <numerusform>الساعة %n</numerusform>
            <numerusform>الساعة %n</numerusform>
            <numerusform>الساعة %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Type a word, or the start of a word</source>
        <translation>اكتب كلمة، أو بداية كلمة</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>مسح البحث</translation>
    </message>
    <message>
        <source>Search the titles and texts, what is said in the videos and the text of the documents, in every language.</source>
        <translation>ابحث في العناوين والنصوص، وفيما يُقال في مقاطع الفيديو، وفي نصوص المستندات، بكل اللغات.</translation>
    </message>
    <message>
        <source>Getting search ready…</source>
        <translation>جارٍ تجهيز البحث…</translation>
    </message>
    <message>
        <source>Search is not available at the moment. You can still browse the topics below.</source>
        <translation>البحث غير متاح حاليًا. لا يزال بإمكانك تصفح المواضيع أدناه.</translation>
    </message>
    <message>
        <source>Keep typing…</source>
        <translation>تابع الكتابة…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>لم يُعثر على شيء لـ «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجةً</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>هل تقصد %1؟</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>ابحث عن %1</translation>
    </message>
    <message>
        <source>Check the spelling, or try a shorter word: the start of a word is enough. Accents do not matter.</source>
        <translation>تحقّق من الإملاء، أو جرّب كلمة أقصر: تكفي بداية الكلمة. ولا تهمّ الحركات والهمزات.</translation>
    </message>
    <message>
        <source>Or browse the topics</source>
        <translation>أو تصفّح المواضيع</translation>
    </message>
</context>
<context>
    <name>SearchResult</name>
    <message>
        <source>Said in the video</source>
        <translation>قيل في الفيديو</translation>
    </message>
    <message>
        <source>In the document</source>
        <translation>في المستند</translation>
    </message>
    <message>
        <source>Found in %1</source>
        <translation>بلغة أخرى: %1</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>Times are local time at the venue (%1).</source>
        <translation>الأوقات بالتوقيت المحلي لمكان المؤتمر (%1).</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>القاعة: %1</translation>
    </message>
    <message>
        <source>Held in: %1</source>
        <translation>لغات الجلسة: %1</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>المتحدثون</translation>
    </message>
    <message>
        <source>an event for your calendar</source>
        <translation>موعد لتقويمك</translation>
    </message>
    <message>
        <source>QR code: add to calendar, %1</source>
        <translation>رمز QR: إضافة إلى التقويم، %1</translation>
    </message>
    <message>
        <source>Scan with your phone&apos;s camera to add this session to your calendar.</source>
        <translation>امسح الرمز بكاميرا هاتفك لإضافة هذه الجلسة إلى تقويمك.</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>انظر أيضًا</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Scan with your phone to open this page on the web:</source>
        <translation>امسح الرمز بهاتفك لفتح هذه الصفحة على الويب:</translation>
    </message>
</context>
<context>
    <name>StandInBadge</name>
    <message>
        <source>Stand-in media</source>
        <translation>وسائط بديلة</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message numerus="yes">
        <source>The kiosk starts again for the next visitor in %n second(s).</source>
        <translation>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد %n ثانية.</numerusform>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد ثانية واحدة.</numerusform>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد ثانيتين.</numerusform>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد %n ثوانٍ.</numerusform>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد %n ثانيةً.</numerusform>
            <numerusform>سيبدأ الكشك من جديد للزائر التالي بعد %n ثانية.</numerusform>
        </translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>ما زلت هنا</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Welcome page</source>
        <translation>صفحة الترحيب</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>للقراءة</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>مجموعة</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>جلسة</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>لا عناصر</numerusform>
            <numerusform>عنصر واحد</numerusform>
            <numerusform>عنصران</numerusform>
            <numerusform>%n عناصر</numerusform>
            <numerusform>%n عنصرًا</numerusform>
            <numerusform>%n عنصر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>لا جلسات</numerusform>
            <numerusform>جلسة واحدة</numerusform>
            <numerusform>جلستان</numerusform>
            <numerusform>%n جلسات</numerusform>
            <numerusform>%n جلسةً</numerusform>
            <numerusform>%n جلسة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <source>Home page</source>
        <translation>الصفحة الرئيسية</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>You are here: %1</source>
        <translation>أنت هنا: %1</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Search the kiosk</source>
        <translation>البحث في الكشك</translation>
    </message>
    <message>
        <source>Text size, contrast and motion</source>
        <translation>حجم النص والتباين والحركة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>Watch again</source>
        <translation>إعادة المشاهدة</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>تشغيل</translation>
    </message>
    <message>
        <source>Play video</source>
        <translation>تشغيل الفيديو</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>الموضع في الفيديو</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>− 10 s</source>
        <translation>− 10 ث</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>رجوع 10 ثوانٍ</translation>
    </message>
    <message>
        <source>+ 10 s</source>
        <translation>+ 10 ث</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>تقديم 10 ثوانٍ</translation>
    </message>
    <message>
        <source>Captions on</source>
        <translation>الترجمة النصية مفعّلة</translation>
    </message>
    <message>
        <source>Captions off</source>
        <translation>الترجمة النصية متوقفة</translation>
    </message>
    <message>
        <source>Captions</source>
        <translation>الترجمة النصية</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>الصوت مكتوم</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>الصوت مفعّل</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>الصوت</translation>
    </message>
    <message>
        <source>This video can&apos;t be played right now</source>
        <translation>لا يمكن تشغيل هذا الفيديو الآن</translation>
    </message>
</context>
<context>
    <name>WaitingScreen</name>
    <message>
        <source>Back in a moment</source>
        <translation>سنعود بعد قليل</translation>
    </message>
</context>
</TS>
