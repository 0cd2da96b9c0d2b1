#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace enlace::test {

// What every tests/data/csv/good_*.csv file means (see tests/data/csv/make_corpus.py).
QStringList corpusHeader();
QList<QStringList> corpusGoodRows();
// Absolute path of tests/data/csv/<name>.
QString corpusFile(const QString &name);
// Writes text to a new file under dir and returns its path.
QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes);

}   // namespace enlace::test
