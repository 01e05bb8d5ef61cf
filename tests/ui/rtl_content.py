"""A small Arabic content set (with English beside it) for the right-to-left tests and snapshots.

Every kind of item is there: an article, a video (a real one), a document of several pages, a link
and a collection. Some Arabic texts carry an English name or figures, which keep their own direction.
The Arabic is the project's own, pending review by a native reader.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.core.contentkit import ContentFolder

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"
DOCUMENT_PAGES = 4

AGENDA = """\
title:
  en: Fair work abroad
  ar: العمل العادل في الخارج
subtitle:
  en: What to know before you leave
  ar: ما يجب معرفته قبل السفر
lead:
  en: Your rights, your contract and where to find help.
  ar: حقوقك وعقدك وأين تجد المساعدة.
languages: [ar, en]
source:
  name: {en: Test source, ar: مصدر تجريبي}
  url: https://example.org/agenda
version: "1.0"
sections:
  - rights
"""

SECTION = """\
id: rights
title:
  en: Your rights
  ar: حقوقك
summary:
  en: Contracts, fees and help.
  ar: العقود والرسوم والمساعدة.
items:
  - id: contract
    kind: article
    title:
      en: Read your contract
      ar: اقرأ عقدك
    summary:
      en: Before you sign, in a language you understand.
      ar: قبل التوقيع، بلغة تفهمها.
    body:
      en: Ask for a copy of your contract. Check the wage, the hours and the days off.
      ar: >-
        اطلب نسخة من عقدك. تحقق من الأجر وساعات العمل وأيام الراحة. تنص اتفاقية ILO رقم 181 على
        أن العامل لا يدفع رسوم التوظيف.

  - id: clip
    kind: video
    title:
      en: "ILO: a short film"
      ar: "ILO: فيلم قصير"
    summary:
      en: Two minutes on fair recruitment.
      ar: دقيقتان عن التوظيف العادل.
    file: media/clip.mp4
    url: https://example.org/clip

  - id: handbook
    kind: document
    title:
      en: The handbook
      ar: الدليل
    summary:
      en: A few pages to read here.
      ar: بضع صفحات للقراءة هنا.
    file: documents/handbook.pdf
    url: https://example.org/handbook

  - id: helpline
    kind: link
    title:
      en: The helpline
      ar: خط المساعدة
    summary:
      en: Help in your language, day and night.
      ar: مساعدة بلغتك ليلاً ونهاراً.
    url: https://example.org/help

  - id: stories
    kind: collection
    title:
      en: Stories
      ar: قصص
    summary:
      en: Workers tell their journey.
      ar: عمال يروون رحلتهم.
    items:
      - id: story-one
        kind: article
        title:
          en: Amal's story
          ar: قصة أمل
        body:
          en: Amal worked in Doha for 3 years.
          ar: عملت أمل في Doha لمدة 3 سنوات.
      - id: story-two
        kind: article
        title:
          en: Karim's story
          ar: قصة كريم
        body:
          en: Karim found help through the helpline.
          ar: وجد كريم المساعدة عبر خط المساعدة.
      - id: story-three
        kind: article
        title:
          en: Sara's story
          ar: قصة سارة
        body:
          en: Sara kept her passport.
          ar: احتفظت سارة بجواز سفرها.
"""


def several_page_pdf(path: Path, pages: int = DOCUMENT_PAGES) -> None:
    """A real PDF of `pages` pages, each with a large page number: what the pager turns."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    writer.setResolution(72)
    painter = QPainter(writer)
    font = QFont()
    font.setPixelSize(120)
    painter.setFont(font)
    for number in range(1, pages + 1):
        if number > 1:
            writer.newPage()
        painter.drawText(60, 300, str(number))
    painter.end()


def build_arabic_content(root: Path) -> ContentFolder:
    folder = ContentFolder(root)
    folder.write("agenda.yaml", AGENDA)
    folder.write("sections/10-rights.yaml", SECTION)
    folder.path("media").mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "ok.mp4", folder.path("media/clip.mp4"))
    folder.path("documents").mkdir(parents=True, exist_ok=True)
    several_page_pdf(folder.path("documents/handbook.pdf"))
    return folder


if __name__ == "__main__":
    # For a person's look: `uv run python -m tests.ui.rtl_content DIR`, then `kiosk snapshot --all`.
    import sys

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    build_arabic_content(Path(sys.argv[1]))
