#include <core/contacts/filerange.h>

namespace enlace {

FileRange::FileRange(const QString &path, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_length(length)
{ }

FileRange::~FileRange() = default;

bool FileRange::open(OpenMode mode)
{
    if ((mode & ReadWrite) != ReadOnly || (mode & (Append | Truncate))) {
        setErrorString(
            QStringLiteral("a file range can only be read"));   // a caller's mistake, like QFile's own details
        return false;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    const qint64 fileSize = m_file.size();
    if (m_length < 0 && m_offset <= fileSize)
        m_length = fileSize - m_offset;
    if (m_offset < 0 || m_length < 0 || m_offset + m_length > fileSize) {
        m_file.close();
        setErrorString(QStringLiteral("the range lies outside the file (%1 bytes)").arg(fileSize));
        return false;
    }
    // Unbuffered: reads go straight to the file at the window's offset (QFile buffers them).
    return QIODevice::open(ReadOnly | Unbuffered);
}

void FileRange::close()
{
    QIODevice::close();
    m_file.close();
}

bool FileRange::seek(qint64 pos)
{
    if (pos < 0 || pos > size())
        return false;
    return QIODevice::seek(pos);
}

qint64 FileRange::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_length - pos();
    if (left <= 0)
        return 0;   // the window's end
    if (m_file.pos() != m_offset + pos() && !m_file.seek(m_offset + pos())) {
        setErrorString(m_file.errorString());
        return -1;
    }
    const qint64 n = m_file.read(data, qMin(maxSize, left));
    if (n < 0)
        setErrorString(m_file.errorString());
    return n;
}

}   // namespace enlace
