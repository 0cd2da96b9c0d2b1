#pragma once

#include <QString>

class QCoreApplication;

namespace enlace {

// Installs the console's translations for language ("es", "en", "pt_BR"): Enlace's own (ui and
// core, compiled into the program under :/i18n) and Qt's (qtbase: its dialogs' buttons and
// shortcuts). English is the source language: nothing to install. Returns the language in use.
QString installConsoleTranslations(QCoreApplication &app, const QString &language);

}   // namespace enlace
