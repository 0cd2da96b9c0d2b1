#pragma once

#include <QString>

class QWidget;

namespace enlace {

// The questions the console asks the agent and must have answered at once (closing during a
// call). Injected, so that tests script the answers (tests/support's ScriptedPrompts).
class Prompts
{
public:
    virtual ~Prompts() = default;
    virtual bool confirm(QWidget *parent, const QString &title, const QString &text) = 0;
};

// Prompts as message boxes.
class WidgetPrompts final : public Prompts
{
public:
    bool confirm(QWidget *parent, const QString &title, const QString &text) override;
};

}   // namespace enlace
