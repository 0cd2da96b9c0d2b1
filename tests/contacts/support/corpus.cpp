#include <tests/contacts/support/corpus.h>
#include <tests/support/testdata.h>

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace enlace::test {

QStringList corpusHeader()
{
    return { u"telefono"_s, u"nombre"_s, u"apellido"_s, u"id_cliente"_s, u"notas"_s };
}

QList<QStringList> corpusGoodRows()
{
    return {
        { u"3511234567"_s, u"José"_s, u"Pérez"_s, u"C-001"_s, u"cliente \"VIP\", Córdoba"_s },
        { u"3517654321"_s, u"Zoë"_s, u"O'Brien 😀"_s, QString(), u"línea 1\nlínea 2"_s },
        { u"3510000000"_s, u"Ana"_s, QString(), QString(), QString() },
        { u"+54 351 555"_s, u"Łukasz"_s, u"Nowak"_s, u"C-004"_s, u"a;b\tc"_s },
        { u"3519999999"_s, u"Ñandú"_s, u"Ç'est \"ça\""_s, u"C-005"_s, u"  espacios  "_s },
    };
}

QString corpusFile(const QString &name)
{
    return testDataPath(u"csv/"_s + name);
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return path;
}

}   // namespace enlace::test
