#pragma once

#include <QApplication>
#include <QString>
#include <QTest>
#include <QVariant>
#include <QWebEnginePage>

namespace enlace::test {

// Runs `script` in the page's main world and waits for its value (QVariant() after 20 s).
inline QVariant evalJs(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool done = false;
    page->runJavaScript(script, 0, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("evalJs: no answer to %s", qPrintable(script));
    return result;
}

// Before the QApplication: what Chromium needs to run in the tests (root, no GPU, offscreen).
inline void prepareWebEngineTestEnvironment()
{
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

}   // namespace enlace::test

#define ENLACE_WEBENGINE_TEST_MAIN(TestClass)                                                                          \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        enlace::test::prepareWebEngineTestEnvironment();                                                               \
        QApplication app(argc, argv);                                                                                  \
        app.setApplicationName(QStringLiteral("enlace-tests"));                                                        \
        TestClass test;                                                                                                \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
