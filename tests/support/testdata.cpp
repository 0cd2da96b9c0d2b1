#include <tests/support/testdata.h>

#include <QDir>

namespace enlace::test {

QString testDataPath(const QString &relative)
{
    const QString root = qEnvironmentVariable("ENLACE_TEST_DATA", QStringLiteral(ENLACE_SOURCE_DIR "/tests/data"));
    return QDir(root).filePath(relative);
}

}   // namespace enlace::test
