#pragma once

#include <ui/prompts.h>

#include <QStringList>

namespace enlace::test {

// Prompts answered by the test: every question recorded, answered with `answer`.
class ScriptedPrompts final : public Prompts
{
public:
    bool confirm(QWidget *, const QString &title, const QString &text) override
    {
        asked.append(title + u": " + text);
        return answer;
    }

    bool answer = true;
    QStringList asked;
};

}   // namespace enlace::test
