#include <ui/prompts.h>

#include <QMessageBox>

namespace enlace {

bool WidgetPrompts::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

}   // namespace enlace
