#pragma once

#include <QString>

namespace enlace::test {

// Absolute path of a file under tests/data.
QString testDataPath(const QString &relative);

}   // namespace enlace::test
